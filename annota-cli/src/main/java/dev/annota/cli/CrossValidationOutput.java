package dev.annota.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.error.ValidationException;
import dev.annota.train.CrossValidation;
import dev.annota.train.CrossValidationResult;
import dev.annota.train.TrainConfig;
import dev.annota.train.data.Dataset;
import dev.annota.train.loop.EpochStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/** {@code annota train --folds K}: runs k-fold cross-validation, prints per-fold and mean metrics, writes out-of-fold.csv. */
final class CrossValidationOutput {
    private CrossValidationOutput() {
    }

    static int run(CommandLine cl, TrainConfig c, Dataset d, int folds, Path out, boolean json, ConsoleProgress progress) throws IOException {
        if (folds < 2 || folds > d.size()) {
            throw ValidationException.of("--folds", folds, "2 to the number of images (" + d.size() + ")");
        }
        PrintWriter err = cl.getErr();
        int total = c.epochs();
        CrossValidationResult r = CrossValidation.run(c, d, folds, Optional.empty(), new CrossValidation.FoldListener() {
            int fold;
            int current;

            @Override
            public void fold(int index, int of) {
                fold = index + 1;
            }

            @Override
            public void batch(int epoch, int done, int steps, double loss) {
                if (epoch != current) {
                    current = epoch;
                    progress.start("fold " + fold + "/" + folds + " epoch " + epoch + "/" + total, steps);
                }
                progress.step(done);
            }

            @Override
            public void epoch(EpochStats s, boolean best) {
                progress.finish();
                current = 0;
            }
        });
        Files.createDirectories(out);
        Path csv = out.resolve("out-of-fold.csv");
        double[][] p = r.probabilities();
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("image,given," + String.join(",", r.labels().stream().map(CrossValidationOutput::quote).toList()) + "\n");
            for (int i = 0; i < d.size(); i++) {
                StringBuilder line = new StringBuilder(quote(d.samples().get(i).id())).append(',')
                        .append(quote(String.join(";", java.util.Arrays.stream(d.samples().get(i).labels()).mapToObj(d.labels()::name).toList())));
                for (double v : p[i]) {
                    line.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                }
                w.write(line.append('\n').toString());
            }
        }
        PrintWriter o = cl.getOut();
        if (json) {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("mode", c.mode().id());
            n.put("folds", folds);
            n.put("seed", c.seed());
            ArrayNode fs = n.putArray("per_fold");
            for (CrossValidationResult.Fold f : r.folds()) {
                ObjectNode fn = fs.addObject();
                fn.put("fold", f.index() + 1);
                fn.put("trained", f.trained());
                fn.put("validated", f.validated());
                fn.put("held_out", f.heldOut());
                fn.put("epochs", f.epochs());
                fn.set("metrics", Json.MAPPER.valueToTree(new java.util.TreeMap<>(f.metrics())));
            }
            n.set("mean", Json.MAPPER.valueToTree(new java.util.TreeMap<>(r.mean())));
            n.set("out_of_fold", Json.MAPPER.valueToTree(new java.util.TreeMap<>(r.pooled())));
            n.put("probabilities", csv.toAbsolutePath().toString());
            o.println(Json.MAPPER.writeValueAsString(n));
            return 0;
        }
        for (CrossValidationResult.Fold f : r.folds()) {
            o.printf(Locale.ROOT, "fold %d/%d: %d held out, %d epochs, accuracy %s, macro F1 %s%n", f.index() + 1, folds, f.heldOut(),
                    f.epochs(), fmt(f.metrics().get("accuracy")), fmt(f.metrics().get("macro_f1")));
        }
        r.mean().forEach((k, v) -> o.printf(Locale.ROOT, "  %-22s mean %s  out-of-fold %s%n", k, fmt(v), fmt(r.pooled().get(k))));
        o.println("out-of-fold probabilities: " + csv);
        return 0;
    }

    private static String fmt(Double v) {
        return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
