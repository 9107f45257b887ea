package dev.annota.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.app.Progress;
import dev.annota.store.Database;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kill -9 during a large import: a child JVM imports 1,000 images and is killed (destroyForcibly) once it has
 * inserted some of the rows; the reopened database must hold none of that import (or all of it, had it
 * committed), pass its integrity check, and take the same import again in full.
 */
class ImportCrashTest {
    static final int IMAGES = 1000;

    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_killed_import_leaves_nothing_or_everything_and_a_consistent_database(String kind) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("root/many"));
        for (int i = 0; i < IMAGES; i++) {
            BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            for (int p = 0; p < 32; p++) {
                img.setRGB(p % 16, p / 16, ((i >> p) & 1) == 1 ? 0xFFFFFF : 0x000000);
            }
            img.setRGB(15, 15, i * 2654435761L > 0 ? 0x123456 : 0x654321);
            Files.write(folder.resolve(String.format("img_%05d.png", i)), TestFiles.encode(img, "png"));
        }
        String url = Databases.newUrl(kind, dir);
        try (Database db = Databases.open(url)) {
            Databases.project(db, "p1");
        }
        Path progress = dir.resolve("progress.txt");
        Path log = dir.resolve("child.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), ImportCrashChild.class.getName(),
                url, dir.resolve("data").toString(), folder.toString(), progress.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String seen = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline && child.isAlive()) {
            seen = Files.exists(progress) ? Files.readString(progress, StandardCharsets.UTF_8) : "";
            if (seen.matches("writing rows [1-9]\\d*")) {
                break;
            }
            Thread.sleep(5);
        }
        boolean killedMidway = child.isAlive() && seen.startsWith("writing rows");
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child must die");
        assertTrue(killedMidway, "the child should be killed while inserting rows; it said '" + seen + "'; log: "
                + Files.readString(log, StandardCharsets.UTF_8));

        try (Database db = Databases.open(url)) {
            long images = count(db, "SELECT COUNT(*) FROM images WHERE project_id = 'p1'");
            long imports = count(db, "SELECT COUNT(*) FROM image_imports WHERE project_id = 'p1'");
            assertTrue(images == 0 || images == IMAGES, "none or all of the import, got " + images);
            assertEquals(images == 0 ? 0 : 1, imports);
            assertEquals(0, images, "killed before the commit, so nothing");
            assertEquals(0, count(db, "SELECT COUNT(*) FROM image_metadata m WHERE NOT EXISTS (SELECT 1 FROM images i WHERE i.id = m.image_id)"));
            assertEquals(0, count(db, "SELECT COUNT(*) FROM image_near_duplicates"));
            if (kind.equals("sqlite")) {
                assertEquals("ok", db.jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one()));
                assertEquals(0, db.jdbi().withHandle(h -> h.createQuery("PRAGMA foreign_key_check").mapToMap().list()).size());
            }
            // the files stored before the kill are harmless: the same import, run again, goes through in full
            ImportImages again = new ImportImages(db, new ImageStore(dir.resolve("data")), new ImageInspector(),
                    ImportSettings.defaults().withImportRoot(folder.getParent()));
            ImportResult r = again.serverPath(ImportRequest.of("p1", "retry"), "many", Progress.NONE);
            assertEquals(IMAGES, r.added().size());
            assertEquals(IMAGES, count(db, "SELECT COUNT(*) FROM images WHERE project_id = 'p1'"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM image_imports WHERE project_id = 'p1'"));
        }
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
