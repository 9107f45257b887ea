package dev.annota.cli;

import dev.annota.app.eval.ClassificationEvaluation;
import dev.annota.app.eval.ClassificationJson;
import dev.annota.app.eval.EvaluateClassification;
import dev.annota.eval.classification.ClassScores;
import dev.annota.eval.classification.MultiLabelMetrics;
import dev.annota.eval.classification.PrfReport;
import dev.annota.eval.classification.SingleLabelMetrics;
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

/** {@code annota eval classification}: scikit-learn-identical metrics, per-slice gaps and an HTML report. */
@Command(name = "classification", mixinStandardHelpOptions = true,
        description = {"Classification metrics, identical to scikit-learn 1.2.1 (zero_division = 0).", "",
                "IN.json: labels, y_true, y_pred (indices, or 0/1 matrices for multi-label), optional y_score,",
                "slices (one name per sample: per-slice metrics and their largest gaps) and images (one path",
                "per sample: gallery of the most confident mistakes in the report)."})
final class EvalClassificationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "IN.json", description = "Predictions to evaluate.")
    Path input;

    @Option(names = "--report", paramLabel = "DIR", description = "Write report.html and the charts (PNG) here.")
    Path report;

    @Option(names = "--json", description = "Print the metrics as JSON, named and nested as scikit-learn's reference files.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        ClassificationEvaluation e = EvaluateClassification.run(input, Optional.ofNullable(report));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(ClassificationJson.of(e)));
            return 0;
        }
        if (e.metrics() instanceof ClassificationEvaluation.SingleLabel s) {
            single(out, s.metrics());
        } else {
            multi(out, ((ClassificationEvaluation.MultiLabel) e.metrics()).metrics());
        }
        e.slices().ifPresent(r -> {
            out.println();
            out.printf(Locale.ROOT, "slices (%d): largest gaps%n", r.slices().size());
            r.gaps().forEach((k, g) -> out.printf(Locale.ROOT, "  %-22s %.4f  (%s %.4f, %s %.4f)%n", k, g.gap(),
                    g.highestSlice(), g.highest(), g.lowestSlice(), g.lowest()));
        });
        e.report().ifPresent(p -> out.println("\nreport: " + p));
        return 0;
    }

    private static void single(PrintWriter out, SingleLabelMetrics m) {
        out.printf(Locale.ROOT, "%d samples, %d labels (%s)%n%n", m.n(), m.labels().size(), m.isBinary() ? "binary" : "multi-class");
        line(out, "accuracy", m.accuracy());
        line(out, "balanced accuracy", m.balancedAccuracy());
        line(out, "macro F1", m.prf().macro().f1());
        line(out, "weighted F1", m.prf().weighted().f1());
        line(out, "Matthews correlation", m.matthews());
        line(out, "Cohen's kappa", m.cohenKappa());
        m.scores().ifPresent(s -> {
            line(out, m.isBinary() ? "ROC AUC" : "ROC AUC (OvR macro)", m.isBinary() ? s.rocAuc().perClass()[1] : s.rocAuc().macro());
            if (!m.isBinary()) {
                line(out, "ROC AUC (OvO macro)", s.rocAucOvoMacro());
            }
            line(out, m.isBinary() ? "average precision" : "average precision (macro)",
                    m.isBinary() ? s.averagePrecision().perClass()[1] : s.averagePrecision().macro());
            line(out, "log loss", s.logLoss());
            s.brierScore().ifPresent(b -> line(out, "Brier score", b));
            s.topK().forEach((k, v) -> line(out, "top-" + k + " accuracy", v));
            line(out, "ECE (15 bins)", s.topLabel().ece());
        });
        table(out, m.prf());
    }

    private static void multi(PrintWriter out, MultiLabelMetrics m) {
        out.printf(Locale.ROOT, "%d samples, %d labels (multi-label)%n%n", m.n(), m.labels().size());
        line(out, "subset accuracy", m.subsetAccuracy());
        line(out, "Hamming loss", m.hammingLoss());
        line(out, "micro F1", m.perLabel().micro().f1());
        line(out, "macro F1", m.perLabel().macro().f1());
        line(out, "samples F1", m.samples().f1());
        line(out, "Jaccard (samples)", m.jaccardSamples());
        m.scores().ifPresent(s -> {
            line(out, "ROC AUC (macro)", s.rocAuc().macro());
            line(out, "label ranking AP", s.labelRankingAveragePrecision());
        });
        table(out, m.perLabel());
    }

    private static void table(PrintWriter out, PrfReport r) {
        out.printf(Locale.ROOT, "%n  %-20s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support");
        for (ClassScores c : r.perClass()) {
            String name = c.label().length() > 20 ? c.label().substring(0, 19) + "…" : c.label();
            out.printf(Locale.ROOT, "  %-20s %9.4f %9.4f %9.4f %8d%n", name, c.scores().precision(), c.scores().recall(),
                    c.scores().f1(), c.support());
        }
        out.printf(Locale.ROOT, "  %-20s %9.4f %9.4f %9.4f%n", "macro", r.macro().precision(), r.macro().recall(), r.macro().f1());
        out.printf(Locale.ROOT, "  %-20s %9.4f %9.4f %9.4f%n", "weighted", r.weighted().precision(), r.weighted().recall(),
                r.weighted().f1());
    }

    private static void line(PrintWriter out, String name, double v) {
        out.printf(Locale.ROOT, "  %-26s %s%n", name, Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v));
    }
}
