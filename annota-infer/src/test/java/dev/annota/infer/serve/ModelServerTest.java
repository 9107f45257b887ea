package dev.annota.infer.serve;

import static dev.annota.infer.serve.HttpHelper.get;
import static dev.annota.infer.serve.HttpHelper.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.infer.Prediction;
import dev.annota.infer.PredictionJson;
import dev.annota.infer.Predictor;
import dev.annota.infer.SharedModels;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** serve-model over real HTTP on port 0 with the real SqueezeNet and YOLOX-nano and the shared photos. */
class ModelServerTest {
    static final List<String> PHOTOS = List.of("chelsea_cat.png", "opencv_squirrel.jpg", "coffee.png", "darknet_eagle.jpg");
    static Predictor squeezenet;
    static Predictor yolox;
    static ModelServer squeezeServer;
    static ModelServer yoloxServer;

    @BeforeAll
    static void start() throws Exception {
        squeezenet = SharedModels.load("squeezenet1.1");
        yolox = SharedModels.load("yolox-nano");
        squeezeServer = ModelServer.start(squeezenet, ServeOptions.defaults().withPort(0));
        yoloxServer = ModelServer.start(yolox, ServeOptions.defaults().withPort(0));
        assertTrue(squeezeServer.awaitReady(60_000) && yoloxServer.awaitReady(60_000), "warm-up finished");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {squeezeServer, yoloxServer, squeezenet, yolox}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** What {@code annota predict --json} prints for these photos, as a tree. */
    static JsonNode expected(Predictor p, List<String> photos) throws IOException {
        List<Prediction> out = new ArrayList<>();
        for (String photo : photos) {
            out.add(p.predict(SharedModels.photo(photo)));
        }
        return PredictionJson.results(photos, out, p.model().descriptor().task());
    }

    static byte[] bytes(String photo) throws IOException {
        return Files.readAllBytes(SharedModels.photo(photo));
    }

    @Test
    void squeezenet_answers_each_photo_exactly_as_annota_predict_json_does() throws Exception {
        URI base = squeezeServer.uri();
        for (String photo : PHOTOS) {
            HttpHelper.Reply r = post(base, "/v1/predict?name=" + photo, "application/octet-stream", bytes(photo));
            assertEquals(200, r.status(), r.body());
            assertEquals("application/json", r.contentType());
            assertEquals(expected(squeezenet, List.of(photo)), r.json());
        }
    }

    @Test
    void yolox_answers_with_the_boxes_annota_predict_json_gives() throws Exception {
        String photo = "darknet_dog_bicycle_truck.jpg";
        HttpHelper.Reply r = post(yoloxServer.uri(), "/v1/predict?name=" + photo, "image/jpeg", bytes(photo));
        assertEquals(200, r.status(), r.body());
        JsonNode got = r.json();
        assertEquals(expected(yolox, List.of(photo)), got);
        assertEquals(4, got.at("/results/0/detections").size(), got.toString());
        assertEquals("dog", got.at("/results/0/detections/0/label").asText());
    }

    @Test
    void a_multipart_request_with_several_images_answers_each_under_its_file_name_in_order() throws Exception {
        List<String> photos = List.of("darknet_dog_bicycle_truck.jpg", "coffee.png", "darknet_person_dog_horse.jpg");
        List<Map.Entry<String, byte[]>> files = new ArrayList<>();
        for (String p : photos) {
            files.add(Map.entry(p, bytes(p)));
        }
        HttpHelper.Reply r = post(yoloxServer.uri(), "/v1/predict", "multipart/form-data; boundary=xYzZy",
                HttpHelper.multipart("xYzZy", files, "image/jpeg"));
        assertEquals(200, r.status(), r.body());
        assertEquals(expected(yolox, photos), r.json());
    }

    @Test
    void top_and_threshold_in_the_query_change_this_request_only() throws Exception {
        HttpHelper.Reply top2 = post(squeezeServer.uri(), "/v1/predict?top=2", "image/png", bytes("chelsea_cat.png"));
        assertEquals(2, top2.json().at("/results/0/classes").size(), top2.body());
        assertEquals("image", top2.json().at("/results/0/image").asText(), "a raw body without ?name is called image");
        HttpHelper.Reply strict = post(yoloxServer.uri(), "/v1/predict?threshold=0.5", "image/jpeg", bytes("darknet_dog_bicycle_truck.jpg"));
        List<String> labels = new ArrayList<>();
        strict.json().at("/results/0/detections").forEach(d -> labels.add(d.get("label").asText()));
        assertEquals(List.of("dog", "bicycle", "car"), labels);
        HttpHelper.Reply again = post(yoloxServer.uri(), "/v1/predict", "image/jpeg", bytes("darknet_dog_bicycle_truck.jpg"));
        assertEquals(4, again.json().at("/results/0/detections").size(), "the model's own threshold is back");
    }

    @Test
    void sixteen_concurrent_clients_each_get_the_answer_for_their_own_image() throws Exception {
        Map<String, JsonNode> want = new java.util.HashMap<>();
        for (String p : PHOTOS) {
            want.put(p, expected(squeezenet, List.of(p)));
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String photo = PHOTOS.get(i % PHOTOS.size());
                byte[] body = bytes(photo);
                futures.add(clients.submit(() -> {
                    HttpHelper.Reply r = post(squeezeServer.uri(), "/v1/predict?name=" + photo, "application/octet-stream", body);
                    assertEquals(200, r.status(), r.body());
                    assertEquals(want.get(photo), r.json(), "the answer for " + photo);
                    return photo;
                }));
            }
            for (Future<String> f : futures) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void health_ready_and_metrics_report_on_the_server() throws Exception {
        URI base = squeezeServer.uri();
        post(base, "/v1/predict", "image/png", bytes("coffee.png"));
        HttpHelper.Reply health = get(base, "/health");
        assertEquals(200, health.status());
        assertEquals("ok", health.json().get("status").asText());
        HttpHelper.Reply ready = get(base, "/ready");
        assertEquals(200, ready.status());
        assertEquals("ready", ready.json().get("status").asText());
        assertEquals("squeezenet1.1", ready.json().get("model").asText());

        HttpHelper.Reply prom = get(base, "/metrics");
        assertEquals(200, prom.status());
        assertTrue(prom.contentType().startsWith("text/plain; version=0.0.4"), prom.contentType());
        String text = prom.body();
        for (String line : List.of("# TYPE annota_serve_requests_total counter", "annota_serve_requests_total{path=\"/health\",status=\"200\"} ",
                "# TYPE annota_serve_request_duration_seconds histogram", "annota_serve_request_duration_seconds_bucket{le=\"+Inf\"} ",
                "annota_serve_request_latency_seconds{quantile=\"0.99\"} ", "annota_serve_batch_size_bucket{le=\"1\"} ",
                "annota_serve_queue_depth 0", "annota_serve_in_flight_requests 1", "annota_serve_ready 1",
                "annota_serve_model_info{model=\"squeezenet1.1\",source=\"preset squeezenet1.1\",batching=\"false\"} 1")) {
            assertTrue(text.contains(line), "metrics lack '" + line + "':\n" + text);
        }
        long predicted = squeezeServer.metrics().requests(ModelServer.PREDICT, 200);
        assertTrue(text.contains("annota_serve_requests_total{path=\"/v1/predict\",status=\"200\"} " + predicted), text);

        JsonNode json = get(base, "/metrics?format=json").json();
        assertEquals(predicted, json.at("/requests/~1v1~1predict/200").asLong());
        assertTrue(json.at("/latency_ms/p50").asDouble() > 0, json.toString());
        assertTrue(json.at("/latency_ms/p99").asDouble() >= json.at("/latency_ms/p50").asDouble(), json.toString());
        assertTrue(json.at("/batch_sizes/1").asLong() >= predicted, "a fixed-batch model runs one image at a time");
    }
}
