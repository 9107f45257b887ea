package dev.annota.infer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.infer.Prediction;
import dev.annota.infer.Predictor;
import dev.annota.infer.SharedModels;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dynamic batching with MobileNetV2-int8 (dynamic batch axis): no cross-talk, real batches, graceful shutdown. */
class BatchingServerTest {
    static final List<String> PHOTOS = List.of("chelsea_cat.png", "opencv_squirrel.jpg", "coffee.png", "wolves.jpg");
    static Predictor mobilenet;

    @BeforeAll
    static void load() throws IOException {
        mobilenet = SharedModels.load("mobilenetv2-int8");
        assertTrue(mobilenet.batches());
    }

    @AfterAll
    static void close() {
        if (mobilenet != null) {
            mobilenet.close();
        }
    }

    static byte[] bytes(String photo) throws IOException {
        return Files.readAllBytes(SharedModels.photo(photo));
    }

    @Test
    void concurrent_requests_run_in_shared_batches_and_each_gets_its_own_result() throws Exception {
        List<Prediction> alone = new ArrayList<>();
        for (String p : PHOTOS) {
            alone.add(mobilenet.predict(SharedModels.photo(p)));
        }
        ServeOptions o = ServeOptions.defaults().withPort(0).withBatching(8, Duration.ofMillis(50));
        try (ModelServer server = ModelServer.start(mobilenet, o)) {
            ExecutorService clients = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<JsonNode>> replies = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    String photo = PHOTOS.get(i % PHOTOS.size());
                    byte[] body = bytes(photo);
                    replies.add(clients.submit(() -> {
                        go.await();
                        HttpHelper.Reply r = HttpHelper.post(server.uri(), "/v1/predict?name=" + photo, "image/jpeg", body);
                        assertEquals(200, r.status(), r.body());
                        return r.json();
                    }));
                }
                go.countDown();
                for (int i = 0; i < replies.size(); i++) {
                    JsonNode got = replies.get(i).get().at("/results/0");
                    int k = i % PHOTOS.size();
                    assertEquals(PHOTOS.get(k), got.get("image").asText());
                    Prediction want = alone.get(k);
                    assertEquals(want.classes().get(0).label().name(), got.at("/classes/0/label").asText(), "top class of " + PHOTOS.get(k));
                    for (int c = 0; c < want.classes().size(); c++) {
                        // a batch runs other kernels than batch 1: equal up to float rounding
                        assertEquals(want.classes().get(c).score(), got.at("/classes/" + c + "/score").asDouble(), 2e-3,
                                PHOTOS.get(k) + " class " + c);
                    }
                }
            } finally {
                clients.shutdownNow();
            }
            long[] sizes = server.metrics().batchSizes();
            long batched = 0;
            for (int s = 2; s < sizes.length; s++) {
                batched += sizes[s];
            }
            assertTrue(batched > 0, "some runs held several requests: " + java.util.Arrays.toString(sizes));
        }
    }

    @Test
    void closing_finishes_the_requests_in_flight_then_refuses_connections() throws Exception {
        // a long batching delay keeps the requests queued when close() is called
        ServeOptions o = ServeOptions.defaults().withPort(0).withBatching(8, Duration.ofMillis(2_000));
        ModelServer server = ModelServer.start(mobilenet, o);
        assertTrue(server.awaitReady(60_000));
        URI base = server.uri();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (String photo : PHOTOS.subList(0, 3)) {
                byte[] body = bytes(photo);
                replies.add(clients.submit(() -> HttpHelper.post(base, "/v1/predict", "image/jpeg", body).status()));
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (server.metrics().json().get("queue_depth").asInt() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(3, server.metrics().json().get("queue_depth").asInt(), "all three are waiting for the model");
            server.close();
            for (Future<Integer> f : replies) {
                assertEquals(200, f.get(), "a request in flight is answered");
            }
            assertThrows(IOException.class, () -> HttpHelper.get(base, "/health"), "no connections after close");
        } finally {
            clients.shutdownNow();
            server.close();
        }
    }
}
