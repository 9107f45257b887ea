package dev.annota.formats.yolo;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.ItemStreams;
import dev.annota.formats.SafePaths;
import dev.annota.formats.imagenet.ImageFiles;
import dev.annota.formats.imagenet.LossLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the darknet layout: {@code obj_<subset>_data/<id><ext>} (the image, copied) and
 * {@code obj_<subset>_data/<id>.txt} (its boxes) per item, {@code <subset>.txt} listing
 * {@code data/obj_<subset>_data/<id><ext>} per subset, {@code obj.names} (class names in id order; the class
 * index is the position) and {@code obj.data}. Items are streamed; every file appears atomically. What the
 * layout cannot hold is converted or reported by {@link LabelLineWriter}.
 */
final class YoloWriter implements DatasetWriter {
    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        Files.createDirectories(folder);
        LabelSchema schema = dataset.schema();
        LossLog losses = new LossLog();
        LabelLineWriter lines = new LabelLineWriter(LabelLines.Mode.DARKNET, schema, Optional.empty(), report, losses);
        Map<String, BufferedWriter> lists = new LinkedHashMap<>();
        try {
            ItemStreams.forEach(dataset.items(), item -> add(item, folder, lines, lists, report));
        } catch (IOException e) {
            for (String subset : lists.keySet()) {
                lists.get(subset).close();
                Files.deleteIfExists(YoloFiles.partial(folder.resolve(subset + ".txt")));
            }
            throw e;
        }
        StringBuilder data = new StringBuilder("classes = " + schema.size() + "\n");
        for (Map.Entry<String, BufferedWriter> e : lists.entrySet()) {
            e.getValue().close();
            Path target = folder.resolve(e.getKey() + ".txt");
            YoloFiles.moveIntoPlace(YoloFiles.partial(target), target);
            data.append(e.getKey()).append(" = data/").append(e.getKey()).append(".txt\n");
        }
        data.append("names = data/").append(YoloFormat.NAMES_FILE).append('\n').append("backup = backup/\n");
        StringBuilder names = new StringBuilder();
        LabelLineWriter.names(schema).forEach(n -> names.append(n).append('\n'));
        YoloFiles.writeAtomically(folder.resolve(YoloFormat.NAMES_FILE), names.toString());
        YoloFiles.writeAtomically(folder.resolve(YoloFormat.DATA_FILE), data.toString());
        losses.flush(report, folder.getFileName() == null ? folder.toString() : folder.getFileName().toString());
    }

    private static void add(Item item, Path folder, LabelLineWriter lines, Map<String, BufferedWriter> lists,
            ImportReport report) throws IOException {
        String where = "item " + item.id();
        Path source = Path.of(item.image().location());
        Optional<ImageSize> size = ImageProbe.sizeOrSkip(item, "YOLO coordinates are normalised by it", report);
        if (size.isEmpty()) {
            return;
        }
        String subset = YoloFiles.safeName(item.subset());
        String ext = ImageFiles.extension(item.image().location());
        String relative = "obj_" + subset + "_data/" + item.id() + ext;
        Path image;
        try {
            image = SafePaths.resolveInside(folder, relative, where, "id");
        } catch (ValidationException e) {
            report.error(e);
            return;
        }
        YoloFiles.copyImage(source, image, where, report);
        YoloFiles.writeAtomically(YoloReader.labelOf(image), lines.text(item, size.get()));
        BufferedWriter list = lists.get(subset);
        if (list == null) {
            list = Files.newBufferedWriter(YoloFiles.partial(folder.resolve(subset + ".txt")), StandardCharsets.UTF_8);
            lists.put(subset, list);
        }
        list.write("data/" + relative + "\n");
    }
}
