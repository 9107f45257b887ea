package dev.annota.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.infer.Prediction;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.RgbImage;
import dev.annota.train.augment.Augmenter;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.DatasetReader;
import dev.annota.train.loop.EpochListener;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The head mode on the shared photos (three classes by file name), on SqueezeNet 1.1's features. */
class HeadTrainingTest {
    static final Path SHARED = Path.of(System.getProperty("annota.shared.dir", "../../shared"));
    static final Map<String, List<String>> CLASSES = Map.of(
            "animal", List.of("chelsea_cat.png", "darknet_eagle.jpg", "darknet_giraffe_zebra.jpg", "darknet_horses.jpg",
                    "opencv_butterfly.jpg", "opencv_squirrel.jpg", "raccoon_face.jpg", "wolves.jpg"),
            "food", List.of("coffee.png", "flower_dahlia.jpg", "opencv_apple.jpg", "opencv_fruits.jpg", "opencv_orange.jpg", "pineapple.png"),
            "scene", List.of("china_pagoda.jpg", "opencv_building.jpg", "opencv_home.jpg", "rocket_falcon9.jpg", "opencv_aero1.jpg",
                    "darknet_kite_beach.jpg", "motorcycle.png", "opencv_board.jpg"));

    @TempDir
    Path tmp;

    /** Each photo at 160 px wide, plus a mirrored copy and two crops: 4 images per photo. */
    private Path photoFolder() throws IOException {
        Path root = tmp.resolve("photos");
        for (Map.Entry<String, List<String>> e : CLASSES.entrySet()) {
            Path dir = Files.createDirectories(root.resolve(e.getKey()));
            for (String name : e.getValue()) {
                RgbImage img = ImageDecoder.read(SHARED.resolve("images/photos").resolve(name));
                int w = 160;
                int h = Math.max(1, img.height() * w / img.width());
                RgbImage small = Augmenter.resize(img, w, h);
                String stem = name.substring(0, name.lastIndexOf('.'));
                write(small, dir.resolve(stem + "_0.png"));
                write(mirror(small), dir.resolve(stem + "_1.png"));
                write(crop(small, 0, 0, w * 3 / 4, h * 3 / 4), dir.resolve(stem + "_2.png"));
                write(crop(small, w / 4, h / 4, w * 3 / 4, h * 3 / 4), dir.resolve(stem + "_3.png"));
            }
        }
        return root;
    }

    @Test
    void a_linear_head_on_squeezenet_features_beats_chance_on_photos_and_predict_runs_the_package() throws IOException {
        Path backbone = SHARED.resolve("models/squeezenet1.1");
        assumeTrue(Files.isDirectory(backbone), "needs ../shared/models/squeezenet1.1");
        Dataset data = DatasetReader.read(photoFolder(), false);
        assertEquals(88, data.size());
        TrainConfig c = TrainConfig.defaults(TrainMode.HEAD).withBackbone(backbone).withCacheDir(tmp.resolve("cache"))
                .withEpochs(40).withSplit(0.25, 0.25).withThreads(1);
        Path out = tmp.resolve("head-model");
        TrainResult r = Training.run(c, data, out, EpochListener.NONE);
        assertTrue(r.test().get("accuracy") > 0.6, "chance is 1/3; test " + r.test());
        long start = System.nanoTime();
        TrainResult again = Training.run(c, data, tmp.resolve("head-model-2"), EpochListener.NONE);
        assertEquals(r.weightsSha256(), again.weightsSha256());
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "retraining from the embedding cache took too long");
        int right = 0;
        try (Predictor p = Predictor.load(out, PredictorOptions.defaults().withIntraOpThreads(1))) {
            for (var s : data.samples()) {
                Prediction pr = p.predict(s.file());
                right += pr.classes().get(0).label().name().equals(data.labels().name(s.firstLabel())) ? 1 : 0;
            }
        }
        assertTrue(right > 0.6 * data.size(), "the merged backbone+head ONNX package got " + right + " of " + data.size());
    }

    private static RgbImage mirror(RgbImage img) {
        int[] px = new int[img.pixels().length];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                px[y * img.width() + x] = img.pixels()[y * img.width() + img.width() - 1 - x];
            }
        }
        return new RgbImage(img.width(), img.height(), px);
    }

    private static RgbImage crop(RgbImage img, int x0, int y0, int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(img.pixels(), (y0 + y) * img.width() + x0, px, y * w, w);
        }
        return new RgbImage(w, h, px);
    }

    private static void write(RgbImage img, Path file) throws IOException {
        BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        b.setRGB(0, 0, img.width(), img.height(), img.pixels(), 0, img.width());
        ImageIO.write(b, "png", file.toFile());
    }
}
