package dev.annota.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.eval.coco.CocoEvaluation;
import dev.annota.eval.coco.IouType;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pycocotools reference case: the same stats (within 1e-9), summary lines and per-category AP. */
class EvaluateCocoReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> cases() throws IOException {
        Optional<Path> dir = SharedData.resolve("reference/cocoeval/cases");
        if (dir.isEmpty()) {
            return List.of("(shared reference data absent)");
        }
        try (Stream<Path> s = Files.list(dir.get())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproduces_the_pycocotools_numbers_of_each_reference_case(String name) throws IOException {
        Optional<Path> dir = SharedData.resolve("reference/cocoeval/cases/" + name);
        assumeTrue(dir.isPresent(), "the shared reference data (../shared/reference/cocoeval) is not present");
        Path caseDir = dir.get();
        JsonNode expected = JSON.readTree(caseDir.resolve("expected.json").toFile());
        IouType type = IouType.parse(JSON.readTree(caseDir.resolve("case.json").toFile()).get("iouType").asText());
        CocoEvaluation r = new EvaluateCoco().evaluate(caseDir.resolve("gt.json"), caseDir.resolve("dt.json"), type);

        JsonNode stats = expected.get("stats");
        assertEquals(stats.size(), r.stats().size());
        for (int i = 0; i < stats.size(); i++) {
            assertEquals(stats.get(i).asDouble(), r.stats().get(i), 1e-9, "stat " + i);
        }
        List<String> lines = new ArrayList<>();
        expected.get("summary_lines").forEach(l -> lines.add(l.asText()));
        assertEquals(lines, r.summaryLines());
        expected.get("per_category_AP").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asDouble(), r.perCategoryAp().get(Long.parseLong(e.getKey())), 1e-9,
                        "category " + e.getKey()));
        assertEquals(expected.get("per_category_AP").size(), r.perCategoryAp().size());
    }
}
