package dev.annota.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.Progress;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.AuthServices;
import dev.annota.app.auth.FirstAdmin;
import dev.annota.app.demo.DemoProject;
import dev.annota.app.demo.HeadlessDemo;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.formats.Formats;
import dev.annota.server.ServerConfig;
import dev.annota.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annota demo}: starts the server with a demo project (shapes images, half of them with their exact ground
 * truth, workflow tasks for the rest) and prints the URL and the logins; {@code --headless} runs the old round trip
 * (generate, write COCO, read back, compare) without a server.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the server with a demo project, or (--headless) run the COCO round trip.", "",
                "Without --headless: starts Annota on http://localhost:8080 with an embedded SQLite database in the data",
                "folder (default annota-demo-data) and a project 'Shapes demo' of synthetic scenes; every other image has",
                "its exact annotations, the rest are workflow tasks of the account 'annotator'. Prints the URL and the",
                "logins: 'admin' (password from ANNOTA_ADMIN_PASSWORD, or generated and shown once) and 'annotator'.",
                "A second start reuses the project. Stop it with Ctrl-C.", "",
                "With --headless: generates the scenes, writes them as COCO, detects and reads them back, checks that",
                "every annotation survived unchanged, and prints a summary."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--headless", description = "Run the round trip without a server (for scripts and CI).")
    boolean headless;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder of the server demo (default: annota-demo-data).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "--headless: folder to write into (default: <data>/demo). "
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

    /** The environment; tests replace it. */
    UnaryOperator<String> environment = System::getenv;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (headless) {
            return headless();
        }
        if (out != null) {
            throw ValidationException.of("--out", out, "expected --out only with --headless (the server demo keeps its data in --data)");
        }
        ServerLauncher.runUntilStopped(start(spec.commandLine().getOut(), new ConsoleProgress(spec.commandLine().getErr())));
        return 0;
    }

    /** Starts the server, makes (or finds) the demo project and prints where it is and how to sign in. */
    ServerLauncher.Running start(PrintWriter stdout, Progress progress) throws IOException {
        int[] wh = Args.size("--size", size);
        DemoProject.Options options = named(() -> new DemoProject.Options(images, wh[0], wh[1], seed));
        Path dataDir = (data != null ? data : Path.of("annota-demo-data")).toAbsolutePath();
        ServerConfig config = ServerConfig.of(dataDir, ServeCommand.checkedPort(port)).withHost(ServeCommand.checkedHost(host));
        ServerLauncher.Running running = ServerLauncher.start(new ServerLauncher.DatabaseSettings(Database.sqliteUrl(dataDir), "", ""),
                config, environment);
        try {
            AuthServices auth = running.server().context().auth();
            DemoProject.Result r = new DemoProject(running.db(), auth, dataDir).ensure(admin(auth), options, progress);
            DemoReport.print(running, r, json, stdout);
            return running;
        } catch (IOException | RuntimeException e) {
            running.close();
            throw e;
        }
    }

    /** The administrator the demo acts as: the first admin account. */
    private static Actor admin(AuthServices auth) {
        return auth.firstAdmin().actor().orElseThrow(() -> new AnnotaException("the demo needs the account '"
                + FirstAdmin.USERNAME + "' as an enabled admin; it was renamed, demoted or disabled in this data folder"));
    }

    private Integer headless() throws IOException {
        int[] wh = Args.size("--size", size);
        Path folder = out != null ? out : Path.of(System.getProperty("annota.data", "annota-data")).resolve("demo");
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Progress progress = new ConsoleProgress(stderr);
        HeadlessDemo.Options options = named(() -> new HeadlessDemo.Options(folder, images, wh[0], wh[1], seed));
        HeadlessDemo.Result r = new HeadlessDemo(Formats.standard()).run(options, progress);
        if (json) {
            stdout.println(toJson(r));
        } else {
            printText(r, stdout);
        }
        return r.roundTripExact() ? 0 : 1;
    }

    /** Makes the options, naming a bad one as the user typed it. */
    private <T> T named(java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (ValidationException e) {
            throw new ValidationException(e.errors().stream().map(fe -> new FieldError(fe.location(),
                    "--" + fe.field(), fe.field().equals("size") ? size : fe.value(), fe.expected())).toList());
        }
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
