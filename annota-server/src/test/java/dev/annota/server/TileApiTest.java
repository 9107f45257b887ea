package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tile pyramid over real HTTP (SQLite: tiles need no SQL) with a generated 10,000 × 10,000 PNG: the layout,
 * full-resolution and downsampled tiles with the right size and pixels, edge tiles, caching headers, access
 * rules and bad coordinates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TileApiTest {
    static final int SIZE = 10_000;
    static final int CELL = 1_000;
    private ImageFixture f;
    private String image;

    @BeforeAll
    void import_a_10k_image() throws IOException {
        f = new ImageFixture(Dialect.SQLITE);
        writeGridPng(f.importRoot.resolve("big").resolve("grid-10k.png"), SIZE, SIZE);
        JsonNode report = f.http.get("admin").post("/projects/" + f.project + "/images/import", "{\"path\":\"big\"}").json();
        assertEquals(1, report.get("added").size(), report.toString());
        image = report.get("added").get(0).get("image_id").asText();
    }

    @AfterAll
    void close() {
        f.close();
    }

    /** The colour of the generated grid at (x, y): each 1000-pixel cell has its own red and green. */
    static int[] colourAt(int x, int y) {
        return new int[] {(x / CELL) * 25, (y / CELL) * 25, 200};
    }

    @Test
    void the_layout_halves_the_image_until_it_fits_one_tile() {
        JsonNode info = f.http.get("annotator").get("/images/" + image + "/tiles").json();
        assertEquals(SIZE, info.get("width").asInt());
        assertEquals(512, info.get("tile_size").asInt());
        assertEquals(6, info.get("levels").asInt(), "10000 / 2^5 = 313 <= 512: levels 0 to 5");
        assertEquals("/api/v1/images/" + image + "/tiles/{level}/{x}/{y}", info.get("url_template").asText());
    }

    @Test
    void a_full_resolution_tile_has_the_original_pixels_and_immutable_caching() throws IOException {
        Binary.Response r = f.binary.get("reviewer").get("/images/" + image + "/tiles/0/3/5");
        assertEquals(200, r.status());
        assertEquals("image/jpeg", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
        BufferedImage tile = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertEquals(512, tile.getWidth());
        assertEquals(512, tile.getHeight());
        // tile (3, 5) starts at (1536, 2560): cell (1, 2) for its first 464 columns, cell (2, 2) after
        assertColour(tile, 10, 10, colourAt(1536, 2560));
        assertColour(tile, 500, 10, colourAt(2036, 2560));

        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, f.binary.get("reviewer").get("/images/" + image + "/tiles/0/3/5", "If-None-Match", etag).status());
    }

    @Test
    void edge_tiles_are_cut_to_the_image_and_the_top_level_is_one_small_tile() throws IOException {
        BufferedImage corner = ImageIO.read(new ByteArrayInputStream(f.binary.get("annotator").get("/images/" + image + "/tiles/0/19/19").body()));
        assertEquals(SIZE - 19 * 512, corner.getWidth());
        assertEquals(SIZE - 19 * 512, corner.getHeight());
        assertColour(corner, corner.getWidth() - 5, corner.getHeight() - 5, colourAt(SIZE - 1, SIZE - 1));

        BufferedImage top = ImageIO.read(new ByteArrayInputStream(f.binary.get("annotator").get("/images/" + image + "/tiles/5/0/0").body()));
        assertEquals(313, top.getWidth());
        assertEquals(313, top.getHeight());
        // level 5 is 1/32: the centre of cell (7, 3) is at (7500, 3500) → (234, 109)
        assertColour(top, 234, 109, colourAt(7500, 3500));

        BufferedImage mid = ImageIO.read(new ByteArrayInputStream(f.binary.get("annotator").get("/images/" + image + "/tiles/2/1/0").body()));
        assertEquals(512, mid.getWidth());
        assertEquals(512, mid.getHeight());
        // level 2 tile (1, 0) covers level pixels 512.. → full-resolution x = 4 * (512 + 100) = 2448, y = 4 * 300
        assertColour(mid, 100, 300, colourAt(2448, 1200));
    }

    @Test
    void tiles_follow_the_originals_access_rules_and_name_bad_coordinates() {
        assertEquals(403, f.binary.get("outsider").get("/images/" + image + "/tiles/5/0/0").status());
        assertEquals(401, f.binary.get("anonymous").get("/images/" + image + "/tiles/5/0/0").status());
        assertEquals(404, f.binary.get("admin").get("/images/no-such-image/tiles/0/0/0").status());
        Http.Response level = f.http.get("admin").get("/images/" + image + "/tiles/6/0/0");
        assertEquals(400, level.status(), level.text());
        assertTrue(level.text().contains("expected a level in [0, 5]"), level.text());
        Http.Response column = f.http.get("admin").get("/images/" + image + "/tiles/0/20/0");
        assertEquals(400, column.status(), column.text());
        assertTrue(column.text().contains("expected a column in [0, 19] at level 0"), column.text());
        Http.Response word = f.http.get("admin").get("/images/" + image + "/tiles/zero/0/0");
        assertEquals(400, word.status(), word.text());
        assertTrue(word.text().contains("expected a whole number"), word.text());
    }

    private static void assertColour(BufferedImage img, int x, int y, int[] expected) {
        int rgb = img.getRGB(x, y);
        int[] got = {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255};
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(got[i] - expected[i]) <= 12, "pixel (" + x + ", " + y + "): expected about "
                    + java.util.Arrays.toString(expected) + ", got " + java.util.Arrays.toString(got));
        }
    }

    /** Streams an RGB PNG of the grid row by row (the whole image is never in memory), fast deflate. */
    static void writeGridPng(Path file, int w, int h) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            java.io.ByteArrayOutputStream ihdr = new java.io.ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(ihdr);
            d.writeInt(w);
            d.writeInt(h);
            d.write(new byte[] {8, 2, 0, 0, 0});
            chunk(out, "IHDR", ihdr.toByteArray(), ihdr.size());
            OutputStream idat = new OutputStream() {
                private final byte[] buf = new byte[1 << 16];
                private int n;

                @Override
                public void write(int b) throws IOException {
                    buf[n++] = (byte) b;
                    if (n == buf.length) {
                        flush();
                    }
                }

                @Override
                public void flush() throws IOException {
                    if (n > 0) {
                        chunk(out, "IDAT", buf, n);
                        n = 0;
                    }
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[1 + 3 * w];
                for (int y = 0; y < h; y++) {
                    row[0] = 0;
                    for (int x = 0; x < w; x++) {
                        int[] c = colourAt(x, y);
                        row[1 + 3 * x] = (byte) c[0];
                        row[2 + 3 * x] = (byte) c[1];
                        row[3 + 3 * x] = (byte) c[2];
                    }
                    z.write(row);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IEND", new byte[0], 0);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(length);
        out.write(t);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        out.writeInt((int) crc.getValue());
    }
}
