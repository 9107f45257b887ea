package dev.annota.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.Formats;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota formats}: the dataset formats Annota reads and writes. */
@Command(name = "formats", mixinStandardHelpOptions = true, description = "List the dataset formats Annota reads and writes.")
final class FormatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            for (DatasetFormat f : Formats.standard().formats()) {
                ObjectNode o = a.addObject();
                o.put("name", f.name());
                o.put("version", f.version());
                o.put("read", f.reader().isPresent());
                o.put("write", f.writer().isPresent());
                o.put("description", f.description());
            }
            out.println(Json.MAPPER.writeValueAsString(a));
            return 0;
        }
        for (DatasetFormat f : Formats.standard().formats()) {
            String rw = (f.reader().isPresent() ? "r" : "-") + (f.writer().isPresent() ? "w" : "-");
            out.printf("  %-16s %s  %s%n", f.name(), rw, f.description());
        }
        return 0;
    }
}
