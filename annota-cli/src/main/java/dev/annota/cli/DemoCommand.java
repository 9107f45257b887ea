package dev.annota.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.Progress;
import dev.annota.app.demo.HeadlessDemo;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.formats.Formats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota demo}: the headless demo (the server demo replaces it when the server exists). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Headless demo: generate shapes images, write COCO, read it back, check it.", "",
                "Generates a deterministic synthetic dataset (circles, rectangles, triangles, stars and ellipses with",
                "exact boxes, polygons, masks, keypoints and image tags), writes it as a COCO dataset, detects and",
                "reads it back, checks that every annotation survived unchanged, and prints a summary."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write into (default: <data>/demo). "
            + "Only a folder an earlier demo made is replaced.")
    Path out;

    @Option(names = "--images", paramLabel = "N", defaultValue = "60", description = "Number of images (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "640x480", description = "Image size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed; the same seed gives the same dataset (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        int[] wh = Args.size("--size", size);
        Path folder = out != null ? out : Path.of(System.getProperty("annota.data", "annota-data")).resolve("demo");
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Progress progress = new ConsoleProgress(stderr);
        HeadlessDemo.Options options;
        try {
            options = new HeadlessDemo.Options(folder, images, wh[0], wh[1], seed);
        } catch (ValidationException e) {
            // name the options as the user typed them
            throw new ValidationException(e.errors().stream().map(fe -> new FieldError(fe.location(),
                    "--" + fe.field(), fe.field().equals("size") ? size : fe.value(), fe.expected())).toList());
        }
        HeadlessDemo.Result r = new HeadlessDemo(Formats.standard()).run(options, progress);
        if (json) {
            stdout.println(toJson(r));
        } else {
            printText(r, stdout);
        }
        return r.roundTripExact() ? 0 : 1;
    }

    private static String toJson(HeadlessDemo.Result r) throws IOException {
        ObjectMapper m = Json.MAPPER;
        ObjectNode o = m.createObjectNode();
        o.put("folder", r.folder().toString());
        o.put("annotation_file", r.annotationFile().toString());
        o.put("detected_format", r.detectedFormat());
        o.put("images", r.images());
        o.put("annotations_written", r.annotationsWritten());
        o.put("annotations_read", r.annotationsRead());
        o.put("items_differing", r.itemsDiffering());
        o.put("round_trip_exact", r.roundTripExact());
        o.set("annotations_by_kind", m.valueToTree(new java.util.TreeMap<>(r.annotationsByKind())));
        o.set("objects_by_class", m.valueToTree(new java.util.TreeMap<>(r.objectsByClass())));
        o.set("images_by_tag", m.valueToTree(new java.util.TreeMap<>(r.imagesByTag())));
        o.set("problems", m.valueToTree(r.problems()));
        o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        return m.writeValueAsString(o);
    }

    private static void printText(HeadlessDemo.Result r, PrintWriter out) throws IOException {
        out.println();
        out.println("Annota demo: a synthetic shapes dataset, written as COCO and read back");
        out.printf("  images       %d PNG files in %s%n", r.images(), r.folder().resolve("images"));
        out.printf("  COCO file    %s (%,d bytes)%n", r.annotationFile(), Files.size(r.annotationFile()));
        out.printf("  detected as  %s%n", r.detectedFormat());
        out.printf("  annotations  %,d written, %,d read back%n", r.annotationsWritten(), r.annotationsRead());
        out.printf("  round trip   %s%n", r.roundTripExact() ? "exact: every annotation read back identical"
                : r.itemsDiffering() + " images differ (" + r.problems().size() + " problems)");
        out.println("  objects      " + line(r.objectsByClass()));
        out.println("  by kind      " + line(r.annotationsByKind()));
        out.println("  image tags   " + line(r.imagesByTag()));
        for (String p : r.problems()) {
            out.println("  " + p);
        }
        out.printf("  took         %.1f s%n", r.seconds());
        out.println();
        out.println("Open the COCO file in any COCO tool, or read it back with the formats API.");
    }

    private static String line(Map<String, Long> counts) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(counts).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
