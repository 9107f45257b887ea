package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.app.Progress;
import dev.annota.app.images.ImportImages;
import dev.annota.app.images.ImportRequest;
import dev.annota.app.images.ImportSettings;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.Database;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import dev.annota.store.projects.Projects;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedCommandTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final List<String> PHOTOS = List.of("wolves.jpg", "coffee.png", "opencv_squirrel.jpg");

    /** The three photos, a half-size copy of the wolves, and a text file that claims to be a JPEG. */
    private static Path folder(Path dir) throws Exception {
        Path photos = Path.of(PredictCommandTest.shared("images/photos"));
        Files.createDirectories(dir.resolve("sub"));
        for (String p : PHOTOS) {
            Files.copy(photos.resolve(p), dir.resolve(p.equals("coffee.png") ? "sub/" + p : p));
        }
        BufferedImage wolves = ImageIO.read(photos.resolve("wolves.jpg").toFile());
        BufferedImage half = new BufferedImage(wolves.getWidth() / 2, wolves.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        half.getGraphics().drawImage(wolves.getScaledInstance(half.getWidth(), half.getHeight(), Image.SCALE_AREA_AVERAGING), 0, 0, null);
        ImageIO.write(half, "png", dir.resolve("wolves_small.png").toFile());
        Files.writeString(dir.resolve("notes.jpg"), "not an image");
        return dir;
    }

    @Test
    void embeds_a_folder_into_npy_and_jsonl_files_and_reports_the_file_it_could_not_decode(@TempDir Path tmp) throws Exception {
        String model = PredictCommandTest.shared("models/squeezenet1.1");
        Path images = folder(tmp.resolve("images"));
        CliBasicsTest.Run npy = CliBasicsTest.run("embed", "--model", model, "--images", images.toString(), "--out", tmp.resolve("v.npy").toString(), "--json");
        assertEquals(0, npy.code(), npy.err());
        JsonNode report = MAPPER.readTree(npy.out());
        assertEquals(4, report.get("embedded").asInt());
        int dim = report.get("dim").asInt();
        assertTrue(dim > 100, report.toString());
        assertEquals("notes.jpg", report.get("skipped").get(0).get("file").asText());

        byte[] bytes = Files.readAllBytes(tmp.resolve("v.npy"));
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64, "the data starts on a 64-byte boundary");
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<f4'") && header.contains("'shape': (4, " + dim + ")"), header);
        assertEquals(10 + headerLength + 4L * 4 * dim, bytes.length);
        List<String> names = Files.readAllLines(tmp.resolve("v.names.txt"));
        assertEquals(List.of("opencv_squirrel.jpg", "sub/coffee.png", "wolves.jpg", "wolves_small.png"), names);

        CliBasicsTest.Run jsonl = CliBasicsTest.run("embed", "--model", model, "--images", images.toString(), "--out", tmp.resolve("v.jsonl").toString());
        assertEquals(0, jsonl.code(), jsonl.err());
        assertTrue(jsonl.err().contains("notes.jpg"), jsonl.err());
        List<String> lines = Files.readAllLines(tmp.resolve("v.jsonl"));
        assertEquals(4, lines.size());
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 4 * 4 * dim).slice().order(ByteOrder.LITTLE_ENDIAN);
        for (int row = 0; row < 4; row++) {
            JsonNode line = MAPPER.readTree(lines.get(row));
            assertEquals(names.get(row), line.get("image").asText());
            assertEquals(dim, line.get("vector").size());
            for (int d = 0; d < dim; d += 97) {
                assertEquals(data.getFloat(4 * (row * dim + d)), line.get("vector").get(d).floatValue(), 0f, "row " + row + ", value " + d);
            }
        }
    }

    @Test
    void embeds_a_project_once_then_finds_similar_images_duplicates_and_clusters(@TempDir Path tmp) throws Exception {
        String model = PredictCommandTest.shared("models/squeezenet1.1");
        Path images = folder(tmp.resolve("images"));
        Path data = tmp.resolve("data");
        Map<String, String> ids = new HashMap<>();
        String project;
        try (Database db = Database.open(Database.sqliteUrl(data), "", "")) {
            project = new Projects(db).create("Animals", "", LabelSchema.of("wolf")).id();
            new ImportImages(db, new ImageStore(data), new ImageInspector(), new ImportSettings(Optional.of(images), 0, 1L << 30))
                    .serverPath(new ImportRequest(project, Optional.empty(), "train"), images.toString(), Progress.NONE);
            db.jdbi().useHandle(h -> h.createQuery("SELECT id, file_name FROM images").map((rs, c) -> Map.entry(rs.getString(2), rs.getString(1)))
                    .forEach(e -> ids.put(e.getKey(), e.getValue())));
        }
        assertEquals(4, ids.size(), ids.toString());
        String[] base = {"--data", data.toString(), "--json"};
        CliBasicsTest.Run first = CliBasicsTest.run(concat(new String[] {"embed", "--model", model, "--project", project}, base));
        assertEquals(0, first.code(), first.err());
        assertEquals(4, MAPPER.readTree(first.out()).get("embedded").asInt(), first.out());
        CliBasicsTest.Run again = CliBasicsTest.run(concat(new String[] {"embed", "--model", model, "--project", project}, base));
        assertEquals(0, MAPPER.readTree(again.out()).get("embedded").asInt(), "nothing left to embed: " + again.out());

        CliBasicsTest.Run similar = CliBasicsTest.run(concat(new String[] {"embed", "similar", "--image", ids.get("wolves.jpg"), "--k", "1"}, base));
        assertEquals(0, similar.code(), similar.err());
        assertEquals(ids.get("wolves_small.png"), MAPPER.readTree(similar.out()).get("results").get(0).get("image_id").asText(), similar.out());

        CliBasicsTest.Run dups = CliBasicsTest.run(concat(new String[] {"embed", "duplicates", "--project", project, "--threshold", "0.9"}, base));
        assertEquals(0, dups.code(), dups.err());
        JsonNode pairs = MAPPER.readTree(dups.out()).get("pairs");
        assertEquals(1, pairs.size(), dups.out());
        assertEquals(Set.of(ids.get("wolves.jpg"), ids.get("wolves_small.png")),
                Set.of(pairs.get(0).get("image_a").asText(), pairs.get(0).get("image_b").asText()));

        CliBasicsTest.Run clusters = CliBasicsTest.run(concat(new String[] {"embed", "clusters", "--project", project, "--k", "3", "--seed", "4"}, base));
        assertEquals(0, clusters.code(), clusters.err());
        Set<String> members = new HashSet<>();
        MAPPER.readTree(clusters.out()).get("clusters").forEach(c -> c.get("image_ids").forEach(i -> assertTrue(members.add(i.asText()))));
        assertEquals(new HashSet<>(ids.values()), members, "every image in exactly one cluster");
    }

    @Test
    void bad_arguments_exit_2_naming_the_option(@TempDir Path tmp) throws Exception {
        String model = PredictCommandTest.shared("models/squeezenet1.1");
        CliBasicsTest.Run neither = CliBasicsTest.run("embed", "--model", model);
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--project") && neither.err().contains("--images"), neither.err());
        CliBasicsTest.Run txt = CliBasicsTest.run("embed", "--model", model, "--images", tmp.toString(), "--out", tmp.resolve("v.txt").toString());
        assertEquals(2, txt.code());
        assertTrue(txt.err().contains("--out") && txt.err().contains("v.txt"), txt.err());
        CliBasicsTest.Run noModel = CliBasicsTest.run("embed", "--model", "no-such-model", "--images", tmp.toString(), "--out", "v.npy",
                "--data", tmp.toString());
        assertEquals(2, noModel.code());
        assertTrue(noModel.err().contains("no-such-model"), noModel.err());
        CliBasicsTest.Run k = CliBasicsTest.run("embed", "similar", "--image", "x", "--k", "0", "--data", tmp.toString());
        assertEquals(2, k.code());
        assertTrue(k.err().contains("--k"), k.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
