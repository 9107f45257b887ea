package dev.annota.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.geometry.PixelBox;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** YOLOX-nano and UltraFace on the shared photos, against their MODEL.md boxes (corners x1, y1, x2, y2). */
class DetectorModelsTest {
    static Predictor yolox;
    static Predictor ultraface;

    @BeforeAll
    static void load() throws IOException {
        yolox = SharedModels.load("yolox-nano");
        ultraface = SharedModels.load("ultraface-rfb-320");
    }

    @AfterAll
    static void close() {
        if (yolox != null) {
            yolox.close();
        }
        if (ultraface != null) {
            ultraface.close();
        }
    }

    static Detection find(List<Detection> ds, String label) {
        return ds.stream().filter(d -> d.label().name().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " in " + ds));
    }

    static void assertCorners(double[] expected, PixelBox box, double[] tolerance) {
        double[] got = {box.x(), box.y(), box.x2(), box.y2()};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], got[i], tolerance[i], "corner " + i + " of " + box);
        }
    }

    @Test
    void yolox_finds_the_dog_bicycle_and_car_where_model_md_puts_them() throws IOException {
        Prediction p = yolox.predict(SharedModels.photo("darknet_dog_bicycle_truck.jpg"));
        assertEquals(768, p.imageSize().width());
        // OpenCV-style bilinear (YOLOX's cv2.resize INTER_LINEAR): every corner within 1 px of MODEL.md but the bicycle's
        double[] tight = {1, 1, 1, 1};
        Detection dog = find(p.detections(), "dog");
        assertEquals(0.859, dog.score(), 0.005);
        assertCorners(new double[] {133, 207, 325, 543}, dog.box(), tight);
        Detection car = find(p.detections(), "car");
        assertEquals(0.797, car.score(), 0.005);
        assertCorners(new double[] {466, 78, 693, 171}, car.box(), tight);
        Detection bicycle = find(p.detections(), "bicycle");
        assertEquals(0.801, bicycle.score(), 0.005);
        // the bicycle's left edge (a blurred wheel) moves with the resampler: 40–103 px across the filters; 55.3 here
        assertCorners(new double[] {61, 137, 572, 423}, bicycle.box(), new double[] {7, 1, 1, 1});
        Detection truck = find(p.detections(), "truck");
        assertEquals(0.309, truck.score(), 0.005);
        assertCorners(new double[] {464, 78, 683, 173}, truck.box(), tight);
        assertEquals(4, p.detections().size(), p.detections().toString());
        assertEquals("dog", p.detections().get(0).label().name(), "best first");
    }

    @Test
    void class_wise_nms_keeps_the_car_and_the_truck_on_the_same_vehicle() throws IOException {
        Prediction p = yolox.predict(SharedModels.photo("darknet_dog_bicycle_truck.jpg"));
        PixelBox car = find(p.detections(), "car").box();
        PixelBox truck = find(p.detections(), "truck").box();
        assertTrue(dev.annota.infer.decode.Nms.iou(car, truck) > 0.45, "they overlap more than the NMS IoU");
    }

    @Test
    void a_higher_threshold_keeps_only_the_confident_detections() throws IOException {
        ModelPackage strict = yolox.model().withPostprocess(yolox.model().descriptor().postprocess().withScoreThreshold(0.5));
        try (Predictor p = Predictor.load(strict, PredictorOptions.defaults())) {
            Prediction r = p.predict(SharedModels.photo("darknet_dog_bicycle_truck.jpg"));
            assertEquals(List.of("dog", "bicycle", "car"), r.detections().stream().map(d -> d.label().name()).toList());
        }
    }

    @Test
    void ultraface_finds_exactly_one_face_in_grace_hopper_where_model_md_puts_it() throws IOException {
        Prediction p = ultraface.predict(SharedModels.photo("grace_hopper.jpg"));
        assertEquals(1, p.detections().size(), p.detections().toString());
        Detection face = p.detections().get(0);
        assertEquals("face", face.label().name());
        assertEquals(1.0, face.score(), 0.01);
        assertCorners(new double[] {171, 123, 357, 333}, face.box(), new double[] {2, 2, 2, 2});
    }

    @Test
    void ultraface_never_reports_the_background_class() throws IOException {
        Prediction p = ultraface.predict(SharedModels.photo("coffee.png"));
        assertTrue(p.detections().stream().noneMatch(d -> d.label().name().equals("background")), p.toString());
    }
}
