package dev.annota.train.pkg;

import dev.annota.train.loop.EpochStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** Learning curves as a PNG: losses (left) and validation accuracy / macro F1 (right) per epoch. */
public final class LearningCurves {
    private static final int W = 900;
    private static final int H = 360;

    private LearningCurves() {
    }

    public static void write(List<EpochStats> history, Path file) throws IOException {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double maxLoss = history.stream().flatMapToDouble(e -> java.util.stream.DoubleStream.of(e.trainLoss(), e.validationLoss()))
                .filter(Double::isFinite).max().orElse(1);
        panel(g, 50, "loss", history, maxLoss, List.of(EpochStats::trainLoss, EpochStats::validationLoss),
                List.of("train loss", "validation loss"));
        panel(g, 500, "validation", history, 1, List.of(EpochStats::validationAccuracy, EpochStats::validationMacroF1),
                List.of("accuracy", "macro F1"));
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static void panel(Graphics2D g, int x0, String title, List<EpochStats> h, double yMax,
            List<ToDoubleFunction<EpochStats>> series, List<String> names) {
        int pw = 380;
        int ph = 260;
        int y0 = 50;
        g.setColor(Color.BLACK);
        g.drawString(title, x0, 30);
        g.drawRect(x0, y0, pw, ph);
        g.drawString(String.format(java.util.Locale.ROOT, "%.2f", yMax), x0 - 40, y0 + 5);
        g.drawString("0", x0 - 15, y0 + ph);
        g.drawString("epoch " + h.size(), x0 + pw - 50, y0 + ph + 18);
        Color[] colours = {new Color(0x1f77b4), new Color(0xff7f0e)};
        for (int s = 0; s < series.size(); s++) {
            g.setColor(colours[s]);
            g.setStroke(new BasicStroke(2f));
            int px = -1;
            int py = -1;
            for (int i = 0; i < h.size(); i++) {
                double v = series.get(s).applyAsDouble(h.get(i));
                if (!Double.isFinite(v)) {
                    continue;
                }
                int x = x0 + (h.size() == 1 ? pw / 2 : (int) Math.round(i * (pw - 1.0) / (h.size() - 1)));
                int y = y0 + ph - (int) Math.round(Math.min(1, v / yMax) * ph);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 2, y - 2, 5, 5);
                px = x;
                py = y;
            }
            g.drawString(names.get(s), x0 + 10, y0 + ph + 18 + 14 * s);
        }
    }
}
