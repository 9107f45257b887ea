package dev.annota.app.demo;

import dev.annota.app.Progress;
import dev.annota.core.annotation.AnnotationGroups;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.DatasetSummary;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.Detection;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.FormatRegistry;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The headless demo: generates a synthetic shapes dataset, writes it as COCO, detects and reads it back,
 * checks that every annotation survived, and summarises it. It only ever replaces a folder that an earlier
 * demo made (marked by {@value #MARKER}); any other non-empty folder is refused, so no user data is lost.
 */
public final class HeadlessDemo {
    /** The file that marks a folder as the demo's own. */
    public static final String MARKER = ".annota-demo";

    private final FormatRegistry formats;

    public HeadlessDemo(FormatRegistry formats) {
        this.formats = formats;
    }

    /** What to generate and where. */
    public record Options(Path out, int images, int width, int height, long seed) {
        public Options {
            if (images < 1 || images > 100_000) {
                throw dev.annota.core.error.ValidationException.of("images", images, "expected 1 to 100000 images");
            }
            if (width < 16 || height < 16 || width > 8192 || height > 8192) {
                throw dev.annota.core.error.ValidationException.of("size", width + "x" + height,
                        "expected a size from 16x16 to 8192x8192");
            }
        }
    }

    /** What the demo did and found. */
    public record Result(Path folder, Path annotationFile, String detectedFormat, int images,
                         long annotationsWritten, long annotationsRead, int itemsDiffering,
                         Map<String, Long> annotationsByKind, Map<String, Long> objectsByClass,
                         Map<String, Long> imagesByTag, List<String> problems, double seconds) {
        public Result {
            annotationsByKind = Map.copyOf(annotationsByKind);
            objectsByClass = Map.copyOf(objectsByClass);
            imagesByTag = Map.copyOf(imagesByTag);
            problems = List.copyOf(problems);
        }

        public boolean roundTripExact() {
            return itemsDiffering == 0 && annotationsWritten == annotationsRead && problems.isEmpty();
        }
    }

    public Result run(Options options, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Path out = options.out().toAbsolutePath().normalize();
        prepare(out);
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(options.width(), options.height()),
                options.seed(), options.images());
        Path images = out.resolve("images").resolve(Item.DEFAULT_SUBSET);

        progress.start("generating images", options.images());
        shapes.writePngs(images, progress::step);
        progress.finish();

        Dataset original = ShapesItems.dataset(shapes, images);
        DatasetFormat coco = formats.get("coco");
        ImportReport writeReport = new ImportReport(ErrorPolicy.COLLECT);
        progress.start("writing COCO", 0);
        coco.writer().orElseThrow().write(original, out, writeReport);
        progress.finish();

        progress.start("reading it back", 0);
        Detection detected = formats.detect(out);
        ImportReport readReport = new ImportReport(ErrorPolicy.COLLECT);
        Dataset back = detected.format().reader().orElseThrow().read(out, readReport);
        progress.finish();

        progress.start("checking every annotation", options.images());
        long written = 0, read = 0;
        int differing = 0, done = 0;
        LabelSchema schema = back.schema();
        Map<String, Long> objects = new TreeMap<>();
        Map<String, Long> tags = new TreeMap<>();
        try (Stream<Item> a = original.items(); Stream<Item> b = back.items()) {
            Iterator<Item> ia = a.iterator(), ib = b.iterator();
            while (ia.hasNext() || ib.hasNext()) {
                if (!ia.hasNext() || !ib.hasNext()) {
                    differing++;
                    break;
                }
                Item x = ia.next(), y = ib.next();
                written += x.annotations().size();
                read += y.annotations().size();
                if (!x.id().equals(y.id()) || !AnnotationGroups.sameObjects(x.annotations(), y.annotations())) {
                    differing++;
                }
                for (var ann : y.annotations()) {
                    String name = schema.get(ann.label()).map(LabelClass::name).orElse(ann.label().toString());
                    if (ann.kind() == AnnotationKind.KEYPOINTS) {
                        objects.merge(name, 1L, Long::sum); // one keypoint set per object
                    } else if (ann.kind() == AnnotationKind.TAG) {
                        tags.merge(name, 1L, Long::sum);
                    }
                }
                progress.step(++done);
            }
        }
        progress.finish();

        DatasetSummary summary = DatasetSummary.of(back);
        List<String> problems = Stream.concat(writeReport.problems().stream(), readReport.problems().stream())
                .map(Problem::message).toList();
        return new Result(out, out.resolve("annotations").resolve("instances_default.json"),
                detected.format().name(), options.images(), written, read, differing,
                byKind(summary), objects, tags,
                problems, (System.nanoTime() - t0) / 1e9);
    }

    /** Empties a folder an earlier demo made; refuses any other non-empty folder. */
    private static void prepare(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            boolean empty;
            try (Stream<Path> s = Files.list(out)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(out.resolve(MARKER))) {
                throw new AnnotaException(out + ": the folder is not empty and was not made by the demo; "
                        + "choose another one with --out (nothing was changed)");
            }
            if (!empty) {
                deleteTree(out);
            }
        } else if (Files.exists(out)) {
            throw new AnnotaException(out + ": exists and is not a folder; choose another one with --out");
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(MARKER), "made by 'annota demo'; the next demo run replaces this folder\n");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Map<String, Long> byKind(DatasetSummary s) {
        Map<String, Long> out = new TreeMap<>();
        s.annotationsByKind().forEach((k, v) -> out.put(k.wireName(), v));
        return out;
    }
}
