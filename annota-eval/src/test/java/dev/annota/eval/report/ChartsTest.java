package dev.annota.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
    @Test
    void heat_map_cells_darken_with_the_row_share_and_carry_readable_text() {
        BufferedImage img = ConfusionMatrixChart.render(List.of("cat", "dog"), new long[][] {{9, 1}, {0, 5}});
        assertTrue(img.getWidth() >= 400);
        assertTrue(Palette.ramp(1).getRed() < Palette.ramp(0).getRed());
        assertEquals(java.awt.Color.WHITE, Palette.textOn(Palette.ramp(1)));
        assertEquals(java.awt.Color.BLACK, Palette.textOn(Palette.ramp(0)));
    }

    @Test
    void html_report_escapes_text_and_embeds_images() {
        String page = new HtmlReport("<Title>", "sub").table(List.of("a&b"), List.of(List.of("<x>")))
                .image("chart", Png.bytes(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB))).render();
        assertTrue(page.contains("&lt;Title&gt;") && page.contains("a&amp;b") && page.contains("&lt;x&gt;"));
        assertTrue(page.contains("src=\"data:image/png;base64,"));
        assertTrue(!page.contains("<script"));
    }
}
