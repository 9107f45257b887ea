package dev.annota.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.eval.EvaluateCoco;
import dev.annota.eval.coco.CocoEvaluation;
import dev.annota.eval.coco.IouType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota eval coco}: pycocotools' COCOeval on a ground-truth file and a results file. */
@Command(name = "coco", mixinStandardHelpOptions = true,
        description = {"COCO detection evaluation (bbox, segm, keypoints), identical to pycocotools.", "",
                "Prints the 12 summary lines of COCOeval.summarize() (keypoints: 10), or with --json",
                "{\"stats\": [...], \"per_category_ap\": {\"<category id>\": ap}} (-1: no ground truth)."})
final class EvalCocoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--gt", required = true, paramLabel = "GT.json", description = "COCO ground-truth file.")
    Path gt;

    @Option(names = "--dt", required = true, paramLabel = "DT.json", description = "COCO results file (a JSON array).")
    Path dt;

    @Option(names = "--iou-type", paramLabel = "bbox|segm|keypoints", defaultValue = "bbox",
            description = "What detections are compared by (default: ${DEFAULT-VALUE}).")
    String iouType;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        IouType type;
        try {
            type = IouType.parse(iouType);
        } catch (dev.annota.core.error.ValidationException e) {
            throw dev.annota.core.error.ValidationException.of("--iou-type", iouType, "expected bbox, segm or keypoints");
        }
        CocoEvaluation r = new EvaluateCoco().evaluate(gt, dt, type);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            ArrayNode stats = o.putArray("stats");
            r.stats().forEach(stats::add);
            ObjectNode perCategory = o.putObject("per_category_ap");
            for (Map.Entry<Long, Double> e : r.perCategoryAp().entrySet()) {
                perCategory.put(Long.toString(e.getKey()), e.getValue());
            }
            out.println(Json.MAPPER.writeValueAsString(o));
        } else {
            r.summaryLines().forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
