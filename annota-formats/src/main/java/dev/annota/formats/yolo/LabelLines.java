package dev.annota.formats.yolo;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.NormalizedBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.geometry.Visibility;
import dev.annota.core.schema.LabelId;
import dev.annota.formats.ImportReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one YOLO label file (one object per line, normalised coordinates) into pixel annotations. The kind of
 * each line follows from its number of values {@code n} (class included):
 * <ul>
 *   <li>{@code n == 5 + K*D} with data.yaml's {@code kpt_shape: [K, D]}: pose, a box and its keypoints in one group;</li>
 *   <li>{@code n == 5}: a box {@code c cx cy w h};</li>
 *   <li>{@code n == 9} and the four corners form a rectangle (in pixels, relative tolerance 1e-3): an oriented
 *       box {@code c x1 y1 .. x4 y4}, read as a {@link RotatedBox} whose centre is the mean of the corners, whose
 *       width and height are the mean lengths of opposite sides and whose angle is the direction of the first side;</li>
 *   <li>any other odd {@code n >= 7}: a polygon {@code c x1 y1 x2 y2 ...} (a non-rectangular 4-point line too); a
 *       last point equal to the first closes the ring explicitly and is dropped.</li>
 * </ul>
 * The darknet layout only has boxes: extra values on a line are warned about and ignored. A value outside [0, 1]
 * is a warning (kept as is); a value that is not a number, a negative size or a bad visibility is an error that
 * skips the line.
 */
final class LabelLines {
    /** Which layout's rules apply. */
    enum Mode { DARKNET, ULTRALYTICS }

    static final double RECTANGLE_TOLERANCE = 1e-3;

    private final Mode mode;
    private final Optional<KptShape> kpt;
    private final YoloClasses classes;
    private final ImportReport report;
    private final java.util.Map<Integer, List<String>> kptNames;

    LabelLines(Mode mode, Optional<KptShape> kpt, YoloClasses classes, ImportReport report) {
        this(mode, kpt, java.util.Map.of(), classes, report);
    }

    /** {@code kptNames}: keypoint names by class index (data.yaml's {@code kpt_names}), for the classes' skeletons. */
    LabelLines(Mode mode, Optional<KptShape> kpt, java.util.Map<Integer, List<String>> kptNames, YoloClasses classes, ImportReport report) {
        this.kptNames = kptNames;
        this.mode = mode;
        this.kpt = kpt;
        this.classes = classes;
        this.report = report;
    }

