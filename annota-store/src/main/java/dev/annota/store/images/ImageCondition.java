package dev.annota.store.images;

/**
 * A filter on the images of a listing, as a boolean SQL expression over the {@code images} table aliased
 * {@code i}, with its values bound through {@link SqlParams}. This is how other parts add their own filters
 * (workflow status, annotator, label…) without changing the query builder, e.g.
 * {@code params -> "EXISTS (SELECT 1 FROM tasks t WHERE t.image_id = i.id AND t.stage = " + params.bind(stage) + ")"}.
 * Expressions must be portable between SQLite and PostgreSQL.
 */
@FunctionalInterface
public interface ImageCondition {
    String sql(SqlParams params);
}
