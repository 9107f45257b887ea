package dev.annota.eval.report;

import dev.annota.eval.classification.Calibration;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Reliability diagram: per bin, a bar of the observed accuracy (or fraction positive) against the bin's mean
 * confidence, the gap to the diagonal shaded, the bin's count above it, and the ECE and MCE in the title.
 */
public final class ReliabilityChart {
    private ReliabilityChart() {
    }

    public static BufferedImage render(Calibration cal, String what) {
        Canvas c = new Canvas(640, 600, 70, 50, 25, 60);
        c.title(String.format(Locale.ROOT, "Reliability (%s): ECE %.4f, MCE %.4f", what, cal.ece(), cal.mce()));
        c.axes("confidence", "observed accuracy", 0.2);
        Color bar = Palette.category(0), gap = Palette.category(5);
        c.g.setFont(Canvas.SMALL);
        FontMetrics fm = c.g.getFontMetrics();
        for (Calibration.Bin b : cal.bins()) {
            if (b.count() == 0) {
                continue;
            }
            double acc = b.accuracy().getAsDouble(), conf = b.meanConfidence().getAsDouble();
            double x0 = c.px(b.lower()) + 1, x1 = c.px(b.upper()) - 1;
            c.g.setColor(new Color(bar.getRed(), bar.getGreen(), bar.getBlue(), 200));
            c.g.fill(new Rectangle2D.Double(x0, c.py(acc), x1 - x0, c.py(0) - c.py(acc)));
            double lo = Math.min(acc, conf), hi = Math.max(acc, conf);
            Rectangle2D gapBox = new Rectangle2D.Double(x0, c.py(hi), x1 - x0, c.py(lo) - c.py(hi));
            c.g.setColor(new Color(gap.getRed(), gap.getGreen(), gap.getBlue(), 70));
            c.g.fill(gapBox);
            c.g.setColor(gap);
            c.g.setStroke(new BasicStroke(1.5f));
            c.g.draw(gapBox);
            c.g.setColor(Color.BLACK);
            c.g.setStroke(new BasicStroke(2.5f));
            c.g.draw(new java.awt.geom.Line2D.Double(x0, c.py(conf), x1, c.py(conf)));
            c.g.setColor(Canvas.AXIS);
            String n = String.valueOf(b.count());
            c.g.drawString(n, (float) ((x0 + x1) / 2 - fm.stringWidth(n) / 2.0), (float) (c.py(hi) - 4));
        }
        c.g.setColor(Color.GRAY);
        c.g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
        c.g.drawLine((int) c.px(0), (int) c.py(0), (int) c.px(1), (int) c.py(1));
        c.legend(List.of("observed accuracy (bin count above)", "mean confidence", "gap (weighted into ECE)"),
                List.of(bar, Color.BLACK, gap), false);
        return c.finish();
    }
}
