package dev.annota.app.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.eval.classification.Calibration;
import dev.annota.eval.classification.ClassScores;
import dev.annota.eval.classification.MultiLabelMetrics;
import dev.annota.eval.classification.Prf;
import dev.annota.eval.classification.PrfReport;
import dev.annota.eval.classification.RankingScores;
import dev.annota.eval.classification.ScoreMetrics;
import dev.annota.eval.classification.SingleLabelMetrics;
import dev.annota.eval.classification.SliceReport;
import java.util.List;

/**
 * Classification metrics as JSON with the names and nesting of the scikit-learn reference files
 * ({@code shared/reference/metrics/cases/*&#47;expected.json}), so the two can be diffed; undefined values
 * (NaN) are {@code null}. Extra fields beyond the reference: {@code per_class_accuracy}, micro and weighted
 * ROC AUC, and {@code slices}.
 */
public final class ClassificationJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ClassificationJson() {
    }

    public static ObjectNode of(ClassificationEvaluation e) {
        ObjectNode o = e.metrics() instanceof ClassificationEvaluation.SingleLabel s
                ? single(s.metrics())
                : multi(((ClassificationEvaluation.MultiLabel) e.metrics()).metrics());
        e.slices().ifPresent(s -> o.set("slices", slices(s)));
        return o;
    }

    static ObjectNode single(SingleLabelMetrics m) {
        ObjectNode o = F.objectNode();
        List<String> labels = m.labels();
        o.put("n", m.n());
        o.put("accuracy", m.accuracy());
        o.put("balanced_accuracy", m.balancedAccuracy());
        if (m.isBinary()) {
            o.set("binary_pos1", prf(m.prf().perClass().get(1).scores()));
        }
        averages(o, m.prf());
        o.set("per_class", perClass(m.prf()));
        o.set("per_class_accuracy", byLabel(labels, m.perClassAccuracy()));
        o.set("confusion_matrix", matrix(m.confusion().counts()));
        m.scores().ifPresent(s -> scores(o, labels, m.isBinary(), s));
        o.put("matthews_corrcoef", m.matthews());
        o.put("cohen_kappa_true_vs_pred", m.cohenKappa());
        m.scores().ifPresent(s -> {
            calibration(o, "top_label", s.topLabel(), "mean_confidence", "accuracy");
            s.positiveClass().ifPresent(c -> calibration(o, "positive_class", c, "mean_predicted", "fraction_positive"));
        });
        return o;
    }

    private static void scores(ObjectNode o, List<String> labels, boolean binary, ScoreMetrics s) {
        if (binary) {
            number(o, "roc_auc", s.rocAuc().perClass()[1]);
            number(o, "average_precision", s.averagePrecision().perClass()[1]);
        } else {
            averaged(o, "roc_auc_ovr", labels, s.rocAuc(), "_per_class");
            number(o, "roc_auc_ovo_macro", s.rocAucOvoMacro());
            averaged(o, "average_precision_ovr", labels, s.averagePrecision(), "_per_class");
        }
        number(o, "log_loss", s.logLoss());
        s.brierScore().ifPresent(b -> o.put("brier_score", b));
        s.topK().forEach((k, v) -> o.put("top_" + k + "_accuracy", v));
    }

    static ObjectNode multi(MultiLabelMetrics m) {
        ObjectNode o = F.objectNode();
        List<String> labels = m.labels();
        o.put("n", m.n());
        o.put("subset_accuracy", m.subsetAccuracy());
        o.put("hamming_loss", m.hammingLoss());
        averages(o, m.perLabel());
        o.set("samples", prf(m.samples()));
        o.set("per_label", perClass(m.perLabel()));
        o.put("jaccard_samples", m.jaccardSamples());
        o.put("jaccard_macro", m.jaccardMacro());
        ObjectNode conf = o.putObject("per_label_confusion_matrix_tn_fp_fn_tp");
        for (int j = 0; j < labels.size(); j++) {
            ArrayNode a = conf.putArray(labels.get(j));
            for (long v : m.perLabelConfusion().get(j)) {
                a.add(v);
            }
        }
        m.scores().ifPresent(s -> {
            number(o, "label_ranking_average_precision", s.labelRankingAveragePrecision());
            averaged(o, "roc_auc", labels, s.rocAuc(), "_per_label");
            averaged(o, "average_precision", labels, s.averagePrecision(), "_per_label");
            calibration(o, "positive_class", s.calibration(), "mean_predicted", "fraction_positive");
        });
        return o;
    }

    private static void averages(ObjectNode o, PrfReport r) {
        o.set("micro", prf(r.micro()));
        o.set("macro", prf(r.macro()));
        o.set("weighted", prf(r.weighted()));
    }

    private static ObjectNode perClass(PrfReport r) {
        ObjectNode per = F.objectNode();
        for (ClassScores c : r.perClass()) {
            ObjectNode x = prf(c.scores());
            x.put("support", c.support());
            per.set(c.label(), x);
        }
        return per;
    }

    private static void averaged(ObjectNode o, String prefix, List<String> labels, RankingScores.Averaged a,
                                 String perName) {
        number(o, prefix + "_macro", a.macro());
        number(o, prefix + "_weighted", a.weighted());
        number(o, prefix + "_micro", a.micro());
        o.set(prefix + perName, byLabel(labels, a.perClass()));
    }

    private static void calibration(ObjectNode o, String form, Calibration c, String confName, String accName) {
        String key = "ece_" + form + "_15";
        o.put(key, c.ece());
        o.put("mce_" + form + "_15", c.mce());
        ArrayNode bins = o.putArray(key + "_bins");
        for (Calibration.Bin b : c.bins()) {
            ObjectNode x = bins.addObject();
            x.put("bin", b.index());
            x.put("lower", b.lower());
            x.put("upper", b.upper());
            x.put("count", b.count());
            if (b.meanConfidence().isPresent()) {
                x.put(confName, b.meanConfidence().getAsDouble());
                x.put(accName, b.accuracy().getAsDouble());
            } else {
                x.putNull(confName);
                x.putNull(accName);
            }
        }
    }

    private static ObjectNode slices(SliceReport r) {
        ObjectNode o = F.objectNode();
        ObjectNode by = o.putObject("by_slice");
        r.slices().forEach((name, s) -> {
            ObjectNode x = by.putObject(name);
            x.put("n", s.n());
            s.metrics().forEach((k, v) -> number(x, k, v));
        });
        ObjectNode gaps = o.putObject("largest_gap");
        r.gaps().forEach((metric, g) -> {
            ObjectNode x = gaps.putObject(metric);
            x.put("gap", g.gap());
            x.put("highest_slice", g.highestSlice());
            x.put("highest", g.highest());
            x.put("lowest_slice", g.lowestSlice());
            x.put("lowest", g.lowest());
        });
        return o;
    }

    static ObjectNode prf(Prf p) {
        ObjectNode o = F.objectNode();
        o.put("precision", p.precision());
        o.put("recall", p.recall());
        o.put("f1", p.f1());
        return o;
    }

    static ObjectNode byLabel(List<String> labels, double[] values) {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < labels.size(); i++) {
            number(o, labels.get(i), values[i]);
        }
        return o;
    }

    static ArrayNode matrix(long[][] m) {
        ArrayNode a = F.arrayNode();
        for (long[] row : m) {
            ArrayNode r = a.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        return a;
    }

    /** A number, or null when it is NaN or infinite (JSON has neither). */
    static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
