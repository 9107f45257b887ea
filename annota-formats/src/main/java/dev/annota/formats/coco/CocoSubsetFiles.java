package dev.annota.formats.coco;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Item;
import dev.annota.formats.ImportReport;
import dev.annota.formats.ItemStreams;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What a COCO-family writer (instances, panoptic) writes of one subset as its items arrive: each image copied
 * to {@code images/<subset>/} under a name unique in the subset, and the {@code images} and
 * {@code annotations} records to temporary fragments beside the JSON file, so memory does not grow with the
 * dataset. {@link #write} streams a dataset's items into one of these per subset and, at the end, stitches
 * each subset's fragments into {@code annotations/<prefix><subset>.json}, which appears atomically (written
 * beside it, then moved into place), so a crash never leaves a half-written JSON.
 *
 * <p>A subclass converts an item in {@link #add}, writing its image record with {@link #writeImage} and its
 * annotation records to {@link #annotations()}.
 */
public abstract class CocoSubsetFiles {
    private final Path folder;
    private final String subset;
    private final ImportReport report;
    private final UnaryOperator<String> nameKey;
    private final Fragment images;
    private final Fragment annotations;
    private final Set<String> fileNames = new HashSet<>();
    private long nextImageId = 1;

    /** Opens the fragments of the subset {@code subset} of the dataset written to {@code folder}. */
    public interface Opener {
        CocoSubsetFiles open(String subset) throws IOException;
    }

    /**
     * Opens the fragments in {@code folder/annotations/} (which must exist). Two images clash in the subset
     * when {@code nameKey} maps their file names alike (the identity: when the names are the same).
     */
    protected CocoSubsetFiles(Path folder, String subset, ImportReport report, UnaryOperator<String> nameKey)
            throws IOException {
        this.folder = folder;
        this.subset = subset;
        this.report = report;
        this.nameKey = nameKey;
        Path dir = folder.resolve(CocoFormat.ANNOTATIONS_DIR);
        this.images = Fragment.create(dir, ".images-" + subset);
        this.annotations = Fragment.create(dir, ".annotations-" + subset);
    }

    /**
     * Writes {@code items} to {@code folder}: {@code annotations/<prefix><subset>.json} for each subset, with
     * {@code categories}, through one {@code opener} sink per subset. When writing fails, every fragment is
     * deleted and no JSON file is written.
     */
    public static void write(Stream<Item> items, Path folder, String prefix, ArrayNode categories, Opener opener)
            throws IOException {
        Path annotations = folder.resolve(CocoFormat.ANNOTATIONS_DIR);
        Files.createDirectories(annotations);
        Map<String, CocoSubsetFiles> sinks = new LinkedHashMap<>();
        try {
            ItemStreams.forEach(items, item -> {
                CocoSubsetFiles sink = sinks.get(item.subset());
                if (sink == null) {
                    sink = opener.open(item.subset());
                    sinks.put(item.subset(), sink);
                }
                sink.add(item);
            });
        } catch (IOException e) {
            for (CocoSubsetFiles s : sinks.values()) {
                s.discard();
            }
            throw e;
        }
        byte[] categoryBytes = CocoJson.MAPPER.writeValueAsBytes(categories);
        for (CocoSubsetFiles sink : sinks.values()) {
            sink.stitch(annotations.resolve(prefix + sink.subset() + ".json"), categoryBytes);
        }
    }

    /** A temporary file holding the inside of a JSON array, and the generator writing it. */
    private record Fragment(Path file, JsonGenerator json) {
        /** A generator that writes root-level values separated by commas. */
        static Fragment create(Path dir, String prefix) throws IOException {
            Path file = Files.createTempFile(dir, prefix, ".part");
            JsonGenerator g = CocoJson.MAPPER.getFactory().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8);
            g.setRootValueSeparator(new SerializedString(","));
            g.setCodec(CocoJson.MAPPER);
            return new Fragment(file, g);
        }

        /** Closes the generator and appends what it wrote to {@code out}. */
        void copyTo(OutputStream out) throws IOException {
            json.close();
            Files.copy(file, out);
        }
    }

    public final String subset() {
        return subset;
    }

    /** Converts one item of the subset; what cannot be written is reported. */
    public abstract void add(Item item) throws IOException;

    /** The fragment of the subset's {@code annotations} array: one root-level object per record. */
    protected final JsonGenerator annotations() {
        return annotations.json();
    }

    /** Writes an {@code images} record and returns its id (1, 2, … within the subset). */
    protected final long writeImage(String fileName, ImageSize size) throws IOException {
        long imageId = nextImageId++;
        JsonGenerator out = images.json();
        out.writeStartObject();
        out.writeNumberField("id", imageId);
        out.writeStringField("file_name", fileName);
        out.writeNumberField("width", size.width());
        out.writeNumberField("height", size.height());
        out.writeEndObject();
        return imageId;
    }

    /**
     * Copies the item's image into {@code images/<subset>/} and returns the name it has there: its own file
     * name, or the item id (made safe) with its extension when another image of the subset took that name. A
     * missing image file is reported (the annotations are still written).
     */
    protected final String copyImage(Item item, String where) throws IOException {
        Path source = Path.of(item.image().location());
        String name = source.getFileName() == null ? item.id() : source.getFileName().toString();
        if (!fileNames.add(nameKey.apply(name))) {
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
            name = item.id().replaceAll("[^A-Za-z0-9._-]", "_") + ext;
            fileNames.add(nameKey.apply(name));
        }
        Path target = folder.resolve(CocoFormat.IMAGES_DIR).resolve(subset).resolve(name);
        if (!Files.isRegularFile(source)) {
            report.warn(new FieldError(where, "image", source.toString(), "expected an image file to copy; only annotations written"));
        } else if (!Files.exists(target) || !Files.isSameFile(source, target)) {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return name;
    }

    /** Writes the JSON file {@code target} from the fragments, atomically, and deletes the fragments. */
    private void stitch(Path target, byte[] categories) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            out.write(("{\"info\":{\"description\":\"written by Annota\"},\"licenses\":[],\"categories\":")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(categories);
            out.write(",\"images\":[".getBytes(StandardCharsets.UTF_8));
            images.copyTo(out);
            out.write("],\"annotations\":[".getBytes(StandardCharsets.UTF_8));
            annotations.copyTo(out);
            out.write("]}\n".getBytes(StandardCharsets.UTF_8));
        } finally {
            discard();
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void discard() throws IOException {
        images.json().close();
        annotations.json().close();
        Files.deleteIfExists(images.file());
        Files.deleteIfExists(annotations.file());
    }
}
