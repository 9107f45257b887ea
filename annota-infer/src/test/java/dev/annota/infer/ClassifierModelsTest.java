package dev.annota.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.RgbImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SqueezeNet 1.1 and MobileNetV2-int8 on the shared photos, against shared/models/&#42;/MODEL.md, with each
 * preset's resize filter (SqueezeNet: PIL-style antialiased bilinear; MobileNetV2-int8: area averaging, the
 * filter that comes closest to its MODEL.md figures). MODEL.md does not name the resampler its Java and Node
 * runs used; each tolerance below is the distance we see plus a small margin, and says so.
 */
class ClassifierModelsTest {
    static Predictor squeezenet;
    static Predictor mobilenet;

    @BeforeAll
    static void load() throws IOException {
        squeezenet = SharedModels.load("squeezenet1.1");
        mobilenet = SharedModels.load("mobilenetv2-int8");
    }

    @AfterAll
    static void close() {
        if (squeezenet != null) {
            squeezenet.close();
        }
        if (mobilenet != null) {
            mobilenet.close();
        }
    }

    static Prediction predict(Predictor p, String photo) throws IOException {
        return p.predict(SharedModels.photo(photo));
    }

    static ClassScore top(Prediction p) {
        return p.classes().get(0);
    }

    @Test
    void a_folder_without_model_json_is_matched_to_its_preset() {
        assertEquals("squeezenet1.1", squeezenet.model().name());
        assertEquals("preset squeezenet1.1", squeezenet.model().source());
        assertEquals(1000, squeezenet.model().labels().size());
    }

    @Test
    void squeezenet_names_the_fox_squirrel_with_the_score_model_md_reports() throws IOException {
        ClassScore c = top(predict(squeezenet, "opencv_squirrel.jpg"));
        assertEquals(335, c.label().index());
        assertTrue(c.label().name().startsWith("fox squirrel"), c.toString());
        assertEquals(0.9955, c.score(), 0.004); // here 0.9984
    }

    @Test
    void squeezenet_names_espresso_for_the_coffee_photo() throws IOException {
        ClassScore c = top(predict(squeezenet, "coffee.png"));
        assertEquals("espresso", c.label().name());
        // MODEL.md (Node): 0.98; here 0.966 (0.947 with OpenCV-style bilinear, 0.909 with nearest)
        assertEquals(0.98, c.score(), 0.02);
    }

    @Test
    void squeezenet_ranks_the_three_cat_classes_of_model_md_first_for_the_cat_photo() throws IOException {
        // MODEL.md: Egyptian cat 0.3470 | tiger cat 0.3383 | tabby 0.3038 — a near tie whose order flips with the
        // resampler (here: tiger cat 0.388, Egyptian cat 0.323, tabby 0.276; only nearest-neighbour puts Egyptian first)
        Prediction p = predict(squeezenet, "chelsea_cat.png");
        Set<Integer> top3 = p.classes().subList(0, 3).stream().map(c -> c.label().index()).collect(Collectors.toSet());
        assertEquals(Set.of(285, 282, 281), top3, p.classes().toString());
        double sum = p.classes().subList(0, 3).stream().mapToDouble(ClassScore::score).sum();
        assertEquals(0.989, sum, 0.005);
        Map<Integer, Double> modelMd = Map.of(285, 0.3470, 282, 0.3383, 281, 0.3038);
        for (ClassScore c : p.classes().subList(0, 3)) {
            assertEquals(modelMd.get(c.label().index()), c.score(), 0.05, c.toString());
        }
    }

    @Test
    void the_fp16_squeezenet_gives_the_fp32_scores() throws IOException {
        try (Predictor fp16 = Predictor.load(SharedModels.model("squeezenet1.1").resolve("squeezenet1.1-fp16.onnx"),
                PredictorOptions.defaults())) {
            assertEquals("squeezenet1.1-fp16", fp16.model().name());
            Prediction a = predict(fp16, "opencv_squirrel.jpg");
            Prediction b = predict(squeezenet, "opencv_squirrel.jpg");
            assertEquals(top(b).label(), top(a).label());
            assertEquals(top(b).score(), top(a).score(), 0.005);
        }
    }

    @Test
    void mobilenet_names_the_egyptian_cat_with_about_the_score_model_md_reports() throws IOException {
        ClassScore c = top(predict(mobilenet, "chelsea_cat.png"));
        assertEquals(285, c.label().index());
        // MODEL.md 0.6350; the int8 model moves by ±0.15 between resamplers (0.54–0.80 seen); here 0.678
        assertEquals(0.635, c.score(), 0.05);
    }

    @Test
    void mobilenet_names_the_fox_squirrel() throws IOException {
        ClassScore c = top(predict(mobilenet, "opencv_squirrel.jpg"));
        assertEquals(335, c.label().index());
        assertEquals(0.96, c.score(), 0.03); // MODEL.md (Node): 0.96; here 0.987
    }

    @Test
    void mobilenet_names_espresso_then_cup_for_the_coffee_photo() throws IOException {
        Prediction p = predict(mobilenet, "coffee.png");
        assertEquals("espresso", top(p).label().name());
        // MODEL.md reports espresso 0.9909, cup 0.0036; here 0.68: ONNX Runtime's U8S8 kernel saturates int16 pair
        // sums on AVX2 CPUs without VNNI (the same weights as uint8 give 0.9945 on this machine; see README)
        assertTrue(top(p).score() > 0.6, p.classes().toString());
        assertEquals("cup", p.classes().get(1).label().name(), p.classes().toString());
    }

    @Test
    void a_dynamic_batch_model_runs_a_batch_with_the_same_results_as_one_by_one() throws IOException {
        assertTrue(mobilenet.batches());
        assertFalse(squeezenet.batches());
        List<RgbImage> images = new ArrayList<>();
        for (String s : List.of("chelsea_cat.png", "opencv_squirrel.jpg", "coffee.png")) {
            images.add(ImageDecoder.read(SharedModels.photo(s)));
        }
        List<Prediction> batch = mobilenet.predictAll(images);
        for (int i = 0; i < images.size(); i++) {
            Prediction one = mobilenet.predict(images.get(i));
            assertEquals(top(one).label(), top(batch.get(i)).label());
            assertEquals(top(one).score(), top(batch.get(i)).score(), 1e-4);
        }
    }

    @Test
    void loading_predicting_and_closing_from_a_thread_with_a_small_stack_does_not_crash_the_jvm() throws Exception {
        // ORT recurses deeply for this graph; on a 1 MiB stack it used to kill the process (see NativeThreads)
        Throwable[] failure = new Throwable[1];
        double[] score = new double[1];
        Thread t = new Thread(null, () -> {
            try (Predictor p = SharedModels.load("squeezenet1.1")) {
                score[0] = top(p.predict(SharedModels.photo("opencv_squirrel.jpg"))).score();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        assertEquals(0.9955, score[0], 0.005);
    }

    @Test
    void concurrent_callers_share_one_session_and_get_the_same_answers() throws Exception {
        RgbImage cat = ImageDecoder.read(SharedModels.photo("chelsea_cat.png"));
        RgbImage squirrel = ImageDecoder.read(SharedModels.photo("opencv_squirrel.jpg"));
        double catScore = top(squeezenet.predict(cat)).score();
        double squirrelScore = top(squeezenet.predict(squirrel)).score();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RgbImage img = i % 2 == 0 ? cat : squirrel;
                futures.add(pool.submit(() -> top(squeezenet.predict(img)).score()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(i % 2 == 0 ? catScore : squirrelScore, futures.get(i).get(), 1e-6);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
