package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EvalCommandsTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    static Stream<Path> cases() throws IOException {
        Optional<Path> dir = SharedData.resolve("reference/metrics/cases");
        Assumptions.assumeTrue(dir.isPresent(), "shared/reference/metrics/cases is absent: nothing to compare with");
        try (Stream<Path> s = Files.list(dir.get())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void json_output_matches_every_field_of_the_reference_case(Path dir) throws IOException {
        boolean ratings = MAPPER.readTree(dir.resolve("input.json").toFile()).has("annotator_a");
        CliBasicsTest.Run r = CliBasicsTest.run("eval", ratings ? "agreement" : "classification",
                "--input", dir.resolve("input.json").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Object expected = MAPPER.readValue(dir.resolve("expected.json").toFile(), Object.class);
        List<String> diffs = ReferenceTrees.differences(expected, MAPPER.readValue(r.out(), Object.class), 1e-12, Set.of());
        assertTrue(diffs.isEmpty(), String.join("\n", diffs));
    }

    @Test
    void text_output_is_a_readable_summary_table_and_the_report_lands_in_the_folder() throws IOException {
        Path in = SharedData.resolve("reference/metrics/cases/multiclass_4_small/input.json").orElse(null);
        Assumptions.assumeTrue(in != null, "shared reference case multiclass_4_small is absent");
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "classification", "--input", in.toString(),
                "--report", tmp.resolve("rep").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("accuracy                   0.6250"), r.out());
        assertTrue(r.out().contains("macro F1"), r.out());
        assertTrue(r.out().contains("precision    recall"), r.out());
        assertTrue(Files.isRegularFile(tmp.resolve("rep/report.html")));
        assertTrue(Files.isRegularFile(tmp.resolve("rep/confusion_matrix.png")));
    }

    @Test
    void agreement_reports_krippendorff_alpha_with_missing_ratings() throws IOException {
        Path f = tmp.resolve("ratings.json");
        Files.writeString(f, """
                {"level": "nominal", "ratings": [[1, 1, null], [2, 2, 2], [3, 3, 1], [1, null, 1], [2, 2, 2]]}
                """);
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "agreement", "--input", f.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        var json = MAPPER.readTree(r.out());
        assertTrue(json.get("krippendorff_alpha").isNumber(), r.out());
        assertEquals(3, json.get("pairwise_cohen_kappa").size(), r.out());
        assertTrue(!json.has("fleiss_kappa"), "Fleiss needs complete ratings: " + r.out());
    }

    @Test
    void a_label_index_out_of_range_is_bad_input_naming_file_pointer_and_value() throws IOException {
        Path f = tmp.resolve("in.json");
        Files.writeString(f, "{\"labels\": [\"a\", \"b\", \"c\"], \"y_true\": [0, 1, 7], \"y_pred\": [0, 1, 2]}");
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "classification", "--input", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("in.json#/y_true/2") && r.err().contains("'y_true'") && r.err().contains("\"7\""),
                r.err());
        assertTrue(!r.err().contains("at dev.annota"), r.err());
    }

    @Test
    void a_missing_input_file_is_bad_input() {
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "agreement", "--input", tmp.resolve("nope.json").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("nope.json"), r.err());
    }
}
