package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.archive.ZipArchives;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImageQueries;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.ImageSort;
import dev.annota.store.projects.Projects;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import → export round trip over real HTTP on SQLite and PostgreSQL: a shapes dataset (polygons, masks,
 * keypoints, tags with attributes) is imported as COCO, then exported in every writable format; each zip is read
 * back with the formats registry and must hold the same images (by sha256) and the same annotations — exactly
 * when the export reported nothing, and otherwise no annotation of a project class that was not on that image
 * (the report says what the format could not hold).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportRoundTripTest {
    private final Map<Dialect, ImageFixture> fixtures = new EnumMap<>(Dialect.class);

    List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : TestDatabases.dialects().toList()) {
            for (DatasetFormat f : Formats.standard().formats()) {
                if (f.writer().isPresent()) {
                    out.add(Arguments.of(d, f.name()));
                }
            }
        }
        return out;
    }

    private ImageFixture fixture(Dialect d) {
        return fixtures.computeIfAbsent(d, dialect -> {
            ImageFixture f = new ImageFixture(dialect);
            try {
                ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(96, 72), 41, 4);
                shapes.writePngs(f.importRoot.resolve("src"), n -> { });
                Dataset source = ShapesItems.dataset(shapes, f.importRoot.resolve("src"));
                Formats.standard().get("coco").writer().orElseThrow().write(source, f.importRoot.resolve("coco"),
                        new ImportReport(ErrorPolicy.FAIL_FAST));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Http.Response r = f.http.get("manager").post("/projects/" + f.project + "/images/import",
                    "{\"path\":\"coco\",\"format\":\"coco\",\"async\":true}");
            assertEquals(202, r.status(), r.text());
            JsonNode done = ServerSentEvents.finalState(f.http.get("manager"), r.json().get("id").asText(), "succeeded");
            assertEquals(4, done.get("result").get("added").size(), done.toString());
            return f;
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void an_imported_dataset_exports_in_each_writable_format_and_reads_back_the_same(Dialect dialect, String format) throws IOException {
        ImageFixture f = fixture(dialect);
        Http manager = f.http.get("manager");
        Http.Response started = manager.post("/projects/" + f.project + "/exports", "{\"format\":\"" + format + "\"}");
        assertEquals(202, started.status(), started.text());
        String id = started.json().get("id").asText();
        JsonNode op = ServerSentEvents.finalState(manager, id, "succeeded");
        JsonNode report = op.get("result");
        assertEquals(4, report.get("images").asInt(), report.toString());

        Binary.Response zip = f.binary.get("manager").get("/operations/" + id + "/result");
        assertEquals(200, zip.status(), zip.text());
        assertEquals("application/zip", zip.header("Content-Type").orElseThrow());
        assertTrue(zip.header("Content-Disposition").orElseThrow().startsWith("attachment; filename="));
        Map<String, List<String>> read = readBack(zip.body(), format);
        Map<String, List<String>> expected = stored(f);

        boolean clean = report.get("problems").isEmpty();
        if (clean) {
            assertEquals(expected.keySet(), read.keySet(), format + ": the same images");
            assertEquals(expected, read, format + ": the same annotations (nothing was reported lost)");
        } else {
            assertTrue(expected.keySet().containsAll(read.keySet()), format + ": no foreign images");
            assertFalse(read.isEmpty(), format + ": some images");
            LabelSchema schema = new Projects(f.server.db).get(f.project).schema();
            for (Map.Entry<String, List<String>> e : read.entrySet()) {
                List<String> labels = expected.get(e.getKey()).stream().map(s -> s.substring(s.indexOf(' ') + 1)).toList();
                for (String a : e.getValue()) {
                    String label = a.substring(a.indexOf(' ') + 1);
                    if (schema.byName(label).isEmpty()) {
                        continue; // a class the format made up (Label Studio reads attribute choices back as classes)
                    }
                    assertTrue(labels.contains(label), format + ": " + a + " was not exported on that image; "
                            + "report: " + report.get("problems"));
                }
            }
            assertTrue(read.values().stream().mapToInt(List::size).sum() > 0, format + ": some annotations survive");
        }
    }

    /** Every image of the project by sha256, with its annotations as sorted "kind label" strings. */
    private static Map<String, List<String>> stored(ImageFixture f) {
        LabelSchema schema = new Projects(f.server.db).get(f.project).schema();
        AnnotationSets sets = new AnnotationSets(f.server.db);
        Map<String, List<String>> out = new TreeMap<>();
        for (ImageRecord r : new ImageQueries(f.server.db).list(f.project, ImageFilter.all(), ImageSort.oldestFirst(), 1000,
                Optional.empty()).images()) {
            out.put(r.sha256(), describe(sets.get(r.id()).annotations(), schema));
        }
        return out;
    }

    private static Map<String, List<String>> readBack(byte[] zip, String format) throws IOException {
        Path dir = Files.createTempDirectory("annota-export-read-");
        Path file = dir.resolve("export.zip");
        Files.write(file, zip);
        Path root = dir.resolve("x");
        ZipArchives.extract(file, root);
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset dataset = Formats.standard().get(format).reader().orElseThrow().read(root, report);
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Item> items = dataset.items()) {
            for (Item item : items.toList()) {
                Path p = Path.of(item.image().location());
                Path image = p.isAbsolute() ? p : root.resolve(p);
                List<String> all = out.computeIfAbsent(sha256(image), k -> new ArrayList<>());
                all.addAll(describe(item.annotations(), dataset.schema()));
                all.sort(null);
            }
        }
        return out;
    }

    private static List<String> describe(List<Annotation> annotations, LabelSchema schema) {
        return annotations.stream().map(a -> a.kind().wireName() + " " + schema.get(a.label()).map(c -> c.name()).orElse("#" + a.label())).sorted().toList();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(ImageFixture::close);
    }
}
