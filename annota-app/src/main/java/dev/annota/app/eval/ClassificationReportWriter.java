package dev.annota.app.eval;

import dev.annota.eval.classification.BinaryCurve;
import dev.annota.eval.classification.Calibration;
import dev.annota.eval.classification.ClassScores;
import dev.annota.eval.classification.Mistakes;
import dev.annota.eval.classification.MultiLabelMetrics;
import dev.annota.eval.classification.PrfReport;
import dev.annota.eval.classification.RankingScores;
import dev.annota.eval.classification.SingleLabelInput;
import dev.annota.eval.classification.SingleLabelMetrics;
import dev.annota.eval.classification.SliceReport;
import dev.annota.eval.report.ClassBarsChart;
import dev.annota.eval.report.ConfusionMatrixChart;
import dev.annota.eval.report.CurveChart;
import dev.annota.eval.report.HtmlReport;
import dev.annota.eval.report.Png;
import dev.annota.eval.report.ReliabilityChart;
import dev.annota.eval.report.Thumbnail;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code report.html} (self-contained: charts and thumbnails embedded) and each chart as its own PNG
 * into a folder: metric tables, confusion matrix, ROC and PR curves, reliability diagram, per-class bars,
 * per-slice table with the largest gaps, and the gallery of the most confident mistakes when images are given.
 */
final class ClassificationReportWriter {
    static final int GALLERY = 24;
    static final int THUMB = 180;

    private ClassificationReportWriter() {
    }

    static Path write(ClassificationEvaluation e, Path dir) throws IOException {
        Files.createDirectories(dir);
        HtmlReport html = new HtmlReport("Classification report",
                e.data().file().getFileName() + " · " + e.data().predictions().size() + " samples");
        if (e.metrics() instanceof ClassificationEvaluation.SingleLabel s) {
            single(html, dir, s.metrics(), e);
        } else {
            multi(html, dir, ((ClassificationEvaluation.MultiLabel) e.metrics()).metrics());
        }
        e.slices().ifPresent(r -> slices(html, r));
        Path out = dir.resolve("report.html");
        Files.writeString(out, html.render(), StandardCharsets.UTF_8);
        return out;
    }

    private static void single(HtmlReport html, Path dir, SingleLabelMetrics m, ClassificationEvaluation e)
            throws IOException {
        List<List<String>> summary = new ArrayList<>(List.of(
                row("accuracy", m.accuracy()), row("balanced accuracy", m.balancedAccuracy()),
                row("macro F1", m.prf().macro().f1()), row("weighted F1", m.prf().weighted().f1()),
                row("Matthews correlation", m.matthews()), row("Cohen's kappa (true vs predicted)", m.cohenKappa())));
        m.scores().ifPresent(s -> {
            summary.add(row(m.isBinary() ? "ROC AUC" : "ROC AUC (one-vs-rest macro)",
                    m.isBinary() ? s.rocAuc().perClass()[1] : s.rocAuc().macro()));
            summary.add(row(m.isBinary() ? "average precision" : "average precision (macro)",
                    m.isBinary() ? s.averagePrecision().perClass()[1] : s.averagePrecision().macro()));
            summary.add(row("log loss", s.logLoss()));
            s.brierScore().ifPresent(b -> summary.add(row("Brier score", b)));
            s.topK().forEach((k, v) -> summary.add(row("top-" + k + " accuracy", v)));
            summary.add(row("ECE (top label, 15 bins)", s.topLabel().ece()));
        });
        html.heading("Summary").table(List.of("metric", "value"), summary);
        perClass(html, m.prf(), m.perClassAccuracy());
        html.heading("Charts");
        html.image("confusion matrix", chart(dir, "confusion_matrix.png",
                ConfusionMatrixChart.render(m.labels(), m.confusion().counts())));
        html.image("per-class bars", chart(dir, "per_class.png", ClassBarsChart.render(m.prf().perClass())));
        if (m.scores().isPresent()) {
            var s = m.scores().get();
            curves(html, dir, m.labels(), s.curves(), s.rocAuc(), s.averagePrecision(), m.isBinary());
            html.image("reliability", chart(dir, "reliability.png", ReliabilityChart.render(s.topLabel(), "top label")));
            calibrationTable(html, s.topLabel());
        }
        if (e.data().images().isPresent() && e.data().predictions() instanceof ClassificationData.SingleLabel in) {
            gallery(html, in.input(), e.data().images().get());
        }
    }

    private static void multi(HtmlReport html, Path dir, MultiLabelMetrics m) throws IOException {
        List<List<String>> summary = new ArrayList<>(List.of(
                row("subset accuracy", m.subsetAccuracy()), row("Hamming loss", m.hammingLoss()),
                row("micro F1", m.perLabel().micro().f1()), row("macro F1", m.perLabel().macro().f1()),
                row("samples F1", m.samples().f1()), row("Jaccard (samples)", m.jaccardSamples())));
        m.scores().ifPresent(s -> {
            summary.add(row("ROC AUC (macro)", s.rocAuc().macro()));
            summary.add(row("label ranking average precision", s.labelRankingAveragePrecision()));
        });
        html.heading("Summary").table(List.of("metric", "value"), summary);
        perClass(html, m.perLabel(), null);
        html.heading("Charts");
        html.image("per-label bars", chart(dir, "per_class.png", ClassBarsChart.render(m.perLabel().perClass())));
        if (m.scores().isPresent()) {
            var s = m.scores().get();
            curves(html, dir, m.labels(), s.curves(), s.rocAuc(), s.averagePrecision(), false);
            html.image("reliability", chart(dir, "reliability.png",
                    ReliabilityChart.render(s.calibration(), "every label")));
        }
    }

