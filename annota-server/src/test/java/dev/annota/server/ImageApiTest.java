package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.item.Dataset;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.store.Dialect;
import dev.annota.store.projects.Projects;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The image endpoints over real HTTP on SQLite and PostgreSQL: upload, import, listing, originals and thumbnails. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageApiTest {
    private final Map<Dialect, ImageFixture> fixtures = new EnumMap<>(Dialect.class);

    List<Dialect> dialects() {
        return dev.annota.store.TestDatabases.dialects().toList();
    }

    private ImageFixture fixture(Dialect d) {
        return fixtures.computeIfAbsent(d, ImageFixture::new);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_upload_adds_good_files_reports_a_corrupt_one_and_merges_duplicates(Dialect dialect) {
        ImageFixture f = fixture(dialect);
        byte[] corrupt = Arrays.copyOf(f.png(0), 100);
        Binary.Response r = f.binary.get("manager").upload("/projects/" + f.project + "/images", List.of(
                Binary.Part.file("a.png", f.png(0)), Binary.Part.file("b.png", f.png(1)), Binary.Part.file("c.png", f.png(2)),
                Binary.Part.file("broken.png", corrupt), Binary.Part.field("split", "train")));
        assertEquals(200, r.status(), r.text());
        JsonNode report = r.json();
        assertEquals(3, report.get("added").size(), report.toString());
        assertEquals(1, report.get("problems").size(), report.toString());
        assertEquals("broken.png", report.get("problems").get(0).get("location").asText());
        String first = report.get("added").get(0).get("image_id").asText();
        JsonNode image = f.http.get("reviewer").get("/images/" + first).json();
        assertEquals("train", image.get("split").asText());
        assertEquals(160, image.get("width").asInt());

        Binary.Response again = f.binary.get("admin").upload("/projects/" + f.project + "/images", List.of(
                Binary.Part.file("a-again.png", f.png(0)), Binary.Part.file("d.png", f.png(3))));
        assertEquals(200, again.status(), again.text());
        assertEquals(1, again.json().get("added").size());
        assertEquals(1, again.json().get("duplicates").size());
        assertEquals(first, again.json().get("duplicates").get(0).get("image_id").asText(), "merged into the first upload");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_listing_pages_with_a_cursor_and_filters(Dialect dialect) {
        ImageFixture f = fixture(dialect);
        f.upload(4, 5, 6);
        String base = "/projects/" + f.project + "/images";
        Http annotator = f.http.get("annotator");
        int total = annotator.get(base + "?limit=1000").json().get("images").size();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = annotator.get(base + "?limit=2&sort=-file_name" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertTrue(page.get("images").size() <= 2);
            page.get("images").forEach(i -> seen.add(i.get("file_name").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        assertEquals(total, seen.size());
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, seen, "descending by file name, no image twice or missing");
        assertEquals(total, annotator.get(base + "?has_annotations=false&limit=1000").json().get("images").size()
                + annotator.get(base + "?has_annotations=true&limit=1000").json().get("images").size());
        assertEquals(total, annotator.get(base + "?near_duplicate=false&limit=1000").json().get("images").size()
                + annotator.get(base + "?near_duplicate=true&limit=1000").json().get("images").size());
        assertEquals(0, annotator.get(base + "?split=no-such-split").json().get("images").size());
        assertEquals(0, annotator.get(base + "?meta.camera=x").json().get("images").size());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_original_is_served_with_caching_and_byte_ranges(Dialect dialect) {
        ImageFixture f = fixture(dialect);
        byte[] png = f.png(7);
        String id = f.oneImage(7);
        Binary reviewer = f.binary.get("reviewer");
        Binary.Response whole = reviewer.get("/images/" + id + "/original");
        assertEquals(200, whole.status());
        assertArrayEquals(png, whole.body());
        assertEquals("image/png", whole.header("Content-Type").orElseThrow());
        String etag = whole.header("ETag").orElseThrow();
        assertEquals("\"" + f.http.get("admin").get("/images/" + id).json().get("sha256").asText() + "\"", etag);
        assertTrue(whole.header("Cache-Control").orElseThrow().contains("immutable"));
        assertNotNull(whole.header("Last-Modified").orElseThrow());

        Binary.Response part = reviewer.get("/images/" + id + "/original", "Range", "bytes=10-109");
        assertEquals(206, part.status());
        assertEquals("bytes 10-109/" + png.length, part.header("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(png, 10, 110), part.body());
        Binary.Response tail = reviewer.get("/images/" + id + "/original", "Range", "bytes=-16");
        assertEquals(206, tail.status());
        assertArrayEquals(Arrays.copyOfRange(png, png.length - 16, png.length), tail.body());

        Binary.Response beyond = reviewer.get("/images/" + id + "/original", "Range", "bytes=" + png.length + "-");
        assertEquals(416, beyond.status());
        assertEquals("bytes */" + png.length, beyond.header("Content-Range").orElseThrow());
        assertEquals(304, reviewer.get("/images/" + id + "/original", "If-None-Match", etag).status());
        assertEquals(200, reviewer.get("/images/" + id + "/original", "If-None-Match", "\"other\"").status());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_thumbnail_is_a_small_jpeg_with_the_same_caching(Dialect dialect) throws IOException {
        ImageFixture f = fixture(dialect);
        String id = f.oneImage(8);
        Binary annotator = f.binary.get("annotator");
        Binary.Response t = annotator.get("/images/" + id + "/thumbnail");
        assertEquals(200, t.status(), t.text());
        assertEquals("image/jpeg", t.header("Content-Type").orElseThrow());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(t.body()));
        assertEquals(160, img.getWidth(), "smaller than the thumbnail size: kept");
        String etag = t.header("ETag").orElseThrow();
        assertTrue(t.header("Cache-Control").orElseThrow().contains("immutable"));
        assertEquals(304, annotator.get("/images/" + id + "/thumbnail", "If-None-Match", etag).status());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_server_folder_and_a_coco_dataset_import_with_labels_merged_into_the_schema(Dialect dialect) throws IOException {
        ImageFixture f = fixture(dialect);
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(120, 90), 77, 3);
        shapes.writePngs(f.importRoot.resolve("plain"), n -> { });
        JsonNode plain = f.http.get("manager").post("/projects/" + f.project + "/images/import", "{\"path\":\"plain\"}").json();
        assertEquals(3, plain.get("added").size(), plain.toString());

        ShapesDataset more = new ShapesDataset(ShapesConfig.defaults(120, 90), 78, 2);
        more.writePngs(f.importRoot.resolve("src"), n -> { });
        Dataset source = ShapesItems.dataset(more, f.importRoot.resolve("src"));
        Formats.standard().get("coco").writer().orElseThrow().write(source, f.importRoot.resolve("coco"),
                new ImportReport(ErrorPolicy.FAIL_FAST));
        Http.Response r = f.http.get("admin").post("/projects/" + f.project + "/images/import", "{\"path\":\"coco\",\"format\":\"auto\"}");
        assertEquals(200, r.status(), r.text());
        assertEquals(2, r.json().get("added").size(), r.text());
        assertTrue(r.json().get("added").get(0).get("annotations").asInt() > 0, r.text());
        String image = r.json().get("added").get(0).get("image_id").asText();
        JsonNode set = f.http.get("reviewer").get("/images/" + image + "/annotations").json();
        assertEquals(1, set.get("version").asInt());
        assertTrue(new Projects(f.server.db).get(f.project).schema().size() > 2, "the dataset's classes were added to the schema");
        assertEquals("circle", new Projects(f.server.db).get(f.project).schema().classes().get(0).name(), "existing classes keep their ids");
        assertEquals(403, f.http.get("annotator").post("/projects/" + f.project + "/images/import", "{\"path\":\"plain\"}").status());
        assertTrue(new String(f.png(0), StandardCharsets.ISO_8859_1).startsWith("\u0089PNG"));
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(ImageFixture::close);
    }
}
