package dev.annota.store.images;

import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which images of a project a listing shows; every part that is set must hold (AND).
 *
 * @param split          only images of this split
 * @param metadata       only images whose metadata has each of these key = value pairs (looked up in the
 *                       {@code image_metadata} side table, so the query is plain SQL on both databases)
 * @param hasAnnotations only images with (true) or without (false) a non-empty current annotation set
 * @param nearDuplicate  only images flagged (true) or not flagged (false) as near-duplicates
 * @param conditions     further conditions from other parts (see {@link ImageCondition})
 */
public record ImageFilter(Optional<String> split, Map<String, String> metadata, Optional<Boolean> hasAnnotations,
                          Optional<Boolean> nearDuplicate, List<ImageCondition> conditions) {
    public ImageFilter {
        Objects.requireNonNull(split, "split");
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
        Objects.requireNonNull(hasAnnotations, "hasAnnotations");
        Objects.requireNonNull(nearDuplicate, "nearDuplicate");
        conditions = List.copyOf(conditions);
        if (split.isPresent() && split.get().isBlank()) {
            throw ValidationException.of("split", split.get(), "expected a non-blank split name");
        }
    }

    /** Every image. */
    public static ImageFilter all() {
        return new ImageFilter(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), List.of());
    }

    public ImageFilter withSplit(String newSplit) {
        return new ImageFilter(Optional.of(newSplit), metadata, hasAnnotations, nearDuplicate, conditions);
    }

    public ImageFilter withMetadata(String key, String value) {
        Map<String, String> m = new TreeMap<>(metadata);
        m.put(key, value);
        return new ImageFilter(split, m, hasAnnotations, nearDuplicate, conditions);
    }

    public ImageFilter withAnnotations(boolean has) {
        return new ImageFilter(split, metadata, Optional.of(has), nearDuplicate, conditions);
    }

    public ImageFilter withNearDuplicate(boolean flagged) {
        return new ImageFilter(split, metadata, hasAnnotations, Optional.of(flagged), conditions);
    }

    /** This filter and {@code condition}. */
    public ImageFilter and(ImageCondition condition) {
        List<ImageCondition> c = new ArrayList<>(conditions);
        c.add(condition);
        return new ImageFilter(split, metadata, hasAnnotations, nearDuplicate, c);
    }

    /** The conditions of this filter as SQL expressions over {@code images i}. */
    List<String> toSql(SqlParams params) {
        List<String> out = new ArrayList<>();
        split.ifPresent(s -> out.add("i.split = " + params.bind(s)));
        metadata.forEach((k, v) -> out.add("EXISTS (SELECT 1 FROM image_metadata m WHERE m.image_id = i.id AND m.meta_key = "
                + params.bind(k) + " AND m.meta_value = " + params.bind(v) + ")"));
        hasAnnotations.ifPresent(has -> out.add((has ? "" : "NOT ") + "EXISTS (SELECT 1 FROM annotation_sets s "
                + "WHERE s.image_id = i.id AND s.annotations_json <> '[]')"));
        nearDuplicate.ifPresent(flagged -> out.add((flagged ? "" : "NOT ") + "EXISTS (SELECT 1 FROM image_near_duplicates n "
                + "WHERE n.image_id = i.id)"));
        for (ImageCondition c : conditions) {
            out.add("(" + c.sql(params) + ")");
        }
        return out;
    }
}
