package dev.annota.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleCodec;
import dev.annota.core.item.Dataset;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The COCO writer's output, byte for byte, on fixed datasets: a SHA-256 of each written file and of the
 * problems reported on the way, against values computed once from a known-good version. A change to the
 * reader or writer that alters a single byte (an area, a number's spelling, a field's order) or a single
 * reported problem fails here. Regenerate the digests only on purpose, when the output is meant to change.
 */
class CocoWriterGoldenTest {

    @TempDir
    Path dir;

    @Test
    void writes_a_mixed_coco_dataset_byte_for_byte_as_before() throws IOException {
        Path source = dir.resolve("source");
        Path annotations = source.resolve(CocoFormat.ANNOTATIONS_DIR);
        Files.createDirectories(annotations);
        Files.writeString(annotations.resolve("instances_train.json"), mixedFile(300, 11));
        Files.writeString(annotations.resolve("instances_val.json"), mixedFile(120, 12));

        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new CocoReader().read(source, report);
        Path out = dir.resolve("out");
        new CocoWriter().write(d, out, report);

        assertEquals(List.of(
                        "problems 822bd3343358503ce7a874d66d2a54c7988e595b7e43b318398c288c0e18cd26",
                        "instances_train.json 18d1742bcf9751f962c7d806a315ad713a347bd4e8cbd360af25019d9619c552",
                        "instances_val.json 36727e11926487c6ae045ff4ce57f21c968fa5cb9a272148f4c8b89d718f9367"),
                List.of(
                        "problems " + sha256(problems(report)),
                        "instances_train.json " + sha256(Files.readAllBytes(out.resolve("annotations/instances_train.json"))),
                        "instances_val.json " + sha256(Files.readAllBytes(out.resolve("annotations/instances_val.json")))));
    }

