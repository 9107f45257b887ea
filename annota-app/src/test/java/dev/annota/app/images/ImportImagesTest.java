package dev.annota.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.app.Progress;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageQueries;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.ImageSort;
import dev.annota.store.images.ImageStore;
import dev.annota.store.images.Images;
import dev.annota.store.images.StoredFile;
import dev.annota.testkit.SharedData;
import dev.annota.testkit.shapes.ShapeSample;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImportImagesTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    record Env(Database db, ImageStore store, ImportImages importer) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }

    Env env(String kind, Path importRoot) {
        Database db = Databases.open(Databases.newUrl(kind, dir));
        Databases.project(db, "p1");
        ImageStore store = new ImageStore(dir.resolve("data"));
        return new Env(db, store, new ImportImages(db, store, new ImageInspector(), ImportSettings.defaults().withImportRoot(importRoot)));
    }

    static Upload upload(String name, byte[] bytes) {
        return new Upload(name, new ByteArrayInputStream(bytes));
    }

    static List<String> messages(List<FieldError> errors) {
        return errors.stream().map(FieldError::message).toList();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void imports_the_real_photos_and_a_second_import_merges_them_all(String kind) throws IOException {
        Optional<Path> photos = SharedData.resolve("images/photos");
        Assumptions.assumeTrue(photos.isPresent(), "the shared photos (../shared/images/photos) are not here");
        long expected;
        try (Stream<Path> s = Files.list(photos.get())) {
            expected = s.filter(p -> p.toString().matches(".*\\.(jpg|png)$")).count();
        }
        try (Env env = env(kind, photos.get().getParent())) {
            ImportResult first = env.importer().serverPath(ImportRequest.of("p1", "ana"), "photos", Progress.NONE);
            assertEquals(List.of(), messages(first.problems()));
            assertEquals(expected, first.added().size());
            ImportResult again = env.importer().serverPath(ImportRequest.of("p1", "ana"), photos.get().toString(), Progress.NONE);
            assertEquals(0, again.added().size());
            assertEquals(expected, again.duplicates().size());
            Images images = new Images(env.db());
            assertEquals(expected, images.count("p1"));
            for (ImportResult.Duplicate d : again.duplicates()) {
                ImageRecord r = images.get(d.imageId()).orElseThrow();
                assertEquals(Optional.of(d.name()), r.sourcePath());
                assertTrue(env.store().contains(r.sha256(), r.format()));
            }
            // every stored photo gets a thumbnail whose longest side is 256
            ImageRecord one = images.get(first.added().get(0).imageId()).orElseThrow();
            StoredFile thumb = env.store().thumbnail(one.sha256(), one.format(), one.orientation());
            var t = ImageIO.read(thumb.path().toFile());
            assertEquals(Math.min(256, Math.max(one.width(), one.height())), Math.max(t.getWidth(), t.getHeight()));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void uploads_merge_duplicates_flag_a_resized_copy_and_report_each_bad_file(String kind) throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(320, 240), 7, 3);
        List<Upload> files = new ArrayList<>();
        List<byte[]> pngs = new ArrayList<>();
        for (ShapeSample s : shapes) {
            Path png = dir.resolve(s.fileName());
            s.scene().writePng(png);
            pngs.add(Files.readAllBytes(png));
            files.add(upload(s.fileName(), pngs.get(pngs.size() - 1)));
        }
        Path jpg = dir.resolve("scene.jpg");
        shapes.sample(0).scene().writeJpeg(jpg, 0.9f);
        files.add(upload("C:\\camera\\scene0.jpg", Files.readAllBytes(jpg)));
        files.add(upload("copy_of_1.png", pngs.get(1)));
        files.add(upload("small_2.jpg", TestFiles.encode(TestFiles.half(shapes.sample(2).scene().toImage()), "jpeg")));
        files.add(upload("readme.jpg", "hello, this is text".getBytes()));
        byte[] whole = Files.readAllBytes(jpg);
        files.add(upload("cut.jpg", Arrays.copyOf(whole, whole.length / 3)));
        files.add(upload("bomb.png", TestFiles.pngBomb(100_000, 100_000)));
        try (Env env = env(kind, dir)) {
            ImportResult r = env.importer().uploads(ImportRequest.of("p1", "ana").withSplit("train"), files, Progress.NONE);
            assertEquals(List.of("shapes_000001.png", "shapes_000002.png", "shapes_000003.png", "scene0.jpg", "small_2.jpg"),
                    r.added().stream().map(ImportResult.Added::name).toList());
            assertEquals(List.of(new ImportResult.Duplicate("copy_of_1.png", r.added().get(1).imageId())), r.duplicates());
            List<String> flagged = r.nearDuplicates().stream().map(f -> f.name() + "~" + f.nearestId()).toList();
            assertTrue(flagged.contains("small_2.jpg~" + r.added().get(2).imageId()), flagged.toString());
            assertTrue(flagged.contains("scene0.jpg~" + r.added().get(0).imageId()), flagged.toString());
            List<String> problems = messages(r.problems());
            assertEquals(3, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("readme.jpg: field 'format': expected a JPEG, PNG"), problems.get(0));
            assertTrue(problems.get(1).startsWith("cut.jpg: field 'content': expected a complete, valid JPEG image"), problems.get(1));
            assertTrue(problems.get(2).startsWith("bomb.png: field 'pixels': expected an image of at most 100000000 pixels"), problems.get(2));
            ImageQueries q = new ImageQueries(env.db());
            assertEquals(5, q.count("p1", ImageFilter.all().withSplit("train")));
            assertEquals(2, q.count("p1", ImageFilter.all().withNearDuplicate(true)));
            try (Stream<Path> s = Files.list(dir.resolve("data/tmp"))) {
                assertEquals(0, s.count(), "spooled uploads are deleted");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_zip_with_one_bad_entry_imports_the_rest(String kind) throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(160, 120), 11, 3);
        List<Object> entries = new ArrayList<>();
        for (ShapeSample s : shapes) {
            entries.add("set/" + s.fileName());
            entries.add(TestFiles.encode(s.scene().toImage(), "png"));
        }
        entries.addAll(List.of("set/broken.png", Arrays.copyOf((byte[]) entries.get(1), 100), "set/notes.txt", "ignored".getBytes()));
        Path zip = TestFiles.zip(dir.resolve("upload.zip"), entries.toArray());
        try (Env env = env(kind, dir)) {
            ImportResult r = env.importer().zip(ImportRequest.of("p1", "ana"), zip, Progress.NONE);
            assertEquals(3, r.added().size());
            assertEquals(List.of("broken.png"), r.problems().stream().map(FieldError::location).toList());
            List<ImageRecord> rows = new ImageQueries(env.db()).list("p1", ImageFilter.all(), ImageSort.by(ImageSort.Key.FILE_NAME), 10,
                    Optional.empty()).images();
            assertEquals(List.of("shapes_000001.png", "shapes_000002.png", "shapes_000003.png"), rows.stream().map(ImageRecord::fileName).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void server_paths_outside_the_import_root_and_links_out_of_it_are_refused(String kind) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root/folder"));
        Path outside = Files.createDirectories(dir.resolve("secret"));
        Files.write(outside.resolve("x.png"), TestFiles.encode(new java.awt.image.BufferedImage(8, 8, 1), "png"));
        Files.write(root.resolve("ok.png"), TestFiles.encode(new java.awt.image.BufferedImage(9, 9, 1), "png"));
        Files.createSymbolicLink(root.resolve("link.png"), outside.resolve("x.png"));
        Files.createSymbolicLink(dir.resolve("root/escape"), outside);
        try (Env env = env(kind, dir.resolve("root"))) {
            ImportImages im = env.importer();
            ImportRequest req = ImportRequest.of("p1", "ana");
            assertEquals("path", assertThrows(ValidationException.class, () -> im.serverPath(req, "../secret", Progress.NONE)).errors().get(0).field());
            assertThrows(ValidationException.class, () -> im.serverPath(req, outside.toString(), Progress.NONE));
            ValidationException link = assertThrows(ValidationException.class, () -> im.serverPath(req, "escape", Progress.NONE));
            assertTrue(link.getMessage().contains("it is a link to"), link.getMessage());
            ImportResult r = im.serverPath(req, "folder", Progress.NONE);
            assertEquals(List.of("ok.png"), r.added().stream().map(ImportResult.Added::name).toList());
            assertEquals(List.of("link.png"), r.problems().stream().map(FieldError::location).toList());
            ImportImages noRoot = new ImportImages(env.db(), env.store(), new ImageInspector(), ImportSettings.defaults());
            assertThrows(ValidationException.class, () -> noRoot.serverPath(req, "folder", Progress.NONE));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void gc_removes_old_files_no_row_references_and_keeps_the_rest(String kind) throws IOException {
        try (Env env = env(kind, dir)) {
            byte[] kept = TestFiles.encode(new java.awt.image.BufferedImage(20, 10, 1), "png");
            ImportResult r = env.importer().uploads(ImportRequest.of("p1", "ana"), List.of(upload("kept.png", kept)), Progress.NONE);
            ImageRecord row = new Images(env.db()).get(r.added().get(0).imageId()).orElseThrow();
            Path orphanSrc = Files.write(dir.resolve("orphan.png"), TestFiles.encode(new java.awt.image.BufferedImage(30, 10, 1), "png"));
            ImageInspector inspector = new ImageInspector();
            var orphanInfo = inspector.inspect(orphanSrc, "orphan.png");
            Path orphan = env.store().put(orphanSrc, orphanInfo);
            Path young = env.store().put(Files.write(dir.resolve("young.png"), TestFiles.encode(new java.awt.image.BufferedImage(40, 10, 1), "png")),
                    inspector.inspect(dir.resolve("young.png"), "young.png"));
            FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000L);
            Files.setLastModifiedTime(orphan, old);
            Path keptFile = env.store().path(row.sha256(), row.format());
            Files.setLastModifiedTime(keptFile, old);
            var result = env.importer().gc();
            assertEquals(1, result.originals());
            assertFalse(Files.exists(orphan));
            assertTrue(Files.exists(young), "younger than an hour: an import may still be writing its rows");
            assertTrue(Files.exists(keptFile));
        }
    }
}
