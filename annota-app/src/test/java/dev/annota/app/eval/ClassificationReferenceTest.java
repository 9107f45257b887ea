package dev.annota.app.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.testkit.ReferenceTrees;
import dev.annota.testkit.SharedData;
import java.io.IOException;
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

    static Stream<Path> cases() throws IOException {
        Optional<Path> dir = SharedData.resolve("reference/metrics/cases");
        Assumptions.assumeTrue(dir.isPresent(), "shared/reference/metrics/cases is absent: nothing to compare with");
        try (Stream<Path> s = Files.list(dir.get())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_reference_field_is_reproduced_within_1e_12(Path dir) throws IOException {
        Object expected = MAPPER.readValue(dir.resolve("expected.json").toFile(), Object.class);
        boolean ratings = MAPPER.readTree(dir.resolve("input.json").toFile()).has("annotator_a");
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
