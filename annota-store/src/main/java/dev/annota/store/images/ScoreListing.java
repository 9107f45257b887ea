package dev.annota.store.images;

import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A listing sorted by a per-image score ({@code image_scores}), keyset-paginated in two phases so that both use
 * an index: first the scored images by {@code (score_value, image_id)} (index {@code image_scores_by_value}),
 * then the images without that score, oldest first by {@code (created_at, id)} (index {@code images_by_project}).
 * The cursor says which phase the last image was in: {@code s:<score>} or {@code n:<created_at>}, with its id.
 */
final class ScoreListing {
    private final Jdbi jdbi;

    ScoreListing(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One listed image with the value its cursor is made of. */
    private record Row(ImageRecord image, String cursorValue) {
    }

    ImagePage list(String projectId, ImageFilter filter, ImageSort sort, int limit, Optional<String> cursor) {
        String score = sort.key().scoreName().orElseThrow();
        Optional<ImageQueries.Cursor> after = cursor.map(c -> ImageQueries.Cursor.decode(c, sort.key()));
        boolean inScored = after.isEmpty() || after.get().value().startsWith("s:");
        List<Row> rows = new ArrayList<>();
        if (inScored) {
            rows.addAll(scored(projectId, filter, score, sort.descending(), limit + 1, after));
        }
        if (rows.size() <= limit) {
            Optional<ImageQueries.Cursor> unscoredAfter = inScored ? Optional.empty() : after;
            rows.addAll(unscored(projectId, filter, score, limit + 1 - rows.size(), unscoredAfter));
        }
        if (rows.size() <= limit) {
            return new ImagePage(rows.stream().map(Row::image).toList(), Optional.empty());
        }
        List<Row> page = rows.subList(0, limit);
        Row last = page.get(limit - 1);
        return new ImagePage(page.stream().map(Row::image).toList(),
                Optional.of(new ImageQueries.Cursor(sort.key(), last.cursorValue(), last.image().id()).encode()));
    }

    private List<Row> scored(String projectId, ImageFilter filter, String score, boolean descending, int n,
                             Optional<ImageQueries.Cursor> after) {
        SqlParams params = new SqlParams();
        List<String> where = new ArrayList<>();
        where.add("sc.project_id = " + params.bind(projectId));
        where.add("sc.score_name = " + params.bind(score));
        where.add("i.project_id = " + params.bind(projectId));
        where.addAll(filter.toSql(params));
        if (after.isPresent()) {
            double value = number(after.get(), "s:");
            where.add("(sc.score_value, sc.image_id) " + (descending ? "<" : ">") + " (" + params.bind(value) + ", "
                    + params.bind(after.get().id()) + ")");
        }
        String dir = descending ? " DESC" : " ASC";
        String sql = "SELECT " + ImageRows.COLUMNS + ", sc.score_value FROM image_scores sc JOIN images i ON i.id = sc.image_id WHERE "
                + String.join(" AND ", where) + " ORDER BY sc.score_value" + dir + ", sc.image_id" + dir + " LIMIT " + n;
        return jdbi.withHandle(h -> h.createQuery(sql).bindMap(params.values())
                .map((rs, ctx) -> new Row(ImageRows.map(rs), "s:" + rs.getDouble(15))).list());
    }

    private List<Row> unscored(String projectId, ImageFilter filter, String score, int n, Optional<ImageQueries.Cursor> after) {
        SqlParams params = new SqlParams();
        List<String> where = new ArrayList<>();
        where.add("i.project_id = " + params.bind(projectId));
        where.add("NOT EXISTS (SELECT 1 FROM image_scores sc WHERE sc.image_id = i.id AND sc.score_name = " + params.bind(score) + ")");
        where.addAll(filter.toSql(params));
        if (after.isPresent()) {
            long createdAt = (long) number(after.get(), "n:");
            where.add("(i.created_at, i.id) > (" + params.bind(createdAt) + ", " + params.bind(after.get().id()) + ")");
        }
        String sql = "SELECT " + ImageRows.COLUMNS + " FROM images i WHERE " + String.join(" AND ", where)
                + " ORDER BY i.created_at ASC, i.id ASC LIMIT " + n;
        return jdbi.withHandle(h -> h.createQuery(sql).bindMap(params.values())
                .map((rs, ctx) -> {
                    ImageRecord r = ImageRows.map(rs);
                    return new Row(r, "n:" + r.createdAt().toEpochMilli());
                }).list());
    }

    private static double number(ImageQueries.Cursor c, String phase) {
        String raw = c.value();
        try {
            if (raw.startsWith(phase)) {
                double v = phase.equals("n:") ? Long.parseLong(raw.substring(2)) : Double.parseDouble(raw.substring(2));
                if (Double.isFinite(v)) {
                    return v;
                }
            }
        } catch (NumberFormatException e) {
            throw forged(c, e);
        }
        throw forged(c, null);
    }

    private static ValidationException forged(ImageQueries.Cursor c, Exception cause) {
        ValidationException e = ValidationException.of("cursor", c.encode(), "expected a cursor returned by the previous page");
        if (cause != null) {
            e.addSuppressed(cause);
        }
        return e;
    }
}
