package dev.annota.core.schema;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keypoint layout of a class: named points, in the order a {@code Keypoints} value lists them, and the
 * edges drawn between them. Edge ends are 0-based point indices (COCO's skeleton is 1-based; the COCO format
 * converts).
 *
 * <p>Valid when there is at least one point, point names are non-blank and unique (compared as
 * {@link Names#normalise normalised} names), every edge end is a point index, no edge joins a point to
 * itself, and no edge is listed twice (in either direction). Every problem is reported at once.
 */
public record Skeleton(List<String> points, List<Edge> edges) {
    /** An undirected edge between two point indices. */
    public record Edge(int from, int to) {
        public static Edge of(int from, int to) {
            return new Edge(from, to);
        }

        @Override
        public String toString() {
            return "[" + from + ", " + to + "]";
        }
    }

    public Skeleton {
        points = List.copyOf(points);
        edges = List.copyOf(edges);
        List<FieldError> errors = new ArrayList<>();
        if (points.isEmpty()) {
            errors.add(FieldError.of("points", "[]", "expected at least one keypoint name"));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            String name = points.get(i);
            String key = Names.normalise(name);
            Integer before = seen.putIfAbsent(key, i);
            if (key.isEmpty()) {
                errors.add(FieldError.of("points[" + i + "]", name, "expected a non-blank keypoint name"));
            } else if (before != null) {
                errors.add(FieldError.of("points[" + i + "]", name,
                        "expected a unique keypoint name (same as points[" + before + "] \"" + points.get(before) + "\")"));
            }
        }
        Set<Long> pairs = new HashSet<>();
        for (int i = 0; i < edges.size(); i++) {
            Edge e = Objects.requireNonNull(edges.get(i), "edge");
            String field = "edges[" + i + "]";
            if (!inRange(e.from(), points.size()) || !inRange(e.to(), points.size())) {
                errors.add(FieldError.of(field, e, "expected point indices in [0, " + (points.size() - 1) + "]"));
            } else if (e.from() == e.to()) {
                errors.add(FieldError.of(field, e, "expected an edge between two different points"));
            } else if (!pairs.add(pairKey(e))) {
                errors.add(FieldError.of(field, e, "expected each edge once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A skeleton from names and {@code {from, to}} index pairs. */
    public static Skeleton of(List<String> points, int[]... edges) {
        List<Edge> list = new ArrayList<>(edges.length);
        for (int[] e : edges) {
            if (e.length != 2) {
                throw ValidationException.of("edges", e.length + " numbers", "expected pairs of point indices");
            }
            list.add(new Edge(e[0], e[1]));
        }
        return new Skeleton(points, list);
    }

    public int size() {
        return points.size();
    }

    private static boolean inRange(int index, int size) {
        return index >= 0 && index < size;
    }

    private static long pairKey(Edge e) {
        long lo = Math.min(e.from(), e.to()), hi = Math.max(e.from(), e.to());
        return (lo << 32) | hi;
    }
}
