package dev.annota.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.auth.Access;
import dev.annota.app.models.ModelPulls;
import dev.annota.app.models.ModelRegistry;
import dev.annota.store.Database;
import dev.annota.store.models.ModelRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annota models add|list|pull}: the model registry of a data folder. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Register and list ONNX models (see README, \"Model registry\").",
        subcommands = {ModelsCommand.Add.class, ModelsCommand.ListModels.class, ModelsCommand.Pull.class})
final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ObjectNode json(ModelRecord m) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", m.id()).put("name", m.name()).put("version", m.version()).put("task", m.task()).put("sha256", m.onnxSha256())
                .put("labels", m.labels().size()).put("path", m.filePath()).put("created_at", m.createdAt().toString());
        return o;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a local ONNX file or model folder (with model.json, "
            + "or a known model matched to a preset); it is copied into DIR/models/<sha256>.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataOptions data;
        @Parameters(paramLabel = "PATH", description = "An .onnx file, a model folder or a model.json.")
        Path path;
        @Option(names = "--name", paramLabel = "N", description = "Name (default: the descriptor's).")
        Optional<String> name;
        @Option(names = "--version", paramLabel = "V", description = "Version (default: the first 12 hex digits of the sha256).")
        Optional<String> version;
        @Option(names = "--json", description = "Print one JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Database db = data.open()) {
                ModelRecord m = new ModelRegistry(db, data.dataDir(), Access.of(db))
                        .add(new ModelRegistry.NewModel(path, name, version), Optional.empty());
                PrintWriter out = spec.commandLine().getOut();
                out.println(json ? Json.MAPPER.writeValueAsString(json(m)) : String.format(Locale.ROOT, "registered %s %s (%s, %d labels) as %s",
                        m.name(), m.version(), m.task(), m.labels().size(), m.id()));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered models.")
    static final class ListModels implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataOptions data;
        @Option(names = "--json", description = "Print one JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            try (Database db = data.open()) {
                List<ModelRecord> models = new ModelRegistry(db, data.dataDir(), Access.of(db)).list();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    ObjectNode root = Json.MAPPER.createObjectNode();
                    ArrayNode list = root.putArray("models");
                    models.forEach(m -> list.add(json(m)));
                    out.println(Json.MAPPER.writeValueAsString(root));
                } else if (models.isEmpty()) {
                    out.println("no models registered (annota models add PATH)");
                } else {
                    models.forEach(m -> out.printf(Locale.ROOT, "%-36s  %-20s %-14s %-15s %4d labels%n", m.id(), m.name(), m.version(),
                            m.task(), m.labels().size()));
                }
            }
            return 0;
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true, description = "Fetch a known model (here: says which file to fetch by hand).")
    static final class Pull implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "A known model: squeezenet1.1, mobilenetv2-int8, yolox-nano, ultraface-rfb-320, u2netp.")
        String name;

        @Override
        public Integer call() {
            ModelPulls.pull(name);
            return 0;
        }
    }
}