    private static void perClass(HtmlReport html, PrfReport r, double[] accuracy) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < r.perClass().size(); i++) {
            ClassScores c = r.perClass().get(i);
            List<String> row = new ArrayList<>(List.of(c.label(), f(c.scores().precision()), f(c.scores().recall()),
                    f(c.scores().f1()), String.valueOf(c.support())));
            if (accuracy != null) {
                row.add(f(accuracy[i]));
            }
            rows.add(row);
        }
        rows.add(List.of("micro", f(r.micro().precision()), f(r.micro().recall()), f(r.micro().f1()), ""));
        rows.add(List.of("macro", f(r.macro().precision()), f(r.macro().recall()), f(r.macro().f1()), ""));
        rows.add(List.of("weighted", f(r.weighted().precision()), f(r.weighted().recall()), f(r.weighted().f1()), ""));
        List<String> header = new ArrayList<>(List.of("label", "precision", "recall", "F1", "support"));
        if (accuracy != null) {
            header.add("accuracy");
        }
        html.heading("Per class").table(header, rows);
    }

    private static void curves(HtmlReport html, Path dir, List<String> labels, List<BinaryCurve> curves,
                               RankingScores.Averaged auc, RankingScores.Averaged ap, boolean binary)
            throws IOException {
        List<CurveChart.Series> roc = new ArrayList<>(), pr = new ArrayList<>();
        for (int c = binary ? 1 : 0; c < labels.size(); c++) {
            roc.add(new CurveChart.Series(labels.get(c), curves.get(c).roc(), auc.perClass()[c]));
            pr.add(new CurveChart.Series(labels.get(c), curves.get(c).precisionRecall(), ap.perClass()[c]));
        }
        html.image("ROC curves", chart(dir, "roc.png", CurveChart.roc(roc)));
        html.image("precision-recall curves", chart(dir, "pr.png", CurveChart.precisionRecall(pr)));
    }

    private static void calibrationTable(HtmlReport html, Calibration cal) {
        List<List<String>> rows = new ArrayList<>();
        for (Calibration.Bin b : cal.bins()) {
            rows.add(List.of(String.format(Locale.ROOT, "(%.3f, %.3f]", b.lower(), b.upper()), String.valueOf(b.count()),
                    b.meanConfidence().isPresent() ? f(b.meanConfidence().getAsDouble()) : "–",
                    b.accuracy().isPresent() ? f(b.accuracy().getAsDouble()) : "–"));
        }
        html.heading("Reliability table (top label)")
                .table(List.of("confidence bin", "count", "mean confidence", "accuracy"), rows);
    }

    private static void slices(HtmlReport html, SliceReport r) {
        List<String> metrics = r.slices().values().stream().findFirst().map(s -> List.copyOf(s.metrics().keySet()))
                .orElse(List.of());
        List<String> header = new ArrayList<>(List.of("slice", "n"));
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        r.slices().forEach((name, s) -> {
            List<String> row = new ArrayList<>(List.of(name, String.valueOf(s.n())));
            metrics.forEach(k -> row.add(f(s.metrics().getOrDefault(k, Double.NaN))));
            rows.add(row);
        });
        html.heading("Per slice").table(header, rows);
        List<List<String>> gaps = new ArrayList<>();
        r.gaps().forEach((k, g) -> gaps.add(List.of(k, f(g.gap()), g.highestSlice() + " (" + f(g.highest()) + ")",
                g.lowestSlice() + " (" + f(g.lowest()) + ")")));
        html.heading("Largest gap between slices").table(List.of("metric", "gap", "highest", "lowest"), gaps);
    }

    private static void gallery(HtmlReport html, SingleLabelInput in, List<Path> images) throws IOException {
        List<Mistakes.Mistake> worst = Mistakes.worst(in, GALLERY);
        List<HtmlReport.Tile> tiles = new ArrayList<>();
        for (Mistakes.Mistake m : worst) {
            Path img = images.get(m.sample());
            tiles.add(new HtmlReport.Tile(Files.isRegularFile(img) ? Thumbnail.of(img, THUMB) : java.util.Optional.empty(),
                    List.of("#" + m.sample() + " " + img.getFileName(),
                            "true: " + in.labels().get(m.trueLabel()),
                            "predicted: " + in.labels().get(m.predictedLabel())
                                    + (Double.isNaN(m.confidence()) ? "" : " (" + f(m.confidence()) + ")"))));
        }
        html.heading("Most confident mistakes (" + worst.size() + ")").gallery(tiles);
    }

    private static byte[] chart(Path dir, String name, BufferedImage image) throws IOException {
        byte[] png = Png.bytes(image);
        Files.write(dir.resolve(name), png);
        return png;
    }

    private static List<String> row(String name, double v) {
        return List.of(name, f(v));
    }

    static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
