package dev.annota.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A white antialiased image with a plot area and helpers for what every chart needs: title, axes with
 * ticks and labels on [0, 1] (or a given range), and a legend. Data coordinates map to pixels with
 * {@link #px} and {@link #py}.
 */
final class Canvas {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color AXIS = new Color(0x333333);
    static final Color GRID = new Color(0xE3E3E3);

    final BufferedImage image;
    final Graphics2D g;
    final int left, top, right, bottom;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;

    Canvas(int width, int height, int left, int top, int right, int bottom) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        this.left = left;
        this.top = top;
        this.right = width - right;
        this.bottom = height - bottom;
    }

    double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * (right - left);
    }

    double py(double y) {
        return bottom - (y - yMin) / (yMax - yMin) * (bottom - top);
    }

    void title(String text) {
        g.setFont(TITLE);
        g.setColor(AXIS);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (image.getWidth() - fm.stringWidth(text)) / 2, 8 + fm.getAscent());
    }

    /** Grid, frame, ticks every {@code step} on both axes, and the axis names. */
    void axes(String xName, String yName, double step) {
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double v = 0; v <= 1 + 1e-9; v += step) {
            double x = xMin + v * (xMax - xMin), y = yMin + v * (yMax - yMin);
            g.setColor(GRID);
            g.draw(new Line2D.Double(px(x), top, px(x), bottom));
            g.draw(new Line2D.Double(left, py(y), right, py(y)));
            g.setColor(AXIS);
            String xs = tick(x), ys = tick(y);
            g.drawString(xs, (float) (px(x) - fm.stringWidth(xs) / 2.0), bottom + 4 + fm.getAscent());
            g.drawString(ys, left - 6 - fm.stringWidth(ys), (float) (py(y) + fm.getAscent() / 2.0 - 1));
        }
        g.setColor(AXIS);
        g.drawRect(left, top, right - left, bottom - top);
        g.setFont(LABEL);
        fm = g.getFontMetrics();
        g.drawString(xName, (left + right - fm.stringWidth(xName)) / 2, bottom + 24 + fm.getAscent());
        verticalText(yName, left - 46, (top + bottom) / 2);
    }

    void verticalText(String text, int x, int centreY) {
        AffineTransform saved = g.getTransform();
        FontMetrics fm = g.getFontMetrics();
        g.rotate(-Math.PI / 2, x, centreY);
        g.drawString(text, x - fm.stringWidth(text) / 2, centreY + fm.getAscent() / 2);
        g.setTransform(saved);
    }

    /** A legend box in the given corner of the plot area: a coloured line and a text per entry. */
    void legend(List<String> entries, List<Color> colours, boolean bottomRight) {
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        int w = 0;
        for (String e : entries) {
            w = Math.max(w, fm.stringWidth(e));
        }
        int lineH = fm.getHeight() + 2, boxW = w + 44, boxH = entries.size() * lineH + 10;
        int x = bottomRight ? right - boxW - 10 : left + 10, y = bottomRight ? bottom - boxH - 10 : top + 10;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(x, y, boxW, boxH);
        g.setColor(GRID.darker());
        g.drawRect(x, y, boxW, boxH);
        for (int i = 0; i < entries.size(); i++) {
            int ly = y + 5 + i * lineH + lineH / 2;
            g.setColor(colours.get(i));
            g.setStroke(new BasicStroke(3f));
            g.drawLine(x + 8, ly, x + 30, ly);
            g.setColor(AXIS);
            g.drawString(entries.get(i), x + 36, ly + fm.getAscent() / 2 - 1);
        }
    }

    BufferedImage finish() {
        g.dispose();
        return image;
    }

    static String tick(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** Shortens a label to {@code max} characters with an ellipsis. */
    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }
}
