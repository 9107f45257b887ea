package dev.annota.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.eval.classification.MultiLabelInput;
import dev.annota.eval.classification.SingleLabelInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a classification {@code IN.json} shaped like the reference {@code input.json}: {@code labels},
 * {@code y_true}, {@code y_pred} (label indices, or n × L 0/1 matrices for multi-label), optional
 * {@code y_score} (binary: P(label 1) per sample; multi-class: n × K probability rows summing to 1;
 * multi-label: n × L probabilities), optional {@code slices} and {@code images} (one per sample). Every
 * problem names the file, the JSON pointer, the field and the value.
 */
public final class ClassificationInputReader {
    /** How far a multi-class probability row may sum from 1. */
    static final double ROW_SUM_TOLERANCE = 1e-6;

    private ClassificationInputReader() {
    }

    public static ClassificationData read(Path file) throws IOException {
        JsonInput in = JsonInput.read(file);
        List<String> labels = labels(in);
        JsonNode yTrue = in.array("y_true");
        if (yTrue.isEmpty()) {
            throw in.fail("/y_true", "y_true", yTrue, "expected at least one sample");
        }
        JsonNode yPred = in.array("y_pred");
        int n = yTrue.size();
        sameLength(in, "y_pred", yPred, n);
        boolean multiLabel = yTrue.get(0).isArray();
        ClassificationData.Predictions predictions = multiLabel
                ? new ClassificationData.MultiLabel(multi(in, labels, yTrue, yPred))
                : new ClassificationData.SingleLabel(single(in, labels, yTrue, yPred));
        Optional<List<String>> slices = in.optionalStrings("slices");
        slices.ifPresent(s -> sameLength(in, "slices", in.get("slices"), n));
        Path base = file.toAbsolutePath().getParent();
        Optional<List<Path>> images = in.optionalStrings("images").map(list -> {
            sameLength(in, "images", in.get("images"), n);
            return list.stream().map(base::resolve).toList();
        });
        return new ClassificationData(file, predictions, slices, images);
    }

    private static List<String> labels(JsonInput in) {
        List<String> labels = in.optionalStrings("labels")
                .orElseThrow(() -> in.fail("/labels", "labels", (JsonNode) null, "expected the list of labels"));
        if (labels.size() < 2) {
            throw in.fail("/labels", "labels", in.get("labels"), "expected at least two labels");
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.indexOf(labels.get(i)) != i) {
                throw in.fail("/labels/" + i, "labels", in.get("labels").get(i), "expected distinct labels");
            }
        }
        return labels;
    }

    private static SingleLabelInput single(JsonInput in, List<String> labels, JsonNode yTrue, JsonNode yPred) {
        int n = yTrue.size(), k = labels.size();
        int[] t = new int[n], p = new int[n];
        String what = "a label index (labels has " + k + ")";
        for (int i = 0; i < n; i++) {
            t[i] = in.index(yTrue.get(i), "/y_true/" + i, "y_true", k, what);
            p[i] = in.index(yPred.get(i), "/y_pred/" + i, "y_pred", k, what);
        }
        if (!in.has("y_score")) {
            return new SingleLabelInput(labels, t, p, Optional.empty());
        }
        JsonNode s = in.array("y_score");
        sameLength(in, "y_score", s, n);
        if (k == 2 && s.get(0).isNumber()) {
            double[] pos = new double[n];
            for (int i = 0; i < n; i++) {
                pos[i] = in.probability(s.get(i), "/y_score/" + i, "y_score");
            }
            return SingleLabelInput.binary(labels, t, p, pos);
        }
        double[][] rows = matrix(in, "y_score", s, k, true);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (double v : rows[i]) {
                sum += v;
            }
            if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                throw in.fail("/y_score/" + i, "y_score", s.get(i),
                        "expected probabilities that sum to 1 (they sum to " + sum + ")");
            }
        }
        return new SingleLabelInput(labels, t, p, Optional.of(rows));
    }

    private static MultiLabelInput multi(JsonInput in, List<String> labels, JsonNode yTrue, JsonNode yPred) {
        int k = labels.size();
        boolean[][] t = indicators(in, "y_true", yTrue, k), p = indicators(in, "y_pred", yPred, k);
        Optional<double[][]> scores = Optional.empty();
        if (in.has("y_score")) {
            JsonNode s = in.array("y_score");
            sameLength(in, "y_score", s, yTrue.size());
            scores = Optional.of(matrix(in, "y_score", s, k, true));
        }
        return new MultiLabelInput(labels, t, p, scores);
    }

    private static boolean[][] indicators(JsonInput in, String field, JsonNode a, int k) {
        double[][] m = matrix(in, field, a, k, false);
        boolean[][] b = new boolean[m.length][k];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < k; j++) {
                if (m[i][j] != 0 && m[i][j] != 1) {
                    throw in.fail("/" + field + "/" + i + "/" + j, field, a.get(i).get(j), "expected 0 or 1");
                }
                b[i][j] = m[i][j] == 1;
            }
        }
        return b;
    }

    private static double[][] matrix(JsonInput in, String field, JsonNode a, int k, boolean probabilities) {
        double[][] m = new double[a.size()][k];
        for (int i = 0; i < a.size(); i++) {
            JsonNode row = a.get(i);
            String ptr = "/" + field + "/" + i;
            if (!row.isArray()) {
                throw in.fail(ptr, field, row, "expected a row of " + k + " values (one per label)");
            }
            if (row.size() != k) {
                throw in.fail(ptr, field, row.size() + " values", "expected one per label (" + k + ")");
            }
            for (int j = 0; j < k; j++) {
                JsonNode v = row.get(j);
                if (probabilities) {
                    m[i][j] = in.probability(v, ptr + "/" + j, field);
                } else if (v.isBoolean()) {
                    m[i][j] = v.asBoolean() ? 1 : 0;
                } else if (v.isNumber()) {
                    m[i][j] = v.asDouble();
                } else {
                    throw in.fail(ptr + "/" + j, field, v, "expected 0 or 1");
                }
            }
        }
        return m;
    }

    private static void sameLength(JsonInput in, String field, JsonNode a, int n) {
        if (a.size() != n) {
            throw in.fail("/" + field, field, a.size() + " values", "expected one per sample, as y_true has (" + n + ")");
        }
    }
}
