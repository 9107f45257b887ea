package dev.annota.cli.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kill -9 of the server during a large import: a COCO zip of {@value #IMAGES} generated images with their
 * annotations, imported from the server's disk. The server is killed once while it is storing files (at a
 * random file), once at a random moment of a second attempt, and the import is then run to the end. After each
 * restart the import is all there or absent (never part of it), every image row names a complete stored file,
 * no stored file is torn, and no annotation set lacks its image; the last run completes the import with no
 * duplicate image.
 */
class ServerImportCrashTest {
    private static final int IMAGES = 200;
    private static Path importRoot;

    static Stream<Dialect> dialects() {
        return TestDatabases.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_import_killed_midway_is_all_or_nothing_and_completes_when_run_again(Dialect dialect) throws Exception {
        CrashTarget target = CrashTarget.fresh(dialect);
        Path root = importRoot();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ServerProcess server = serve(target, root);
        ApiClient api = ApiClient.admin(server.api());
        String project = ApiClient.check(api.post("/projects", "{\"name\":\"import crash\"}"), 201).json().get("id").asText();

        int killAtFile = 1 + random.nextInt(IMAGES - 1);
        CompletableFuture<ApiClient.Reply> first = importAsync(api, project);
        waitForStoredFiles(target.dataDir(), killAtFile, first);
        server.kill();
        String where = "killed at stored file " + killAtFile + " (seed " + seed + ")";
        assertTrue(!first.isDone() || first.isCompletedExceptionally(), where + ": the import was still running when killed");
        server = serve(target, root);
        api = api.at(server.api());
        verify(target, project, where);

        int killAfterMs = 200 + random.nextInt(3000);
        CompletableFuture<ApiClient.Reply> second = importAsync(api, project);
        Thread.sleep(killAfterMs);
        server.kill();
        where = "second import killed after " + killAfterMs + " ms (seed " + seed + ")";
        server = serve(target, root);
        api = api.at(server.api());
        long afterSecond = verify(target, project, where);
        if (second.isDone() && !second.isCompletedExceptionally() && second.get().ok()) {
            assertEquals(IMAGES, afterSecond, where + ": an acknowledged import is all there");
        }

        try {
            JsonNode last = ApiClient.check(api.post("/projects/" + project + "/images/import", "{\"path\":\"coco.zip\",\"format\":\"coco\"}"), 200).json();
            assertEquals(IMAGES, last.get("added").size() + last.get("duplicates").size(), where + ": every image added or merged");
            assertEquals(IMAGES - afterSecond, last.get("added").size(), where + ": only what was missing is added");
            assertEquals(IMAGES, verify(target, project, where + ", then completed"));
            try (Database db = target.open()) {
                long firstSets = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM annotation_sets s JOIN images i "
                        + "ON i.id = s.image_id WHERE i.project_id = :p AND s.version = 1").bind("p", project).mapTo(Long.class).one());
                assertEquals(IMAGES, firstSets, "every imported image has its first annotation set");
            }
        } finally {
            server.kill();
        }
    }

    private static ServerProcess serve(CrashTarget target, Path root) {
        List<String> args = new ArrayList<>(target.serverOptions());
        args.addAll(List.of("--import-root", root.toString()));
        return ServerProcess.start(target.logs(), ImportRootServe.class.getName(), args);
    }

    private static CompletableFuture<ApiClient.Reply> importAsync(ApiClient api, String project) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return api.post("/projects/" + project + "/images/import", "{\"path\":\"coco.zip\",\"format\":\"coco\"}");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Waits until the store holds {@code count} originals (or the import ended, which fails the test). */
    private static void waitForStoredFiles(Path dataDir, int count, CompletableFuture<ApiClient.Reply> running)
            throws IOException, InterruptedException {
        Path images = dataDir.resolve("images");
        while (true) {
            if (running.isDone()) {
                throw new AssertionError("the import ended before " + count + " files were stored: " + running.join().text());
            }
            if (Files.isDirectory(images)) {
                try (Stream<Path> s = Files.walk(images)) {
                    if (s.filter(f -> f.getFileName().toString().endsWith(".png")).count() >= count) {
                        return;
                    }
                } catch (java.io.UncheckedIOException e) {
                    if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                        throw e;
                    }
                    // the server renamed a temporary file while we walked: count again
                }
            }
            Thread.sleep(5);
        }
    }

    /** Checks every invariant after a restart and returns how many images the project has (none or all). */
    private static long verify(CrashTarget target, String project, String where) {
        try (Database db = target.open()) {
            StoreInvariants invariants = new StoreInvariants(db);
            List<String> bad = new ArrayList<>(invariants.database());
            bad.addAll(invariants.imageFiles(target.dataDir()));
            bad.addAll(StoreInvariants.storedFiles(target.dataDir()));
            assertTrue(bad.isEmpty(), where + ": " + bad.size() + " violations, first: " + bad.subList(0, Math.min(5, bad.size())));
            long images = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM images WHERE project_id = :p")
                    .bind("p", project).mapTo(Long.class).one());
            assertTrue(images == 0 || images == IMAGES, where + ": the import is all there or absent, found " + images + " images");
            long sets = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM annotation_sets").mapTo(Long.class).one());
            assertEquals(images, sets, where + ": the imported annotations come with their images");
            return images;
        }
    }

    /** The import root holding {@code coco.zip}, made once for both databases. */
    private static synchronized Path importRoot() throws IOException {
        if (importRoot == null) {
            importRoot = Files.createTempDirectory("annota-crash-import-");
            cocoZip(importRoot);
        }
        return importRoot;
    }

    /** Writes {@value #IMAGES} shapes scenes as a COCO dataset and zips it into {@code root/coco.zip}. */
    private static void cocoZip(Path root) throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(96, 72), 23, IMAGES);
        Path pngs = root.resolve("pngs");
        shapes.writePngs(pngs, n -> { });
        Path coco = root.resolve("coco");
        Formats.standard().get("coco").writer().orElseThrow().write(ShapesItems.dataset(shapes, pngs), coco,
                new ImportReport(ErrorPolicy.FAIL_FAST));
        try (OutputStream out = Files.newOutputStream(root.resolve("coco.zip")); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(coco)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(coco.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }
}
