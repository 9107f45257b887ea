package dev.annota.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.datasets.InspectDataset;
import dev.annota.formats.Formats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annota inspect}: what a dataset holds, and what is odd about it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Detect a dataset's format and count its images, labels and annotations.", "",
                "PATH is a folder, a file or a zip. Problems are listed, never fatal, unless --on-error fail."})
final class InspectCommand implements Callable<Integer> {
    static final int SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "Dataset folder, file or zip archive.")
    Path path;

    @Option(names = "--format", paramLabel = "F", defaultValue = "auto", description = "Format name, or auto to detect (default).")
    String format;

    @Option(names = "--on-error", paramLabel = "fail|collect", defaultValue = "collect",
            description = "Stop at the first broken record, or skip and list them (default: ${DEFAULT-VALUE}).")
    String onError;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        InspectDataset.Inspection r = new InspectDataset(Formats.standard())
                .inspect(path, format, Args.onError(onError), new ConsoleProgress(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("format", r.format());
            o.put("images", r.images());
            o.set("labels", Json.MAPPER.valueToTree(r.labels()));
            o.set("annotations", Json.MAPPER.valueToTree(r.annotations()));
            o.set("warnings", Json.MAPPER.valueToTree(r.warnings()));
            if (!r.errors().isEmpty()) {
                o.set("errors", Json.MAPPER.valueToTree(r.errors()));
            }
            out.println(Json.MAPPER.writeValueAsString(o));
            return 0;
        }
        out.printf("%s: %s, %,d images%n", path, r.format(), r.images());
        if (r.imagesBySubset().size() > 1) {
            out.println("  subsets      " + String.join(", ", r.imagesBySubset().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
        }
        out.println("  labels       " + (r.labels().isEmpty() ? "(none)" : String.join(", ", r.labels())));
        out.println("  annotations  " + (r.annotations().isEmpty() ? "(none)" : String.join(", ",
                r.annotations().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())));
        list(out, "warnings", r.warnings());
        list(out, "errors", r.errors());
        return 0;
    }

    static void list(PrintWriter out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.printf("  %s (%d):%n", title, lines.size());
        lines.stream().limit(SHOWN).forEach(l -> out.println("    " + l));
        if (lines.size() > SHOWN) {
            out.printf("    ... and %d more (--json lists them all)%n", lines.size() - SHOWN);
        }
    }
}
