package dev.annota.app.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.testkit.ReferenceTrees;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of every scikit-learn / statsmodels reference case ({@code shared/reference/metrics/cases}) is
 * reproduced within 1e-12, walking {@code expected.json} generically: a field we do not produce fails.
 */
class ClassificationReferenceTest {
    static final double TOLERANCE = 1e-12;
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Reference fields we deliberately do not produce: none. */
    static final Set<String> NOT_SUPPORTED = Set.of();

    static Stream<Path> sharedCases() throws IOException {
        Optional<Path> dir = SharedData.resolve("reference/metrics/cases");
        Assumptions.assumeTrue(dir.isPresent(), "shared/reference/metrics/cases is absent: nothing to compare with");
        return caseFolders(dir.get());
    }

    /** Cases the shared reference lacks (multi-label, Fleiss from ratings, ties and bin edges): see generate.py. */
    static Stream<Path> localCases() throws IOException, URISyntaxException {
        return caseFolders(Path.of(ClassificationReferenceTest.class.getResource("cases").toURI()));
    }

    private static Stream<Path> caseFolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedCases")
    void every_shared_reference_field_is_reproduced_within_1e_12(Path dir) throws IOException {
        compare(dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("localCases")
    void every_field_of_our_extra_scikit_learn_cases_is_reproduced_within_1e_12(Path dir) throws IOException {
        compare(dir);
    }

    static void compare(Path dir) throws IOException {
        Object expected = MAPPER.readValue(dir.resolve("expected.json").toFile(), Object.class);
        com.fasterxml.jackson.databind.JsonNode input = MAPPER.readTree(dir.resolve("input.json").toFile());
        boolean ratings = input.has("annotator_a") || input.has("ratings") || input.has("counts");
        ObjectNode ours = ratings
                ? AgreementJson.of(EvaluateAgreement.run(dir.resolve("input.json")))
                : ClassificationJson.of(EvaluateClassification.run(dir.resolve("input.json"), Optional.empty()));
        List<String> diffs = ReferenceTrees.differences(expected, MAPPER.convertValue(ours, Object.class),
                TOLERANCE, NOT_SUPPORTED);
        int compared = ReferenceTrees.leaves(expected, NOT_SUPPORTED);
        assertTrue(diffs.isEmpty(), dir.getFileName() + ": " + diffs.size() + " of " + compared
                + " reference values differ:\n" + String.join("\n", diffs));
        assertTrue(compared > 5, "too few values compared: " + compared);
    }
}
