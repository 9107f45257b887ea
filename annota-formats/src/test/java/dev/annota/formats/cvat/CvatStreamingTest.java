package dev.annota.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20,000 images × 10 boxes (200,000 shapes) are written from a lazily generated dataset and read back counting,
 * in a JVM whose heap (32 MB) could not hold them: the writer and the reader stream one image at a time.
 */
class CvatStreamingTest {
    static final int IMAGES = 20_000;
    static final int BOXES = 10;

    @Test
    void writes_and_reads_200_000_boxes_in_a_32_mb_heap(@TempDir Path dir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx32m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CvatStreamingMain.class.getName(),
                dir.resolve("data").toString(), Integer.toString(IMAGES), Integer.toString(BOXES))
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile());
        Process p = pb.start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
        assertTrue(finished, "the forked JVM should finish: " + output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("size=" + IMAGES + " items=" + IMAGES + " shapes=" + (IMAGES * BOXES) + " "), output);
        // missing image files are warned about, but only the first 100 per kind are listed, plus a summary
        int problems = Integer.parseInt(output.replaceAll("(?s).*problems=(\\d+).*", "$1"));
        assertTrue(problems <= 2 * (CappedWarnings.CAP + 1), output);
    }
}
