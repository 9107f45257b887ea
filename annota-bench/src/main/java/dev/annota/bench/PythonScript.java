package dev.annota.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a baseline script shipped in annota-bench's resources with Debian's Python ({@code -Dannota.bench.python},
 * default /usr/bin/python3, where {@code python3-torch} lives): each line it prints on stdout is one JSON object,
 * handed to {@code onLine} as it arrives; its stderr goes to ours.
 */
final class PythonScript {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonScript() {
    }

    static List<JsonNode> run(String resource, List<String> args, Consumer<JsonNode> onLine) throws IOException {
        String python = System.getProperty("annota.bench.python", "/usr/bin/python3");
        Path script = Files.createTempFile(resource.replace(".py", "-"), ".py");
        try (InputStream in = PythonScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from annota-bench's resources");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                JsonNode n = JSON.readTree(line);
                lines.add(n);
                onLine.accept(n);
            }
        }
        try {
            int rc = p.waitFor();
            if (rc != 0 || lines.isEmpty()) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + rc + " (is python3-torch installed?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            Files.deleteIfExists(script);
        }
        return lines;
    }
}
