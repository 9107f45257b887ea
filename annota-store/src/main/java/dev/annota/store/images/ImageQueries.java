package dev.annota.store.images;

import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Lists a project's images a page at a time with keyset pagination: a page ends with a cursor holding the
 * sort value and id of its last image, and the next page starts strictly after that pair — no OFFSET, so
 * pages stay fast deep into a large project and an image added meanwhile never shifts the pages. The cursor
 * is opaque to clients (base64url) and tied to its sort key.
 */
public final class ImageQueries {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    private final Jdbi jdbi;

    public ImageQueries(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Images of {@code projectId} passing {@code filter}, in {@code sort} order, after {@code cursor}. */
    public ImagePage list(String projectId, ImageFilter filter, ImageSort sort, int limit, Optional<String> cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", limit, "expected a page size from 1 to " + MAX_LIMIT);
        }
        if (sort.key().scoreName().isPresent()) {
            return new ScoreListing(jdbi).list(projectId, filter, sort, limit, cursor);
        }
        SqlParams params = new SqlParams();
        List<String> where = new ArrayList<>();
        where.add("i.project_id = " + params.bind(projectId));
        where.addAll(filter.toSql(params));
        String column = sort.key().column();
        if (cursor.isPresent()) {
            Cursor c = Cursor.decode(cursor.get(), sort.key());
            Object value = sort.key().numeric() ? (Object) Long.valueOf(c.value()) : c.value();
            where.add("(" + column + ", i.id) " + (sort.descending() ? "<" : ">") + " (" + params.bind(value) + ", "
                    + params.bind(c.id()) + ")");
        }
        String dir = sort.descending() ? " DESC" : " ASC";
        String sql = "SELECT " + ImageRows.COLUMNS + " FROM images i WHERE " + String.join(" AND ", where)
                + " ORDER BY " + column + dir + ", i.id" + dir + " LIMIT " + (limit + 1);
        List<ImageRecord> rows = jdbi.withHandle(h -> h.createQuery(sql).bindMap(params.values())
                .map((rs, ctx) -> ImageRows.map(rs)).list());
        if (rows.size() <= limit) {
            return new ImagePage(rows, Optional.empty());
        }
        List<ImageRecord> page = rows.subList(0, limit);
        ImageRecord last = page.get(limit - 1);
        return new ImagePage(page, Optional.of(new Cursor(sort.key(), valueOf(last, sort.key()), last.id()).encode()));
    }

    /** The number of images of {@code projectId} passing {@code filter}. */
    public long count(String projectId, ImageFilter filter) {
        SqlParams params = new SqlParams();
        List<String> where = new ArrayList<>();
        where.add("i.project_id = " + params.bind(projectId));
        where.addAll(filter.toSql(params));
        String sql = "SELECT COUNT(*) FROM images i WHERE " + String.join(" AND ", where);
        return jdbi.withHandle(h -> h.createQuery(sql).bindMap(params.values()).mapTo(Long.class).one());
    }

    private static String valueOf(ImageRecord r, ImageSort.Key key) {
        return switch (key) {
            case CREATED_AT -> Long.toString(r.createdAt().toEpochMilli());
            case FILE_NAME -> r.fileName();
            case WIDTH -> Integer.toString(r.width());
            case HEIGHT -> Integer.toString(r.height());
            case UNCERTAINTY -> throw new IllegalStateException("score keys are listed by ScoreListing");
        };
    }

    /** Where a page ended: the sort key, the last sort value and the last id. */
    record Cursor(ImageSort.Key key, String value, String id) {
        String encode() {
            String raw = key.keyName() + "\n" + value + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor, ImageSort.Key expected) {
            String raw;
            try {
                raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("cursor", cursor, "expected a cursor returned by the previous page");
            }
            // the value may hold new lines (a file name): the key is before the first, the id after the last
            int first = raw.indexOf('\n');
            int last = raw.lastIndexOf('\n');
            if (first < 0 || last == first) {
                throw ValidationException.of("cursor", cursor, "expected a cursor returned by the previous page");
            }
            Optional<ImageSort.Key> key = ImageSort.Key.named(raw.substring(0, first));
            if (key.isEmpty() || key.get() != expected) {
                throw ValidationException.of("cursor", cursor, "expected a cursor of a listing sorted by " + expected.keyName()
                        + " (sort and cursor must match)");
            }
            String value = raw.substring(first + 1, last);
            if (expected.numeric() && !value.matches("-?\\d{1,19}")) {
                throw ValidationException.of("cursor", cursor, "expected a cursor returned by the previous page");
            }
            return new Cursor(key.get(), value, raw.substring(last + 1));
        }
    }
}
