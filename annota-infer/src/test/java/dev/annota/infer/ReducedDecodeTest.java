package dev.annota.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.geometry.ImageSize;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.Preprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Decoding large photos at reduced scale ({@link Predictor#prepareEncoded}) keeps the models' answers. */
class ReducedDecodeTest {
    static Predictor yolox;
    static Predictor squeezenet;

    @BeforeAll
    static void load() throws IOException {
        yolox = SharedModels.load("yolox-nano");
        squeezenet = SharedModels.load("squeezenet1.1");
    }

    @AfterAll
    static void close() {
        if (yolox != null) {
            yolox.close();
        }
        if (squeezenet != null) {
            squeezenet.close();
        }
    }

    private static int step(Predictor p, String photo) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedModels.photo(photo));
        return ImageDecoder.decodeReduced(bytes, photo, ImageDecoder.MAX_PIXELS,
                new Preprocessor(p.model().descriptor().input())::subsampling).subsampling();
    }

    private static Prediction reduced(Predictor p, String photo) throws IOException {
        return p.predictPrepared(List.of(p.prepareEncoded(Files.readAllBytes(SharedModels.photo(photo)), photo))).get(0);
    }

    @Test
    void the_detector_finds_its_confident_objects_in_a_large_photo_decoded_at_reduced_scale_within_three_pixels() throws IOException {
        assertTrue(step(yolox, "darknet_kite_beach.jpg") >= 2, "1352x900 for a 416 input is decoded at reduced scale");
        Prediction full = yolox.predict(SharedModels.photo("darknet_kite_beach.jpg"));
        Prediction small = reduced(yolox, "darknet_kite_beach.jpg");
        assertEquals(full.imageSize(), small.imageSize(), "boxes are in the full-size image");
        List<Detection> confident = full.detections().stream().filter(d -> d.score() >= 0.5).toList();
        assertTrue(confident.size() >= 3, full.detections().toString());
        for (Detection d : confident) {
            var a = d.box();
            boolean found = small.detections().stream().anyMatch(e -> e.label().equals(d.label())
                    && Math.abs(e.box().x() - a.x()) <= 3 && Math.abs(e.box().y() - a.y()) <= 3
                    && Math.abs(e.box().width() - a.width()) <= 3 && Math.abs(e.box().height() - a.height()) <= 3);
            assertTrue(found, d + " is found again within 3 px (as the acceptance tests allow): " + small.detections());
        }
    }

    @Test
    void the_classifier_keeps_its_top_class_for_a_large_photo_decoded_at_half() throws IOException {
        assertEquals(2, step(squeezenet, "raccoon_face.jpg"));
        assertEquals(squeezenet.predict(SharedModels.photo("raccoon_face.jpg")).classes().get(0).label(),
                reduced(squeezenet, "raccoon_face.jpg").classes().get(0).label());
    }

    @Test
    void photos_near_the_input_size_are_decoded_whole_and_prepared_exactly_as_before() throws IOException {
        for (String photo : List.of("opencv_squirrel.jpg", "chelsea_cat.png", "coffee.png", "darknet_dog_bicycle_truck.jpg")) {
            assertEquals(1, step(squeezenet, photo), photo);
            byte[] bytes = Files.readAllBytes(SharedModels.photo(photo));
            PreparedImage whole = squeezenet.prepare(ImageDecoder.decode(bytes, photo));
            PreparedImage viaEncoded = squeezenet.prepareEncoded(bytes, photo);
            assertArrayEquals(whole.values(), viaEncoded.values(), photo);
            assertEquals(whole.transform(), viaEncoded.transform(), photo);
        }
    }

    @Test
    void the_step_keeps_one_and_a_half_decoded_pixels_per_input_pixel() {
        Preprocessor letterbox = new Preprocessor(yolox.model().descriptor().input());
        assertEquals(1, letterbox.subsampling(new ImageSize(416 * 3 - 1, 100)));
        assertEquals(2, letterbox.subsampling(new ImageSize(416 * 3, 100)));
        assertEquals(4, letterbox.subsampling(new ImageSize(416 * 6, 416 * 6)));
    }
}
