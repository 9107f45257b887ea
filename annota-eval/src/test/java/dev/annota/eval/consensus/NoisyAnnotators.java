package dev.annota.eval.consensus;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated annotators of known noise for the consensus tests: a seeded scene of true boxes and one true tag per
 * image, and annotators who jitter each box corner by Gaussian noise of σ pixels, miss a box with one probability,
 * add a random box with another, and replace the tag by a uniformly chosen other class with a flip rate.
 */
final class NoisyAnnotators {
    static final int WIDTH = 640, HEIGHT = 480, CLASSES = 5;

    /** One image's truth. */
    record Scene(LabelId tag, List<BoxAnnotation> boxes) {
    }

    /** How one annotator errs. */
    record Noise(double sigma, double missRate, double extraRate, double flipRate) {
    }

    private NoisyAnnotators() {
    }

    static List<Scene> scenes(Random random, int n) {
        List<Scene> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<BoxAnnotation> boxes = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int b = 0; b < count; b++) {
                // objects in separate columns of the image so true boxes never overlap each other
                double cellWidth = WIDTH / 4.0;
                double w = 50 + random.nextDouble() * 80, h = 50 + random.nextDouble() * 150;
                double x = b * cellWidth + random.nextDouble() * (cellWidth - w);
                double y = random.nextDouble() * (HEIGHT - h);
                boxes.add(BoxAnnotation.of(new LabelId(1 + random.nextInt(2)), new PixelBox(x, y, w, h)));
            }
            out.add(new Scene(new LabelId(1 + random.nextInt(CLASSES)), boxes));
        }
        return out;
    }

    static List<Annotation> annotate(Random random, Scene scene, Noise noise) {
        List<Annotation> out = new ArrayList<>();
        LabelId tag = scene.tag();
        if (random.nextDouble() < noise.flipRate()) {
            int other = 1 + random.nextInt(CLASSES - 1);
            tag = new LabelId(other >= tag.value() ? other + 1 : other);
        }
        out.add(Tag.of(tag));
        for (BoxAnnotation truth : scene.boxes()) {
            if (random.nextDouble() < noise.missRate()) {
                continue;
            }
            PixelBox b = truth.box();
            double x1 = b.x() + random.nextGaussian() * noise.sigma(), y1 = b.y() + random.nextGaussian() * noise.sigma();
            double x2 = b.x2() + random.nextGaussian() * noise.sigma(), y2 = b.y2() + random.nextGaussian() * noise.sigma();
            out.add(BoxAnnotation.of(truth.label(), PixelBox.fromCorners(Math.min(x1, x2 - 1), Math.min(y1, y2 - 1),
                    Math.max(x2, x1 + 1), Math.max(y2, y1 + 1))));
        }
        if (random.nextDouble() < noise.extraRate()) {
            double w = 30 + random.nextDouble() * 60, h = 30 + random.nextDouble() * 60;
            out.add(BoxAnnotation.of(new LabelId(1 + random.nextInt(2)),
                    new PixelBox(random.nextDouble() * (WIDTH - w), random.nextDouble() * (HEIGHT - h), w, h)));
        }
        return out;
    }
}
