package dev.annota.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line refuses a user's mistake with exit 2 and one line, before Spark starts. */
class SparkMainTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void a_missing_model_exits_2_naming_the_path() throws IOException {
        Path manifest = Files.writeString(dir.resolve("m.csv"), "id,path\na,a.jpg\n");
        Run r = run("prelabel", "--manifest", manifest.toString(), "--model", dir.resolve("nope").toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nope") && r.err().contains("no such model"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void a_missing_manifest_exits_2_naming_the_option() {
        Path model = dev.annota.testkit.SharedData.resolve("models/squeezenet1.1").orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(model != null, "needs the shared SqueezeNet model");
        Run r = run("embed", "--manifest", dir.resolve("absent.csv").toString(), "--model", model.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--manifest") && r.err().contains("absent.csv"), r.err());
    }

    @Test
    void a_batch_of_zero_exits_2_naming_the_option() throws IOException {
        Path manifest = Files.writeString(dir.resolve("m.csv"), "id,path\na,a.jpg\n");
        Run r = run("prelabel", "--manifest", manifest.toString(), "--model", "m", "--out", "o", "--batch", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--batch"), r.err());
    }
}
