package dev.annota.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.infer.Prediction;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.testkit.shapes.BackgroundStyle;
import dev.annota.testkit.shapes.ShapeClass;
import dev.annota.testkit.shapes.ShapeColour;
import dev.annota.testkit.shapes.ShapeScene;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesGenerator;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.DatasetReader;
import dev.annota.train.data.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
    @TempDir
    static Path tmp;
    static Path shapes;

    /** An ImageFolder of 32×32 single-shape images: circle, rectangle, triangle, 60 each. */
    @BeforeAll
    static void shapes() throws IOException {
        shapes = tmp.resolve("shapes");
        ShapeClass[] classes = {ShapeClass.CIRCLE, ShapeClass.RECTANGLE, ShapeClass.TRIANGLE};
        for (ShapeClass c : classes) {
            ShapesGenerator g = new ShapesGenerator(ShapesConfig.defaults(32, 32).withObjects(1, 1).withClasses(c)
                    .withBackgrounds(BackgroundStyle.PLAIN).withColours(ShapeColour.values()[0]).withObjectSize(0.5, 0.7));
            Path dir = Files.createDirectories(shapes.resolve(c.name().toLowerCase(Locale.ROOT)));
            int written = 0;
            for (long seed = 1000L * c.ordinal(); written < 60; seed++) {
                ShapeScene scene = g.generate(seed);
                // only whole shapes: a scene may lose its shape (hidden) or cut it at the border
                if (scene.objects().size() == 1 && !scene.tags().contains("truncated")) {
                    scene.writePng(dir.resolve(String.format(Locale.ROOT, "%03d.png", written++)));
                }
            }
        }
    }

    static TrainConfig cnn(int epochs, long seed) {
        return TrainConfig.defaults(TrainMode.CNN).withEpochs(epochs).withSeed(seed).withBatchSize(8).withPatience(0).withThreads(1)
                .withLearningRate(2e-3).withAugment(dev.annota.train.augment.AugmentConfig.none());
    }

    @Test
    void a_cnn_on_synthetic_shapes_clearly_beats_chance_and_the_predictor_runs_its_package() throws IOException {
        Dataset data = DatasetReader.read(shapes, false);
        Path out = tmp.resolve("cnn-model");
        TrainResult r = Training.run(cnn(10, 7), data, out, dev.annota.train.loop.EpochListener.NONE);
        assertTrue(r.test().get("accuracy") >= 0.6, "test accuracy " + r.test() + " history " + r.history());
        for (String f : new String[] {"model.onnx", "model.json", "labels.txt", "metrics.json", "provenance.json", "MODEL_CARD.md",
                "learning_curves.png", "history.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        int right = 0;
        try (Predictor p = Predictor.load(out, PredictorOptions.defaults().withIntraOpThreads(1))) {
            for (Sample s : data.samples()) {
                Prediction pr = p.predict(s.file());
                right += pr.classes().get(0).label().name().equals(data.labels().name(s.firstLabel())) ? 1 : 0;
            }
        }
        assertTrue(right >= 0.6 * data.size(), "the ONNX package got " + right + " of " + data.size() + " right");
    }

    @Test
    void the_same_seed_gives_identical_weights_and_another_seed_does_not() throws IOException {
        Dataset data = DatasetReader.read(shapes, false);
        TrainResult a = Training.run(cnn(1, 3), data, tmp.resolve("seed-a"), dev.annota.train.loop.EpochListener.NONE);
        TrainResult b = Training.run(cnn(1, 3), data, tmp.resolve("seed-b"), dev.annota.train.loop.EpochListener.NONE);
        TrainResult c = Training.run(cnn(1, 4), data, tmp.resolve("seed-c"), dev.annota.train.loop.EpochListener.NONE);
        assertEquals(a.weightsSha256(), b.weightsSha256());
        assertEquals(a.history().get(0).trainLoss(), b.history().get(0).trainLoss());
        assertNotEquals(a.weightsSha256(), c.weightsSha256());
    }
}
