package dev.annota.spark;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job did: images read, bad rows (and the first few messages), results written, time, and the eval
 * summary for eval jobs. Written to {@code OUT/job.json} and printed by {@code annota spark ... --json}.
 *
 * @param modelSha256 of the ONNX file: the model version the importer stores with the suggestions
 */
public record JobReport(JobKind kind, String model, String modelSource, String modelSha256, String master, String out,
                        long images, long errors, List<String> firstErrors, long results, double seconds,
                        Optional<EvalSummary> eval) {
    public JobReport {
        Objects.requireNonNull(kind, "kind");
        firstErrors = List.copyOf(firstErrors);
        Objects.requireNonNull(eval, "eval");
    }

    /** Images read per second, the whole job (reading the manifest and writing the outputs included). */
    public double imagesPerSecond() {
        return seconds <= 0 ? 0 : images / seconds;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", kind.id()).put("model", model).put("model_source", modelSource).put("model_sha256", modelSha256)
                .put("master", master).put("out", out).put("images", images).put("errors", errors).put("results", results)
                .put("seconds", Math.round(seconds * 1000) / 1000.0)
                .put("images_per_second", Math.round(imagesPerSecond() * 10) / 10.0);
        var first = o.putArray("first_errors");
        firstErrors.forEach(first::add);
        eval.ifPresent(e -> o.set("eval", e.toJson()));
        return o;
    }

    /** One line for people. */
    public String message() {
        String line = String.format(Locale.ROOT, "%s with %s: %d image(s), %d bad row(s), %d result(s) in %.1f s (%.1f images/s) → %s",
                kind.id(), model, images, errors, results, seconds, imagesPerSecond(), out);
        return eval.map(e -> line + String.format(Locale.ROOT, "%ntop-1 accuracy %.4f, top-%d %.4f over %d image(s)",
                e.top1Accuracy(), e.k(), e.topKAccuracy(), e.images())).orElse(line);
    }
}
