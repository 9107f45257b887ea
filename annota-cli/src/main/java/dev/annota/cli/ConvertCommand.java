package dev.annota.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.datasets.ConvertDataset;
import dev.annota.formats.Formats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annota convert}: one dataset format to another, with a report of everything that did not fit. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a dataset between formats (folder, file or zip in; folder or .zip out).", "",
                "OUT must not exist (or be an empty folder): nothing is ever overwritten. What the target",
                "format cannot hold is converted by a documented rule or listed in the report."})
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "F", defaultValue = "auto", description = "Source format, or auto to detect (default).")
    String from;

    @Option(names = "--to", paramLabel = "G", required = true, description = "Target format (see 'annota formats').")
    String to;

    @Parameters(index = "0", paramLabel = "IN", description = "Source dataset: folder, file or zip.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Target folder, or a file name ending in .zip.")
    Path out;

    @Option(names = "--on-error", paramLabel = "fail|collect", defaultValue = "fail",
            description = "Stop at the first broken record (default), or skip and list them.")
    String onError;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        ConvertDataset.Conversion r = new ConvertDataset(Formats.standard()).convert(in, from, to, out,
                Args.onError(onError), new ConsoleProgress(spec.commandLine().getErr()));
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("from", r.from());
            o.put("to", r.to());
            o.put("output", r.output().toString());
            o.put("images", r.images());
            o.set("annotations", Json.MAPPER.valueToTree(r.annotations()));
            o.set("read_problems", Json.MAPPER.valueToTree(r.readProblems()));
            o.set("write_problems", Json.MAPPER.valueToTree(r.writeProblems()));
            w.println(Json.MAPPER.writeValueAsString(o));
            return 0;
        }
        w.printf("converted %s (%s) to %s (%s): %,d images%n", in, r.from(), r.output(), r.to(), r.images());
        w.println("  annotations  " + (r.annotations().isEmpty() ? "(none)" : String.join(", ",
                r.annotations().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())));
        InspectCommand.list(w, "reading", r.readProblems());
        InspectCommand.list(w, "writing", r.writeProblems());
        if (r.readProblems().isEmpty() && r.writeProblems().isEmpty()) {
            w.println("  nothing to report: every annotation was written as it was read");
        }
        return 0;
    }
}