    @Test
    void writes_shapes_scenes_byte_for_byte_as_before() throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(160, 120), 7, 40);
        Path source = dir.resolve("source");
        shapes.writePngs(source, i -> { });
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Path out = dir.resolve("coco");
        new CocoWriter().write(ShapesItems.dataset(shapes, source), out, report);

        List<String> digests = new ArrayList<>();
        digests.add("problems " + sha256(problems(report)));
        try (var files = Files.list(out.resolve(CocoFormat.ANNOTATIONS_DIR))) {
            for (Path f : files.sorted().toList()) {
                digests.add(f.getFileName() + " " + sha256(Files.readAllBytes(f)));
            }
        }
        assertEquals(List.of(
                "problems e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", // none
                "instances_default.json c2b29aafa39c764c7fcaee8dde532749aef460a7ba0328b292678c3b39b372cd"), digests);
    }

    /** The reported problems as text, with the temporary folder replaced by a fixed name. */
    private byte[] problems(ImportReport report) {
        String text = report.problems().stream().map(Problem::message).collect(Collectors.joining("\n"));
        return text.replace(dir.toString(), "<dir>").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A COCO file of {@code images} images (no image files: sizes come from width/height) with, in shuffled
     * order, boxes, one- and multi-part polygons (some partly or wholly outside the image, some degenerate),
     * crowd and compressed masks, keypoints alone and with a shape, attributes, scores, tags, and broken
     * records that the reader reports.
     */
    static String mixedFile(int images, long seed) {
        Random r = new Random(seed);
        StringBuilder imgs = new StringBuilder();
        int[][] sizes = new int[images + 1][];
        for (int i = 1; i <= images; i++) {
            int w = 20 + r.nextInt(700), h = 20 + r.nextInt(500);
            sizes[i] = new int[] {w, h};
            imgs.append(i > 1 ? ",\n" : "").append("{\"id\": ").append(i).append(", \"file_name\": \"im")
                    .append(String.format(Locale.ROOT, "%04d", i)).append(".jpg\"");
            if (i % 97 != 0) {
                imgs.append(", \"width\": ").append(w).append(", \"height\": ").append(h);
            }
            imgs.append("}");
        }
        List<String> records = new ArrayList<>();
        int id = 1;
        for (int i = 1; i <= images; i++) {
            int w = sizes[i][0], h = sizes[i][1];
            int n = r.nextInt(13);
            for (int k = 0; k < n; k++) {
                String head = "{\"id\": " + id++ + ", \"image_id\": " + i + ", \"category_id\": " + (1 + r.nextInt(4));
                records.add(head + record(r, w, h) + "}");
            }
        }
        // broken or odd records
        records.add("{\"id\": " + id++ + ", \"image_id\": 99999, \"category_id\": 1, \"bbox\": [1, 2, 3, 4]}");
        records.add("{\"id\": " + id++ + ", \"image_id\": 1, \"category_id\": 42, \"bbox\": [1, 2, 3, 4]}");
        records.add("{\"id\": " + id++ + ", \"image_id\": 2, \"category_id\": 1, \"bbox\": [1, 2, -3, 4]}");
        records.add("{\"id\": " + id++ + ", \"image_id\": 3, \"category_id\": 2, \"segmentation\": [[1, 2, 3, 4], [0, 0, 9, 0, 9, 9]]}");
        records.add("{\"id\": " + id + ", \"image_id\": 4, \"category_id\": 2, \"iscrowd\": 3, \"bbox\": [1, 2, 3, 4]}");
        Collections.shuffle(records, r);
        return "{\"info\": {}, \"annotations\": [\n" + String.join(",\n", records) + "\n],\n\"images\": [\n" + imgs
                + "],\n\"categories\": [{\"id\": 1, \"name\": \"box\"}, {\"id\": 2, \"name\": \"poly\"},"
                + " {\"id\": 3, \"name\": \"mask\"}, {\"id\": 4, \"name\": \"person\", \"keypoints\": [\"a\", \"b\", \"c\"],"
                + " \"skeleton\": [[1, 2], [2, 3]]}]}\n";
    }

    /** The fields of one record after its ids. */
    private static String record(Random r, int w, int h) {
        StringBuilder s = new StringBuilder();
        int kind = r.nextInt(10);
        switch (kind) {
            case 0, 1 -> s.append(", \"iscrowd\": 0, \"segmentation\": [], \"bbox\": [")
                    .append(num(r, w)).append(", ").append(num(r, h)).append(", ")
                    .append(num(r, w / 2.0)).append(", ").append(num(r, h / 2.0)).append("]");
            case 2, 3, 4 -> s.append(", \"segmentation\": [").append(ring(r, w, h, 3 + r.nextInt(18))).append("]");
            case 5 -> s.append(", \"segmentation\": [").append(ring(r, w, h, 3 + r.nextInt(8))).append(", ")
                    .append(ring(r, w, h, 3 + r.nextInt(8))).append(r.nextBoolean() ? ", " + ring(r, w, h, 4) : "").append("]");
            case 6 -> s.append(", \"segmentation\": [").append(degenerate(r, w, h)).append("]");
            case 7 -> {
                Rle mask = mask(r, w, h);
                if (r.nextBoolean()) {
                    s.append(", \"iscrowd\": 1, \"segmentation\": {\"size\": [").append(h).append(", ").append(w)
                            .append("], \"counts\": ").append(java.util.Arrays.toString(mask.counts())).append("}");
                } else {
                    s.append(", \"segmentation\": {\"size\": [").append(h).append(", ").append(w)
                            .append("], \"counts\": \"").append(RleCodec.encode(mask).replace("\\", "\\\\")).append("\"}");
                }
            }
            case 8 -> {
                s.append(", \"keypoints\": [");
                for (int p = 0; p < 3; p++) {
                    s.append(p > 0 ? ", " : "").append(num(r, w)).append(", ").append(num(r, h)).append(", ").append(r.nextInt(3));
                }
                s.append("], \"num_keypoints\": 2");
                if (r.nextBoolean()) {
                    s.append(", \"segmentation\": [").append(ring(r, w, h, 5)).append("]");
                }
            }
            default -> { } // a tag: neither shape nor keypoints
        }
        if (r.nextInt(4) == 0) {
            s.append(", \"attributes\": {\"occluded\": ").append(r.nextBoolean()).append(", \"color\": \"red\", \"n\": ")
                    .append(r.nextInt(5)).append(", \"f\": ").append(r.nextDouble()).append(", \"tags\": [\"a\", \"b\"]}");
        }
        if (r.nextInt(6) == 0) {
            s.append(", \"score\": ").append(r.nextDouble());
        }
        return s.toString();
    }

    /** A ring of {@code n} points around a random centre, reaching past the image edges now and then. */
    private static String ring(Random r, int w, int h, int n) {
        double cx = -0.2 * w + r.nextDouble() * 1.4 * w, cy = -0.2 * h + r.nextDouble() * 1.4 * h;
        double radius = 1 + r.nextDouble() * Math.min(w, h) / 2.0;
        StringBuilder s = new StringBuilder("[");
        for (int v = 0; v < n; v++) {
            double a = 2 * Math.PI * v / n + r.nextDouble() * 0.3, rr = radius * (0.3 + 0.7 * r.nextDouble());
            s.append(v > 0 ? ", " : "").append(coord(r, cx + rr * Math.cos(a))).append(", ").append(coord(r, cy + rr * Math.sin(a)));
        }
        return s.append("]").toString();
    }

    /** A collinear or single-point ring. */
    private static String degenerate(Random r, int w, int h) {
        double x = r.nextDouble() * w, y = r.nextDouble() * h;
        if (r.nextBoolean()) {
            return "[" + coord(r, x) + ", " + coord(r, y) + ", " + coord(r, x) + ", " + coord(r, y) + ", " + coord(r, x) + ", " + coord(r, y) + "]";
        }
        return "[" + coord(r, x) + ", " + coord(r, y) + ", " + coord(r, x + 7) + ", " + coord(r, y + 3) + ", "
                + coord(r, x + 14) + ", " + coord(r, y + 6) + "]";
    }

    /** Two decimals as COCO's files mostly have, an integer, or a full double. */
    private static String coord(Random r, double v) {
        return switch (r.nextInt(4)) {
            case 0 -> Long.toString(Math.round(v));
            case 1 -> Double.toString(v);
            default -> Double.toString(Math.round(v * 100) / 100.0);
        };
    }

    private static String num(Random r, double max) {
        return coord(r, r.nextDouble() * max);
    }

    /** A random mask of a few runs. */
    private static Rle mask(Random r, int w, int h) {
        boolean[] bits = new boolean[w * h];
        int x0 = r.nextInt(w), y0 = r.nextInt(h), x1 = Math.min(w, x0 + 1 + r.nextInt(40)), y1 = Math.min(h, y0 + 1 + r.nextInt(40));
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                bits[y * w + x] = (x + y) % 7 != 0;
            }
        }
        return Rle.fromBitmap(bits, h, w);
    }
}
