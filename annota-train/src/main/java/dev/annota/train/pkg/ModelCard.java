package dev.annota.train.pkg;

import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import dev.annota.train.TrainResult;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.Split;
import java.util.Map;

/** The package's MODEL_CARD.md: intended use, data and class balance, metrics, limitations, provenance pointers. */
final class ModelCard {
    private ModelCard() {
    }

    static String markdown(TrainConfig c, Dataset d, Split split, TrainResult r, boolean multi, double[] thresholds,
            Map<String, String> backbone) {
        StringBuilder s = new StringBuilder();
        s.append("# Model card: ").append(r.modelDir().toAbsolutePath().getFileName()).append("\n\n");
        s.append("## Intended use\n\n");
        s.append(multi ? "Multi-label image tagging" : "Single-label image classification")
                .append(" into the ").append(d.labels().size()).append(" classes below, to pre-label images like the training data")
                .append(" for human review in Annota. Not for decisions about people, and not for images unlike the training data.\n\n");
        s.append("## Model\n\n");
        if (c.mode() == TrainMode.HEAD) {
            s.append("A ").append(c.hidden() > 0 ? "one-hidden-layer MLP (" + c.hidden() + " units)" : "linear")
                    .append(" head on the frozen backbone `").append(backbone.get("name")).append("` (sha256 ")
                    .append(backbone.get("sha256"), 0, 12).append("…), reading its tensor `").append(backbone.get("feature_tensor"))
                    .append("` (").append(backbone.get("dimension")).append(" values; ").append(backbone.get("feature_transform"))
                    .append("). Backbone and head are one ONNX graph (`model.onnx`).\n\n");
        } else {
            s.append("A small CNN (conv–batch-norm–ReLU–max-pool stages, dense 128, dropout) trained end to end on ")
                    .append(c.imageSize()).append("×").append(c.imageSize()).append(" RGB inputs, exported to ONNX (`model.onnx`).\n\n");
        }
        if (!r.note().isEmpty()) {
            s.append(r.note()).append(".\n\n");
        }
        s.append("## Data\n\n");
        s.append("`").append(d.source()).append("`: ").append(d.size()).append(" images; split (seed ").append(c.seed())
                .append(", stratified").append(multi ? ", iterative" : "").append("): ").append(split.train().length).append(" train, ")
                .append(split.validation().length).append(" validation, ").append(split.test().length).append(" test.\n\n");
        s.append("| class | images | share |\n|---|---:|---:|\n");
        int[] counts = d.counts();
        for (int l = 0; l < counts.length; l++) {
            s.append("| ").append(d.labels().name(l)).append(" | ").append(counts[l]).append(" | ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * counts[l] / d.size())).append(" |\n");
        }
        s.append("\n## Metrics\n\n| metric | validation | test |\n|---|---:|---:|\n");
        for (String k : r.validation().keySet()) {
            s.append("| ").append(k).append(" | ").append(PackageWriter.fmt(r.validation().get(k))).append(" | ")
                    .append(PackageWriter.fmt(r.test().getOrDefault(k, Double.NaN))).append(" |\n");
        }
        if (thresholds != null) {
            s.append("\nPer-label thresholds (best F1 on validation) are folded into the output: each score is shifted so that 0.5 is")
                    .append(" the label's threshold. Thresholds: ");
            for (int l = 0; l < thresholds.length; l++) {
                s.append(l == 0 ? "" : ", ").append(d.labels().name(l)).append(" ").append(PackageWriter.fmt(thresholds[l]));
            }
            s.append(".\n");
        }
        s.append("\nThe test part was never used for training, early stopping or thresholds. `learning_curves.png` and ")
                .append("`history.json` show every epoch.\n\n");
        s.append("## Limitations\n\n");
        s.append("* Metrics come from ").append(split.test().length).append(" test images; with few images they are rough estimates")
                .append(" (no confidence intervals; per-slice metrics only where the images carry a field to slice by).\n");
        s.append("* Classes absent from the training data cannot be predicted; inputs unlike the training images (other cameras,")
                .append(" lighting, sizes) may be scored confidently and wrongly.\n");
        if (c.mode() == TrainMode.HEAD) {
            s.append("* The backbone is frozen: the head can only separate what the backbone's features already separate.\n");
        }
        s.append("\n## Provenance\n\n`provenance.json`: dataset content hash, configuration, code version, weights hash, time.\n");
        return s.toString();
    }
}
