package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The annotation endpoints over real HTTP on SQLite and PostgreSQL: get/put with versions, conflicts, history, restore. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnotationApiTest {
    static final String BOX = "{\"kind\":\"box\",\"label\":1,\"box\":[10,10,20,20]}";
    static final String SQUARE = "{\"kind\":\"box\",\"label\":2,\"box\":[50,40,30,30]}";

    private final Map<Dialect, ImageFixture> fixtures = new EnumMap<>(Dialect.class);

    List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    private ImageFixture fixture(Dialect d) {
        return fixtures.computeIfAbsent(d, ImageFixture::new);
    }

    static String set(long version, String... annotations) {
        return "{\"version\":" + version + ",\"annotations\":[" + String.join(",", annotations) + "]}";
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_saved_set_reads_back_with_its_version_and_etag(Dialect dialect) {
        ImageFixture f = fixture(dialect);
        String path = "/images/" + f.oneImage(9) + "/annotations";
        Http.Response empty = f.http.get("reviewer").get(path);
        assertEquals(200, empty.status(), empty.text());
        assertEquals(0, empty.json().get("version").asInt());
        assertEquals("\"v0\"", empty.header("ETag").orElseThrow());

        Http.Response put = f.http.get("annotator").put(path, set(0, BOX, SQUARE));
        assertEquals(200, put.status(), put.text());
        assertEquals(1, put.json().get("version").asInt());
        Http.Response got = f.http.get("reviewer").get(path);
        assertEquals("\"v1\"", got.header("ETag").orElseThrow());
        assertEquals(2, got.json().get("annotations").size());
        assertEquals(List.of(10.0, 10.0, 20.0, 20.0), doubles(got.json().get("annotations").get(0).get("box")));

        Binary.Response viaIfMatch = f.binary.get("manager").send("PUT", path, List.of("Content-Type", "application/json",
                "If-Match", "\"v1\""), ("{\"annotations\":[" + BOX + "]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, viaIfMatch.status(), viaIfMatch.text());
        assertEquals(2, viaIfMatch.json().get("version").asInt());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void two_writers_of_one_version_get_one_save_and_one_409_with_the_current_set(Dialect dialect) {
        ImageFixture f = fixture(dialect);
        String path = "/images/" + f.oneImage(10) + "/annotations";
        assertEquals(200, f.http.get("annotator").put(path, set(0, BOX)).status());
        Http.Response first = f.http.get("annotator").put(path, set(1, BOX, SQUARE));
        Http.Response second = f.http.get("manager").put(path, set(1, SQUARE));
        assertEquals(200, first.status(), first.text());
        assertEquals(409, second.status(), second.text());
        JsonNode problem = second.json();
        assertEquals(2, problem.get("current").get("version").asInt());
        assertEquals(2, problem.get("current").get("annotations").size(), "the first writer's set, nothing lost");
        JsonNode history = f.http.get("reviewer").get(path + "/history").json();
        assertEquals(2, history.size());
        assertEquals(2, history.get(0).get("annotation_count").asInt());
        assertEquals(1, history.get(1).get("annotation_count").asInt());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_earlier_version_can_be_read_and_restored_as_the_newest(Dialect dialect) {
        ImageFixture f = fixture(dialect);
        String path = "/images/" + f.oneImage(11) + "/annotations";
        Http annotator = f.http.get("annotator");
        annotator.put(path, set(0, BOX));
        annotator.put(path, set(1, SQUARE, BOX, SQUARE));
        JsonNode v1 = f.http.get("reviewer").get(path + "/versions/1").json();
        assertEquals(1, v1.get("annotations").size());
        Http.Response restored = annotator.post(path + "/restore", "{\"version\":1,\"expected_version\":2}");
        assertEquals(200, restored.status(), restored.text());
        assertEquals(3, restored.json().get("version").asInt());
        assertEquals(v1.get("annotations"), restored.json().get("annotations"));
        assertTrue(f.http.get("admin").get(path + "/history").json().get(0).get("source").asText().contains("restore of version 1"));
        Http.Response stale = annotator.post(path + "/restore", "{\"version\":2,\"expected_version\":2}");
        assertEquals(409, stale.status(), stale.text());
        assertEquals(3, stale.json().get("current").get("version").asInt());
        assertEquals(403, f.http.get("reviewer").post(path + "/restore", "{\"version\":2,\"expected_version\":3}").status());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void every_invalid_annotation_is_reported_at_its_index(Dialect dialect) {
        ImageFixture f = fixture(dialect);
        String path = "/images/" + f.oneImage(12) + "/annotations";
        Http.Response r = f.http.get("annotator").put(path, set(0, BOX,
                "{\"kind\":\"box\",\"label\":7,\"box\":[1,1,2,2]}", "{\"kind\":\"box\",\"label\":1,\"box\":[150,100,30,30]}"));
        assertEquals(400, r.status(), r.text());
        JsonNode errors = r.json().get("errors");
        assertEquals(2, errors.size(), r.text());
        assertTrue(errors.get(0).get("location").asText().startsWith("/annotations/1"), r.text());
        assertTrue(errors.get(1).get("location").asText().startsWith("/annotations/2"), r.text());
        assertEquals(0, f.http.get("annotator").get(path).json().get("version").asInt(), "nothing was saved");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void each_concurrent_writer_gets_its_own_version_and_content_back(Dialect dialect) throws InterruptedException {
        ImageFixture f = fixture(dialect);
        String path = "/images/" + f.oneImage(13) + "/annotations";
        List<String> writers = List.of("annotator", "manager", "admin");
        Map<String, List<String>> problems = new java.util.concurrent.ConcurrentHashMap<>();
        Map<Long, String> sentByVersion = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            int writer = w;
            Http http = f.http.get(writers.get(w));
            threads.add(new Thread(() -> {
                long version = 0;
                for (int i = 0; i < 12; i++) {
                    String box = "{\"kind\":\"box\",\"label\":1,\"box\":[" + (writer * 20 + 1) + "," + (i + 1) + ",5,5]}";
                    Http.Response r = http.put(path, set(version, box));
                    if (r.status() == 409) {
                        version = r.json().get("current").get("version").asLong();
                        continue;
                    }
                    if (r.status() != 200) {
                        problems.computeIfAbsent("status", k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(r.text());
                        return;
                    }
                    version = r.json().get("version").asLong();
                    JsonNode got = r.json().get("annotations");
                    if (got.size() != 1 || got.get(0).get("box").get(0).asInt() != writer * 20 + 1
                            || got.get(0).get("box").get(1).asInt() != i + 1) {
                        problems.computeIfAbsent("content", k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                .add(writers.get(writer) + " sent " + box + ", reply v" + version + " " + got);
                    }
                    sentByVersion.put(version, writer + ":" + (i + 1));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(Map.of(), problems, "every 200 reply describes its own save");
        assertTrue(sentByVersion.size() >= 3, sentByVersion.toString());
        for (Map.Entry<Long, String> e : sentByVersion.entrySet()) {
            JsonNode stored = f.http.get("reviewer").get(path + "/versions/" + e.getKey()).json().get("annotations").get(0).get("box");
            String[] sent = e.getValue().split(":");
            assertEquals(Integer.parseInt(sent[0]) * 20 + 1, stored.get(0).asInt(), "version " + e.getKey());
            assertEquals(Integer.parseInt(sent[1]), stored.get(1).asInt(), "version " + e.getKey());
        }
    }

    private static List<Double> doubles(JsonNode arr) {
        return java.util.stream.StreamSupport.stream(arr.spliterator(), false).map(JsonNode::asDouble).toList();
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(ImageFixture::close);
    }
}
