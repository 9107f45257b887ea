package dev.annota.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** A line chart of named (x, y) series as PNG, the y axis spanning the values' range. */
final class CurvePlot {
    private static final Color[] COLOURS = {new Color(0x7f7f7f), new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};

    private CurvePlot() {
    }

    static void write(Map<String, List<double[]>> series, String xLabel, String yLabel, Path file) throws IOException {
        int w = 820;
        int h = 480;
        int x0 = 70;
        int y0 = 30;
        int pw = 540;
        int ph = 380;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (List<double[]> s : series.values()) {
            for (double[] p : s) {
                xMin = Math.min(xMin, p[0]);
                xMax = Math.max(xMax, p[0]);
                yMin = Math.min(yMin, p[1]);
                yMax = Math.max(yMax, p[1]);
            }
        }
        double yPad = Math.max(1e-3, (yMax - yMin) * 0.05);
        yMin -= yPad;
        yMax += yPad;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawRect(x0, y0, pw, ph);
        for (int t = 0; t <= 4; t++) {
            double v = yMin + (yMax - yMin) * t / 4;
            int y = y0 + ph - (int) Math.round(ph * t / 4.0);
            g.drawString(String.format(Locale.ROOT, "%.3f", v), x0 - 45, y + 4);
            double xv = xMin + (xMax - xMin) * t / 4;
            g.drawString(String.format(Locale.ROOT, "%.0f", xv), x0 + (int) Math.round(pw * t / 4.0) - 10, y0 + ph + 16);
        }
        g.drawString(xLabel, x0 + pw / 2 - 40, y0 + ph + 34);
        g.drawString(yLabel, 5, y0 - 10);
        int k = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            g.setColor(COLOURS[k % COLOURS.length]);
            g.setStroke(new BasicStroke(2f));
            int px = -1;
            int py = -1;
            for (double[] p : e.getValue()) {
                int x = x0 + (int) Math.round((p[0] - xMin) / Math.max(1e-9, xMax - xMin) * pw);
                int y = y0 + ph - (int) Math.round((p[1] - yMin) / (yMax - yMin) * ph);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 3, y - 3, 6, 6);
                px = x;
                py = y;
            }
            g.drawString(e.getKey(), x0 + pw + 20, y0 + 20 + 18 * k);
            k++;
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
