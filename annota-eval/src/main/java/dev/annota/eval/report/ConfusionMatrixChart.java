package dev.annota.eval.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Confusion-matrix heat map: rows true labels, columns predicted labels; each cell shows its count, and its
 * colour is the count as a fraction of its row (so a rare class's mistakes show as clearly as a common one's).
 */
public final class ConfusionMatrixChart {
    private ConfusionMatrixChart() {
    }

    public static BufferedImage render(List<String> labels, long[][] counts) {
        int k = labels.size();
        int cell = Math.max(28, Math.min(90, 640 / Math.max(1, k)));
        int labelRoom = 20 + 8 * Math.min(16, labels.stream().mapToInt(String::length).max().orElse(1));
        int top = 64, size = cell * k;
        int width = Math.max(520, labelRoom + 40 + size + 30);
        int left = Math.max(labelRoom + 40, (width - size) / 2);
        Canvas c = new Canvas(width, top + size + labelRoom + 40, left, top, width - left - size, labelRoom + 40);
        c.title("Confusion matrix");
        c.g.setFont(Canvas.SMALL);
        c.g.setColor(Canvas.AXIS);
        String note = "counts; colour = share of the true row";
        c.g.drawString(note, (width - c.g.getFontMetrics().stringWidth(note)) / 2, 48);
        c.g.setFont(cell >= 50 ? Canvas.LABEL : Canvas.SMALL);
        FontMetrics fm = c.g.getFontMetrics();
        for (int i = 0; i < k; i++) {
            long row = 0;
            for (long v : counts[i]) {
                row += v;
            }
            for (int j = 0; j < k; j++) {
                double share = row == 0 ? 0 : (double) counts[i][j] / row;
                Color bg = Palette.ramp(share);
                int x = left + j * cell, y = top + i * cell;
                c.g.setColor(bg);
                c.g.fillRect(x, y, cell, cell);
                c.g.setColor(Color.WHITE);
                c.g.drawRect(x, y, cell, cell);
                String text = String.valueOf(counts[i][j]);
                c.g.setColor(Palette.textOn(bg));
                c.g.drawString(text, x + (cell - fm.stringWidth(text)) / 2, y + (cell + fm.getAscent()) / 2 - 2);
            }
        }
        c.g.setFont(Canvas.SMALL);
        fm = c.g.getFontMetrics();
        c.g.setColor(Canvas.AXIS);
        for (int i = 0; i < k; i++) {
            String name = Canvas.shorten(labels.get(i), 16);
            c.g.drawString(name, left - 8 - fm.stringWidth(name), top + i * cell + (cell + fm.getAscent()) / 2 - 2);
            java.awt.geom.AffineTransform saved = c.g.getTransform();
            int tx = left + i * cell + cell / 2 + fm.getAscent() / 2, ty = top + size + 8;
            c.g.rotate(Math.PI / 4, tx, ty);
            c.g.drawString(name, tx, ty);
            c.g.setTransform(saved);
        }
        c.g.setFont(Canvas.LABEL);
        fm = c.g.getFontMetrics();
        c.g.drawString("predicted", left + (size - fm.stringWidth("predicted")) / 2, top + size + labelRoom + 28);
        c.verticalText("true", 16, top + size / 2);
        return c.finish();
    }
}
