package dev.annota.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.InMemoryDataset;
import dev.annota.core.item.Item;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.testkit.shapes.ShapeScene;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesGenerator;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Benchmarks of the synthetic data generator and of the COCO reader and writer. */
final class DataBench {
    private DataBench() {
    }

    /**
     * Generating 640×480 shapes scenes with exact ground truth (ours) against encoding the same images as PNG
     * with ImageIO (the baseline: what every scene costs anyway when it is written to disk).
     */
    static BenchResult generateScenes() {
        return generateScenes(40, 5);
    }

    static BenchResult generateScenes(int scenes, int rounds) {
        ImageIO.setUseCache(false);
        ShapesGenerator gen = new ShapesGenerator(ShapesConfig.defaults(640, 480));
        double ours = Timer.secondsPerCall(() -> {
            long n = 0;
            for (int i = 0; i < scenes; i++) {
                n += gen.generate(i).objects().size();
            }
            return n;
        }, 1, rounds);
        List<ShapeScene> made = java.util.stream.IntStream.range(0, scenes).mapToObj(gen::generate).toList();
        double baseline = Timer.secondsPerCall(() -> {
            long bytes = 0;
            for (ShapeScene s : made) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    ImageIO.write(s.toImage(), "png", out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bytes += out.size();
            }
            return bytes;
        }, 1, rounds);
        return new BenchResult("shapes-generate", "seconds per " + scenes + " scenes of 640x480",
                "ImageIO PNG encoding of the same scenes", ours, baseline,
                Map.of("scenes_per_second", scenes / ours, "png_encodes_per_second", scenes / baseline));
    }

    /**
     * Writing a shapes dataset as COCO and reading it back (ours: conversion, validation, pycocotools areas,
     * streaming) against Jackson parsing and re-serialising the same JSON as a plain tree (the baseline:
     * raw JSON I/O with no understanding of COCO).
     */
    static BenchResult cocoRoundTrip() {
        return cocoRoundTrip(300, 5);
    }

    static BenchResult cocoRoundTrip(int scenes, int rounds) {
        try {
            Path dir = Files.createTempDirectory("annota-bench-coco");
            ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(320, 240), 42, scenes);
            Dataset source = ShapesItems.dataset(shapes, dir.resolve("images-not-written"));
            Dataset dataset;
            try (Stream<Item> s = source.items()) {
                dataset = InMemoryDataset.of(source.schema(), s.toList());
            }
            DatasetFormat coco = Formats.standard().get("coco");
            Path out = dir.resolve("coco");
            long[] annotations = new long[1];
            double ours = Timer.secondsPerCall(() -> {
                try {
                    coco.writer().orElseThrow().write(dataset, out, new ImportReport(ErrorPolicy.COLLECT));
                    Dataset back = coco.reader().orElseThrow().read(out, new ImportReport(ErrorPolicy.COLLECT));
                    try (Stream<Item> s = back.items()) {
                        annotations[0] = s.mapToLong(i -> i.annotations().size()).sum();
                    }
                    return annotations[0];
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, 1, rounds);
            Path json = out.resolve("annotations/instances_default.json");
            ObjectMapper m = new ObjectMapper();
            Path copy = dir.resolve("copy.json");
            double baseline = Timer.secondsPerCall(() -> {
                try {
                    JsonNode tree = m.readTree(json.toFile());
                    m.writeValue(copy.toFile(), tree);
                    return tree.size();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, 1, rounds);
            long bytes = Files.size(json);
            deleteTree(dir);
            return new BenchResult("coco-write-read", "seconds per write + read of " + scenes + " images",
                    "Jackson readTree + writeValue of the same JSON", ours, baseline,
                    Map.of("annotations", annotations[0], "json_bytes", bytes,
                            "annotations_per_second", annotations[0] / ours));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
