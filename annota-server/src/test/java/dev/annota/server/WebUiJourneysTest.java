package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.store.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web UI's end-to-end journeys in a real browser: a server on port 0 over SQLite with a known admin, then
 * {@code annota-web/src/test/e2e/journeys.mjs} (playwright-core driving Debian's Chromium) against it. Fails when a
 * journey fails; the screenshots of each main screen land in {@code target/screenshots}. Skipped, saying why,
 * when node, the browser, annota-web's npm packages, the built UI or the shared photos are missing.
 */
class WebUiJourneysTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path WEB = MODULE.resolveSibling("annota-web");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void every_journey_passes_in_chromium() throws Exception {
        String chromium = System.getProperty("annota.chromium", System.getenv().getOrDefault("ANNOTA_CHROMIUM", "/usr/bin/chromium"));
        Path photos = Path.of(System.getProperty("annota.shared.dir", MODULE.resolve("../../shared").toString())).resolve("images/photos");
        assumeTrue(WebUi.class.getResource(WebUi.ROOT + "/index.html") != null, "the built web UI is not on the class path");
        assumeTrue(Files.isExecutable(Path.of(chromium)), "no Chromium at " + chromium + " (apt-get install chromium)");
        assumeTrue(Files.isDirectory(WEB.resolve("node_modules/playwright-core")), "annota-web's npm packages are not installed ("
                + WEB + "/node_modules; build annota-web first)");
        assumeTrue(Files.isRegularFile(photos.resolve("chelsea_cat.png")), "the shared photos are not at " + photos);
        assumeTrue(runs("node", "--version"), "node is not on the PATH");

        Path shots = MODULE.resolve("target/screenshots");
        Path log = MODULE.resolve("target/e2e-journeys.log");
        Files.createDirectories(shots);
        ServerConfig config = ServerConfig.of(Files.createTempDirectory(MODULE.resolve("target"), "e2e-data-"), 0);
        try (TestServer server = TestServer.start(Dialect.SQLITE, config, StandardRoutes::all)) {
            ProcessBuilder pb = new ProcessBuilder("node", "src/test/e2e/journeys.mjs").directory(WEB.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("ANNOTA_URL", server.server.baseUrl().toString());
            env.put("ANNOTA_ADMIN_USER", "admin");
            env.put("ANNOTA_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
            env.put("ANNOTA_PHOTOS", photos.toString());
            env.put("ANNOTA_SCREENSHOTS", shots.toString());
            env.put("ANNOTA_CHROMIUM", chromium);
            Process p = pb.start();
            boolean done = p.waitFor(4, TimeUnit.MINUTES);
            if (!done) {
                p.destroyForcibly();
            }
            String output = Files.readString(log);
            System.out.println(output);
            assertEquals(0, done ? p.exitValue() : -1, "the web UI journeys failed (screenshots in " + shots + "):\n" + output);
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
