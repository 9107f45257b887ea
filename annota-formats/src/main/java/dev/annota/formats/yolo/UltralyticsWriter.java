package dev.annota.formats.yolo;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.ItemStreams;
import dev.annota.formats.SafePaths;
import dev.annota.formats.imagenet.ImageFiles;
import dev.annota.formats.imagenet.LossLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the Ultralytics layout: {@code images/<subset>/<id><ext>} (copied) and
 * {@code labels/<subset>/<id>.txt} per item (an empty file for an image without objects), then
 * {@code data.yaml} with {@code path: .}, one key per subset naming its images folder, {@code nc},
 * {@code names} (in class id order; the index is the position) and {@code kpt_shape: [K, 3]} when the
 * schema has skeletons (K = the most points of any skeleton) with the point names of each skeleton's class in
 * {@code kpt_names} (edges are not written: YOLO has none). Items are streamed; every file appears
 * atomically. Conversions and what cannot be written: see {@link LabelLineWriter}; keypoints when no class
 * has a skeleton (no kpt_shape can be declared) are reported and not written.
 */
final class UltralyticsWriter implements DatasetWriter {
    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        Files.createDirectories(folder);
        LabelSchema schema = dataset.schema();
        Optional<KptShape> kpt = schema.classes().stream().map(LabelClass::skeleton).flatMap(Optional::stream)
                .mapToInt(s -> s.points().size()).max().stream().mapToObj(k -> new KptShape(k, 3)).findFirst();
        LossLog losses = new LossLog();
        LabelLineWriter lines = new LabelLineWriter(LabelLines.Mode.ULTRALYTICS, schema, kpt, report, losses);
        Map<String, String> splits = new LinkedHashMap<>();
        ItemStreams.forEach(dataset.items(), item -> add(item, folder, lines, splits, report));
        YoloFiles.writeAtomically(folder.resolve(UltralyticsFormat.YAML_FILE),
                DataYaml.write(splits, LabelLineWriter.names(schema), kpt, kptNames(schema)));
        losses.flush(report, UltralyticsFormat.YAML_FILE);
    }

    /** Keypoint names by class index, for data.yaml's {@code kpt_names}. */
    private static Map<Integer, java.util.List<String>> kptNames(LabelSchema schema) {
        Map<Integer, java.util.List<String>> out = new LinkedHashMap<>();
        java.util.List<LabelClass> classes = schema.classes();
        for (int i = 0; i < classes.size(); i++) {
            int index = i;
            classes.get(i).skeleton().ifPresent(s -> out.put(index, s.points()));
        }
        return out;
    }

    private static void add(Item item, Path folder, LabelLineWriter lines, Map<String, String> splits,
            ImportReport report) throws IOException {
        String where = "item " + item.id();
        Path source = Path.of(item.image().location());
        Optional<ImageSize> size = ImageProbe.sizeOrSkip(item, "YOLO coordinates are normalised by it", report);
        if (size.isEmpty()) {
            return;
        }
        String subset = YoloFiles.safeName(item.subset());
        String ext = ImageFiles.extension(item.image().location());
        Path image, label;
        try {
            image = SafePaths.resolveInside(folder, UltralyticsFormat.IMAGES + "/" + subset + "/" + item.id() + ext, where, "id");
            label = SafePaths.resolveInside(folder, UltralyticsFormat.LABELS + "/" + subset + "/" + item.id() + ".txt", where, "id");
        } catch (ValidationException e) {
            report.error(e);
            return;
        }
        splits.putIfAbsent(subset, UltralyticsFormat.IMAGES + "/" + subset);
        YoloFiles.copyImage(source, image, where, report);
        YoloFiles.writeAtomically(label, lines.text(item, size.get()));
    }
}
