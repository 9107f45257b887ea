package dev.annota.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.eval.agreement.KrippendorffAlpha;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code RATINGS.json}: {@code ratings} (items × raters; numbers or strings, {@code null} for a missing
 * rating), or {@code annotator_a} and {@code annotator_b} (two raters, as in the reference Cohen case), or
 * {@code counts} (items × categories, statsmodels' {@code aggregate_raters} table); with optional
 * {@code categories} (or {@code labels}: the category list in order; by default the values present, sorted) and
 * {@code level} ({@code nominal}, {@code ordinal} or {@code interval}; default nominal).
 */
public final class RatingsReader {
    private RatingsReader() {
    }

    public static RatingsData read(Path file) throws IOException {
        JsonInput in = JsonInput.read(file);
        KrippendorffAlpha.Level level = level(in);
        if (in.has("counts") && !in.has("ratings") && !in.has("annotator_a")) {
            return counts(in, level);
        }
        String field;
        JsonNode[] columns;
        JsonNode table = null;
        if (in.has("ratings")) {
            field = "ratings";
            table = in.array("ratings");
            columns = null;
        } else if (in.has("annotator_a") || in.has("annotator_b")) {
            field = "annotator_a";
            columns = new JsonNode[] {in.array("annotator_a"), in.array("annotator_b")};
            if (columns[0].size() != columns[1].size()) {
                throw in.fail("/annotator_b", "annotator_b", columns[1].size() + " ratings",
                        "expected one per item, as annotator_a has (" + columns[0].size() + ")");
            }
        } else {
            throw in.fail("", "ratings", (JsonNode) null,
                    "expected 'ratings' (items × raters), 'annotator_a' and 'annotator_b', or 'counts'");
        }
        int items = table != null ? table.size() : columns[0].size();
        if (items == 0) {
            throw in.fail("/" + field, field, "[]", "expected at least one item");
        }
        int raters = table != null ? width(in, table) : 2;
        JsonNode[][] cells = new JsonNode[items][raters];
        String[][] where = new String[items][raters];
        for (int i = 0; i < items; i++) {
            for (int r = 0; r < raters; r++) {
                cells[i][r] = table != null ? table.get(i).get(r) : columns[r].get(i);
                where[i][r] = table != null ? "/ratings/" + i + "/" + r : "/annotator_" + (char) ('a' + r) + "/" + i;
            }
        }
        List<JsonNode> categories = categories(in, cells, where);
        List<String> names = categories.stream().map(JsonNode::asText).toList();
        int[][] ratings = new int[items][raters];
        for (int i = 0; i < items; i++) {
            for (int r = 0; r < raters; r++) {
                JsonNode v = cells[i][r];
                ratings[i][r] = v == null || v.isNull() ? RatingsData.MISSING : indexOf(categories, v);
                if (ratings[i][r] == -1 && v != null && !v.isNull()) {
                    throw in.fail(where[i][r], field, v, "expected one of the categories " + names);
                }
            }
        }
        Optional<double[]> values = numericValues(categories);
        if (level == KrippendorffAlpha.Level.INTERVAL && values.isEmpty()) {
            throw in.fail("/level", "level", in.get("level"), "expected nominal or ordinal: the ratings are not all numbers");
        }
        return new RatingsData(in.file(), names, values, Optional.of(ratings), Optional.empty(), level);
    }

    private static RatingsData counts(JsonInput in, KrippendorffAlpha.Level level) {
        JsonNode t = in.array("counts");
        if (t.isEmpty()) {
            throw in.fail("/counts", "counts", "[]", "expected at least one item");
        }
        int k = width(in, t);
        long[][] c = new long[t.size()][k];
        for (int i = 0; i < t.size(); i++) {
            for (int j = 0; j < k; j++) {
                c[i][j] = in.index(t.get(i).get(j), "/counts/" + i + "/" + j, "counts", Integer.MAX_VALUE, "a count ≥ 0");
            }
        }
        List<String> names = new ArrayList<>();
        Optional<List<String>> given = in.optionalStrings(in.has("categories") ? "categories" : "labels");
        for (int j = 0; j < k; j++) {
            names.add(given.isPresent() && j < given.get().size() ? given.get().get(j) : String.valueOf(j));
        }
        return new RatingsData(in.file(), names, Optional.empty(), Optional.empty(), Optional.of(c), level);
    }

    private static List<JsonNode> categories(JsonInput in, JsonNode[][] cells, String[][] where) {
        String field = in.has("categories") ? "categories" : in.has("labels") ? "labels" : null;
        List<JsonNode> out = new ArrayList<>();
        if (field != null) {
            JsonNode a = in.array(field);
            for (int j = 0; j < a.size(); j++) {
                JsonNode v = a.get(j);
                if (!(v.isNumber() || v.isTextual())) {
                    throw in.fail("/" + field + "/" + j, field, v, "expected a number or a string");
                }
                if (indexOf(out, v) >= 0) {
                    throw in.fail("/" + field + "/" + j, field, v, "expected distinct categories");
                }
                out.add(v);
            }
            return out;
        }
        for (int i = 0; i < cells.length; i++) {
            for (int r = 0; r < cells[i].length; r++) {
                JsonNode v = cells[i][r];
                if (v == null || v.isNull()) {
                    continue;
                }
                if (!(v.isNumber() || v.isTextual())) {
                    throw in.fail(where[i][r], "ratings", v, "expected a number, a string or null");
                }
                if (indexOf(out, v) < 0) {
                    out.add(v);
                }
            }
        }
        boolean numeric = out.stream().allMatch(JsonNode::isNumber);
        out.sort(numeric ? Comparator.comparingDouble(JsonNode::asDouble) : Comparator.comparing(JsonNode::asText));
        return out;
    }

    private static int indexOf(List<JsonNode> categories, JsonNode v) {
        for (int j = 0; j < categories.size(); j++) {
            JsonNode c = categories.get(j);
            boolean same = c.isNumber() && v.isNumber() ? c.asDouble() == v.asDouble()
                    : c.isTextual() && v.isTextual() && c.asText().equals(v.asText());
            if (same) {
                return j;
            }
        }
        return -1;
    }

    private static Optional<double[]> numericValues(List<JsonNode> categories) {
        if (!categories.stream().allMatch(JsonNode::isNumber)) {
            return Optional.empty();
        }
        return Optional.of(categories.stream().mapToDouble(JsonNode::asDouble).toArray());
    }

    private static int width(JsonInput in, JsonNode table) {
        String field = table == in.get("ratings") ? "ratings" : "counts";
        int w = -1;
        for (int i = 0; i < table.size(); i++) {
            JsonNode row = table.get(i);
            if (!row.isArray() || row.isEmpty()) {
                throw in.fail("/" + field + "/" + i, field, row, "expected a non-empty array per item");
            }
            if (w >= 0 && row.size() != w) {
                throw in.fail("/" + field + "/" + i, field, row.size() + " values",
                        "expected " + w + " like the first item (use null for a missing rating)");
            }
            w = row.size();
        }
        return w;
    }

    private static KrippendorffAlpha.Level level(JsonInput in) {
        if (!in.has("level")) {
            return KrippendorffAlpha.Level.NOMINAL;
        }
        JsonNode v = in.get("level");
        return switch (v.asText().toLowerCase(Locale.ROOT)) {
            case "nominal" -> KrippendorffAlpha.Level.NOMINAL;
            case "ordinal" -> KrippendorffAlpha.Level.ORDINAL;
            case "interval" -> KrippendorffAlpha.Level.INTERVAL;
            default -> throw in.fail("/level", "level", v, "expected nominal, ordinal or interval");
        };
    }
}
