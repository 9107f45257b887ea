package dev.annota.formats.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Point;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Images on disk and tolerant comparison of annotations for the YOLO tests. */
final class YoloTestData {
    private YoloTestData() {
    }

    static Path png(Path file, int w, int h) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    /** The numbers of an annotation's geometry, in a fixed order (angles reduced to [0, 360)). */
    static List<Double> numbers(Annotation a) {
        List<Double> out = new ArrayList<>();
        if (a instanceof BoxAnnotation b) {
            for (double v : b.box().toXywh()) {
                out.add(v);
            }
        } else if (a instanceof RotatedBoxAnnotation r) {
            out.addAll(List.of(r.box().cx(), r.box().cy(), r.box().width(), r.box().height(),
                    ((r.box().angleDegrees() % 360) + 360) % 360));
        } else if (a instanceof PolygonAnnotation p) {
            for (List<Point> part : p.polygon().parts()) {
                part.forEach(pt -> out.addAll(List.of(pt.x(), pt.y())));
            }
        } else if (a instanceof KeypointsAnnotation k) {
            for (Keypoint pt : k.keypoints().points()) {
                out.addAll(List.of(pt.position().x(), pt.position().y(), (double) pt.visibility().code()));
            }
        }
        return out;
    }

    /** Same kinds, labels and groupings in the same order, geometry within {@code tolerance} pixels. */
    static void assertSameAnnotations(List<Annotation> expected, List<Annotation> actual, double tolerance, String what) {
        assertEquals(expected.size(), actual.size(), what + ": annotation count");
        for (int i = 0; i < expected.size(); i++) {
            Annotation e = expected.get(i), a = actual.get(i);
            String at = what + ": annotations[" + i + "]";
            assertEquals(e.kind(), a.kind(), at);
            assertEquals(e.label(), a.label(), at);
            assertEquals(e.info().groupId().isPresent(), a.info().groupId().isPresent(), at + " grouped");
            List<Double> x = numbers(e), y = numbers(a);
            assertEquals(x.size(), y.size(), at + " numbers");
            for (int k = 0; k < x.size(); k++) {
                assertEquals(x.get(k), y.get(k), tolerance, at + " value " + k + " of " + x + " vs " + y);
            }
        }
    }
}