    /** The non-blank lines of a label file (for counting what could not be converted). */
    static long objectCount(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    /** The annotations of {@code file}; {@code name} is how messages name it (e.g. {@code labels/train/a.txt}). */
    List<Annotation> read(Path file, String name, ImageSize size) throws IOException {
        List<Annotation> out = new ArrayList<>();
        int group = 1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNr = 0;
            while ((line = in.readLine()) != null) {
                lineNr++;
                if (lineNr == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String where = name + ":" + lineNr;
                try {
                    List<Annotation> parsed = line(line.trim().split("\\s+"), where, size, group);
                    if (parsed.size() > 1) {
                        group++;
                    }
                    out.addAll(parsed);
                } catch (ValidationException e) {
                    report.error(e);
                }
            }
        }
        return out;
    }

    private List<Annotation> line(String[] v, String where, ImageSize size, int group) {
        int n = v.length;
        if (n < 5) {
            throw fail(where, "values", n + " values", "expected at least 5 values (class cx cy w h)");
        }
        int index = classIndex(v[0], where);
        if (mode == Mode.DARKNET) {
            if (n > 5) {
                report.warn(new FieldError(where, "values", n + " values",
                        "expected 5 values (class cx cy w h) in the darknet layout; the extra ones are ignored"));
            }
            double[] b = numbers(v, where, BOX_FIELDS);
            return List.of(box(b, label(index, where, v[0]), size, where));
        }
        if (kpt.isPresent() && n == kpt.get().lineLength()) {
            return pose(v, where, size, index, group);
        }
        if (n == 5) {
            return List.of(box(numbers(v, where, BOX_FIELDS), label(index, where, v[0]), size, where));
        }
        if (n % 2 == 1 && n >= 7) {
            double[] xy = numbers(v, where, pointFields(n));
            LabelId label = label(index, where, v[0]);
            List<Point> points = new ArrayList<>();
            for (int i = 1; i < n; i += 2) {
                points.add(new Point(xy[i] * size.width(), xy[i + 1] * size.height()));
            }
            if (n == 9) {
                Optional<RotatedBox> r = rotatedBox(points);
                if (r.isPresent()) {
                    return List.of(RotatedBoxAnnotation.of(label, r.get()));
                }
            }
            if (points.size() > 3 && points.get(0).equals(points.get(points.size() - 1))) {
                points.remove(points.size() - 1); // an explicitly closed ring: the repeated first point is implied
            }
            return List.of(PolygonAnnotation.of(label, Polygon.of(points)));
        }
        String pose = kpt.map(k -> ", " + k.lineLength() + " (pose with kpt_shape [" + k.points() + ", " + k.dims() + "])").orElse("");
        throw fail(where, "values", n + " values",
                "expected 5 (box), 9 (oriented box), an odd count of at least 7 (polygon)" + pose);
    }

    private static final String[] BOX_FIELDS = {"class", "cx", "cy", "w", "h"};

    private static String[] pointFields(int n) {
        String[] f = new String[n];
        f[0] = "class";
        for (int i = 1; i < n; i++) {
            f[i] = (i % 2 == 1 ? "x" : "y") + ((i + 1) / 2);
        }
        return f;
    }

    private List<Annotation> pose(String[] v, String where, ImageSize size, int index, int group) {
        KptShape k = kpt.orElseThrow();
        String[] fields = new String[v.length];
        System.arraycopy(BOX_FIELDS, 0, fields, 0, 5);
        String[] dims = {"x", "y", "v"};
        for (int p = 0; p < k.points(); p++) {
            for (int d = 0; d < k.dims(); d++) {
                fields[5 + p * k.dims() + d] = "kpt[" + p + "]." + dims[d];
            }
        }
        double[] x = numbers(v, where, fields);
        List<Keypoint> points = new ArrayList<>(k.points());
        for (int p = 0; p < k.points(); p++) {
            int at = 5 + p * k.dims();
            Visibility vis = Visibility.VISIBLE;
            if (k.dims() == 3) {
                double code = x[at + 2];
                if (code != 0 && code != 1 && code != 2) {
                    throw fail(where, fields[at + 2], v[at + 2], "expected a visibility of 0 (absent), 1 (occluded) or 2 (visible)");
                }
                vis = Visibility.ofCode((int) code);
            }
            points.add(new Keypoint(new Point(x[at] * size.width(), x[at + 1] * size.height()), vis));
        }
        LabelId label = label(index, where, v[0]);
        classes.poseClass(label, k.points(), Optional.ofNullable(kptNames.get(index)));
        BoxAnnotation box = box(x, label, size, where);
        AnnotationInfo info = AnnotationInfo.of(label).withGroup(group);
        return List.of(box.withInfo(info), new KeypointsAnnotation(info, new Keypoints(points)));
    }

    private BoxAnnotation box(double[] b, LabelId label, ImageSize size, String where) {
        if (b[3] < 0 || b[4] < 0) {
            int i = b[3] < 0 ? 3 : 4;
            throw fail(where, BOX_FIELDS[i], Double.toString(b[i]), "expected a non-negative size");
        }
        return BoxAnnotation.of(label, NormalizedBox.fromCentre(b[1], b[2], b[3], b[4]).toPixels(size));
    }

    private LabelId label(int index, String where, String value) {
        return classes.label(index, where, value);
    }

    private static int classIndex(String s, String where) {
        try {
            int i = Integer.parseInt(s);
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below with the value as written
        }
        throw fail(where, "class", s, "expected a class index (an integer >= 0)");
    }

    /** Every value after the class as a finite number; values outside [0, 1] are warnings. */
    private double[] numbers(String[] v, String where, String[] fields) {
        double[] out = new double[fields.length];
        for (int i = 1; i < fields.length; i++) {
            double d;
            try {
                d = Double.parseDouble(v[i]);
            } catch (NumberFormatException e) {
                throw fail(where, fields[i], v[i], "expected a number");
            }
            if (!Double.isFinite(d)) {
                throw fail(where, fields[i], v[i], "expected a finite number");
            }
            boolean visibility = fields[i].endsWith(".v");
            if (!visibility && (d < 0 || d > 1)) {
                report.warn(new FieldError(where, fields[i], v[i], "expected a normalised value in [0,1] (kept as is)"));
            }
            out[i] = d;
        }
        return out;
    }

    /**
     * The rotated box whose corners are {@code c} (in order, either direction), when they form a rectangle; the
     * centre, size and angle come straight from the corners, so written corners read back to the same box.
     */
    static Optional<RotatedBox> rotatedBox(List<Point> c) {
        Point p0 = c.get(0), p1 = c.get(1), p2 = c.get(2), p3 = c.get(3);
        double cross = (p1.x() - p0.x()) * (p2.y() - p1.y()) - (p1.y() - p0.y()) * (p2.x() - p1.x());
        if (cross < 0) { // counter-clockwise on screen: walk the other way from the same first corner
            Point t = p1;
            p1 = p3;
            p3 = t;
        }
        double ax = p1.x() - p0.x(), ay = p1.y() - p0.y(); // first side
        double bx = p2.x() - p3.x(), by = p2.y() - p3.y(); // its opposite, same direction
        double cx = p2.x() - p1.x(), cy = p2.y() - p1.y(); // second side
        double dx = p3.x() - p0.x(), dy = p3.y() - p0.y(); // its opposite
        double a = Math.hypot(ax, ay), b = Math.hypot(bx, by), s = Math.hypot(cx, cy), t = Math.hypot(dx, dy);
        double scale = Math.max(Math.max(a, b), Math.max(s, t));
        if (scale == 0) {
            return Optional.of(new RotatedBox(p0.x(), p0.y(), 0, 0, 0));
        }
        double tol = RECTANGLE_TOLERANCE * scale;
        boolean parallel = Math.abs(ax - bx) <= tol && Math.abs(ay - by) <= tol
                && Math.abs(cx - dx) <= tol && Math.abs(cy - dy) <= tol;
        boolean square = Math.abs(ax * cx + ay * cy) <= tol * scale;
        if (!parallel || !square) {
            return Optional.empty();
        }
        double centreX = (p0.x() + p1.x() + p2.x() + p3.x()) / 4;
        double centreY = (p0.y() + p1.y() + p2.y() + p3.y()) / 4;
        double width = (a + b) / 2, height = (s + t) / 2;
        double angle = width > 0 ? Math.toDegrees(Math.atan2(ay + by, ax + bx))
                : Math.toDegrees(Math.atan2(cy + dy, cx + dx)) - 90;
        return Optional.of(new RotatedBox(centreX, centreY, width, height, angle));
    }

    private static ValidationException fail(String where, String field, String value, String expected) {
        return new ValidationException(new FieldError(where, field, value, expected));
    }
}
