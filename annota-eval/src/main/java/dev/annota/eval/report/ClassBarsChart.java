package dev.annota.eval.report;

import dev.annota.eval.classification.ClassScores;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Grouped bars of precision, recall and F1 per class, with each class's support under its name. */
public final class ClassBarsChart {
    private ClassBarsChart() {
    }

    public static BufferedImage render(List<ClassScores> classes) {
        int k = classes.size();
        int group = Math.max(48, Math.min(120, 900 / Math.max(1, k)));
        int labelRoom = 20 + 7 * Math.min(16, classes.stream().mapToInt(s -> s.label().length()).max().orElse(1));
        Canvas c = new Canvas(Math.max(560, 90 + group * k + 30), 460 + labelRoom, 70, 50, 30, 40 + labelRoom);
        c.title("Precision, recall and F1 per class");
        c.xMin = 0;
        c.xMax = k;
        c.g.setFont(Canvas.SMALL);
        FontMetrics fm = c.g.getFontMetrics();
        for (double v = 0; v <= 1.0001; v += 0.2) {
            c.g.setColor(Canvas.GRID);
            c.g.drawLine(c.left, (int) c.py(v), c.right, (int) c.py(v));
            c.g.setColor(Canvas.AXIS);
            String s = Canvas.tick(v);
            c.g.drawString(s, c.left - 6 - fm.stringWidth(s), (int) c.py(v) + fm.getAscent() / 2 - 1);
        }
        Color[] colours = {Palette.category(0), Palette.category(1), Palette.category(2)};
        double barW = (c.px(1) - c.px(0)) * 0.8 / 3;
        for (int i = 0; i < k; i++) {
            ClassScores s = classes.get(i);
            double[] v = {s.scores().precision(), s.scores().recall(), s.scores().f1()};
            for (int m = 0; m < 3; m++) {
                double x = c.px(i) + (c.px(1) - c.px(0)) * 0.1 + m * barW;
                c.g.setColor(colours[m]);
                c.g.fill(new Rectangle2D.Double(x, c.py(v[m]), barW - 1, c.py(0) - c.py(v[m])));
            }
            c.g.setColor(Canvas.AXIS);
            String name = Canvas.shorten(s.label(), 16) + " (" + s.support() + ")";
            AffineTransform saved = c.g.getTransform();
            int tx = (int) c.px(i + 0.5) - fm.getAscent() / 2, ty = c.bottom + 8;
            c.g.rotate(Math.PI / 4, tx, ty);
            c.g.drawString(name, tx, ty);
            c.g.setTransform(saved);
        }
        c.g.setColor(Canvas.AXIS);
        c.g.drawRect(c.left, c.top, c.right - c.left, c.bottom - c.top);
        c.legend(List.of("precision", "recall", "F1"), List.of(colours), true);
        return c.finish();
    }
}
