package dev.annota.eval.report;

import java.util.List;
import java.util.Optional;

/**
 * A self-contained HTML page: inline CSS, images as base64 {@code data:} URIs, no script and nothing fetched
 * from the network, so it opens the same from a mail attachment or an air-gapped machine. Built section by
 * section; every text is escaped.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;\
            padding:0 1rem;color:#222;line-height:1.45}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd;\
            padding-bottom:.2rem}
            p.meta{color:#555;margin-top:0}
            table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}
            th,td{border:1px solid #d0d0d0;padding:.28rem .6rem;text-align:right}
            th:first-child,td:first-child{text-align:left}
            thead th{background:#f2f5f9}
            tbody tr:nth-child(even){background:#fafafa}
            figure{display:inline-block;margin:.5rem 1rem .5rem 0;vertical-align:top}
            figure img{max-width:100%;border:1px solid #e0e0e0}
            figcaption{font-size:.85rem;color:#444}
            .gallery{display:flex;flex-wrap:wrap;gap:.8rem}
            .gallery figure{width:180px;margin:0}
            .gallery img{width:180px;height:auto}
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title, String subtitle) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
        body.append("<p class=\"meta\">").append(escape(subtitle)).append("</p>\n");
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table; the first column is left-aligned (names), the others right-aligned (numbers). */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table><thead><tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(v -> body.append("<td>").append(escape(v)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    public HtmlReport image(String alt, byte[] png) {
        body.append("<figure><img alt=\"").append(escape(alt)).append("\" src=\"").append(Png.dataUri(png))
                .append("\"></figure>\n");
        return this;
    }

    /** One thumbnail in a gallery: the picture (absent when unreadable) and its caption lines. */
    public record Tile(Optional<byte[]> png, List<String> caption) {
        public Tile {
            caption = List.copyOf(caption);
        }
    }

    public HtmlReport gallery(List<Tile> tiles) {
        body.append("<div class=\"gallery\">\n");
        for (Tile t : tiles) {
            body.append("<figure>");
            if (t.png().isPresent()) {
                body.append("<img alt=\"").append(escape(t.caption().isEmpty() ? "" : t.caption().get(0)))
                        .append("\" src=\"").append(Png.dataUri(t.png().get())).append("\">");
            } else {
                body.append("<div>(image not readable)</div>");
            }
            body.append("<figcaption>").append(String.join("<br>", t.caption().stream().map(HtmlReport::escape).toList()))
                    .append("</figcaption></figure>\n");
        }
        body.append("</div>\n");
        return this;
    }

    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + CSS + "</style></head><body>\n" + body + "</body></html>\n";
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
