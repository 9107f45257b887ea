package dev.annota.eval.report;

import dev.annota.eval.classification.BinaryCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ROC and precision-recall curves, one line per class in the categorical palette, the area (AUC or AP) in the
 * legend. The ROC chart has the chance diagonal; the PR curve is drawn as the step function that average
 * precision integrates.
 */
public final class CurveChart {
    private CurveChart() {
    }

    /** One curve: its name, points and the figure shown beside the name. */
    public record Series(String name, BinaryCurve.Curve curve, double area) {
    }

    public static BufferedImage roc(List<Series> series) {
        Canvas c = new Canvas(640, 600, 70, 50, 25, 60);
        c.title("ROC curves (one-vs-rest)");
        c.axes("false positive rate", "true positive rate", 0.2);
        c.g.setColor(Color.GRAY);
        c.g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
        c.g.drawLine((int) c.px(0), (int) c.py(0), (int) c.px(1), (int) c.py(1));
        draw(c, series, false, "AUC");
        return c.finish();
    }

    public static BufferedImage precisionRecall(List<Series> series) {
        Canvas c = new Canvas(640, 600, 70, 50, 25, 60);
        c.title("Precision-recall curves (one-vs-rest)");
        c.axes("recall", "precision", 0.2);
        draw(c, series, true, "AP");
        return c.finish();
    }

    private static void draw(Canvas c, List<Series> series, boolean steps, String areaName) {
        List<String> names = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            double[] x = one.curve().x(), y = one.curve().y();
            int end = x.length;
            if (steps) {
                // past full recall, precision only falls at recall 1: nothing the step function integrates
                for (int i = 0; i < x.length; i++) {
                    if (x[i] >= x[x.length - 1]) {
                        end = i + 1;
                        break;
                    }
                }
            }
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < end; i++) {
                if (i == 0) {
                    path.moveTo(c.px(x[i]), c.py(y[i]));
                } else if (steps) {
                    // the precision at a threshold holds over the recall gained there: (r[i-1], r[i]] at p[i]
                    path.lineTo(c.px(x[i - 1]), c.py(y[i]));
                    path.lineTo(c.px(x[i]), c.py(y[i]));
                } else {
                    path.lineTo(c.px(x[i]), c.py(y[i]));
                }
            }
            Color colour = Palette.category(s);
            c.g.setColor(colour);
            c.g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            c.g.draw(path);
            names.add(Canvas.shorten(one.name(), 18) + "  " + areaName + " "
                    + (Double.isNaN(one.area()) ? "n/a" : String.format(Locale.ROOT, "%.3f", one.area())));
            colours.add(colour);
        }
        c.legend(names, colours, !steps);
    }
}
