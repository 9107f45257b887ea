package dev.annota.cli;

import dev.annota.app.eval.ClassificationData;
import dev.annota.app.eval.ClassificationEvaluation;
import dev.annota.app.eval.ClassificationJson;
import dev.annota.eval.classification.ClassScores;
import dev.annota.eval.classification.MultiLabelMetrics;
import dev.annota.eval.classification.PrfReport;
import dev.annota.eval.classification.SingleLabelMetrics;
import dev.annota.train.ModelEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota eval model}: run a classification model package over a labelled ImageFolder and print the metrics. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Run a classification model package over a labelled ImageFolder (or CSV) and print the",
                "classification metrics (scikit-learn-identical; --json uses the same names as eval classification)."})
final class EvalModelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model package (as annota predict takes it).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR|CSV", description = "Labelled images: ImageFolder or CSV.")
    Path data;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Inference threads (default 2).")
    int threads;

    @Option(names = "--json", description = "Print the metrics as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        ModelEvaluation.Result r = ModelEvaluation.run(model, data, threads);
        PrintWriter out = spec.commandLine().getOut();
        ClassificationEvaluation.Metrics metrics = r.single().isPresent()
                ? new ClassificationEvaluation.SingleLabel(SingleLabelMetrics.of(r.single().get()))
                : new ClassificationEvaluation.MultiLabel(MultiLabelMetrics.of(r.multi().get()));
        if (json) {
            ClassificationData.Predictions p = r.single().isPresent()
                    ? new ClassificationData.SingleLabel(r.single().get())
                    : new ClassificationData.MultiLabel(r.multi().get());
            ClassificationEvaluation e = new ClassificationEvaluation(new ClassificationData(data, p, Optional.empty(), Optional.empty()),
                    metrics, Optional.empty(), Optional.empty());
            out.println(Json.MAPPER.writeValueAsString(ClassificationJson.of(e)));
            return 0;
        }
        if (metrics instanceof ClassificationEvaluation.SingleLabel s) {
            SingleLabelMetrics m = s.metrics();
            out.printf(Locale.ROOT, "%s on %s: %d images, %d labels%n%n", model, data, m.n(), m.labels().size());
            line(out, "accuracy", m.accuracy());
            line(out, "balanced accuracy", m.balancedAccuracy());
            line(out, "macro F1", m.prf().macro().f1());
            line(out, "weighted F1", m.prf().weighted().f1());
            m.scores().ifPresent(sc -> line(out, "log loss", sc.logLoss()));
            table(out, m.prf());
            out.println("\n  confusion_matrix (rows: true, columns: predicted)");
            for (int i = 0; i < m.labels().size(); i++) {
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-20s", m.labels().get(i)));
                for (long v : m.confusion().counts()[i]) {
                    b.append(String.format(Locale.ROOT, " %6d", v));
                }
                out.println(b);
            }
        } else {
            MultiLabelMetrics m = ((ClassificationEvaluation.MultiLabel) metrics).metrics();
            out.printf(Locale.ROOT, "%s on %s: %d images, %d labels (multi-label)%n%n", model, data, m.n(), m.labels().size());
            line(out, "subset accuracy", m.subsetAccuracy());
            line(out, "Hamming loss", m.hammingLoss());
            line(out, "micro F1", m.perLabel().micro().f1());
            line(out, "macro F1", m.perLabel().macro().f1());
            table(out, m.perLabel());
        }
        return 0;
    }

    private static void table(PrintWriter out, PrfReport r) {
        out.printf(Locale.ROOT, "%n  %-20s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support");
        for (ClassScores c : r.perClass()) {
            out.printf(Locale.ROOT, "  %-20s %9.4f %9.4f %9.4f %8d%n", c.label(), c.scores().precision(), c.scores().recall(),
                    c.scores().f1(), c.support());
        }
        out.printf(Locale.ROOT, "  %-20s %9.4f %9.4f %9.4f%n", "macro", r.macro().precision(), r.macro().recall(), r.macro().f1());
    }

    private static void line(PrintWriter out, String name, double v) {
        out.printf(Locale.ROOT, "  %-22s %s%n", name, Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v));
    }
}
