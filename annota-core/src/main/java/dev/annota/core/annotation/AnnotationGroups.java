package dev.annota.core.annotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Compares annotation lists as objects: the same members, grouped the same way, whatever the group numbers
 * and the order. Formats renumber groups (COCO uses its record ids), so a round trip is checked this way.
 */
public final class AnnotationGroups {
    private AnnotationGroups() {
    }

    /** True when both lists hold equal annotations, grouped the same way (compared with {@code equals}). */
    public static boolean sameObjects(List<Annotation> a, List<Annotation> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<List<Annotation>> left = groups(a);
        List<List<Annotation>> right = groups(b);
        if (left.size() != right.size()) {
            return false;
        }
        for (List<Annotation> g : left) {
            int match = -1;
            for (int i = 0; i < right.size() && match < 0; i++) {
                if (sameMembers(g, right.get(i))) {
                    match = i;
                }
            }
            if (match < 0) {
                return false;
            }
            right.remove(match);
        }
        return true;
    }

    /** Each group (or ungrouped annotation) as a list of its members, group ids removed. */
    private static List<List<Annotation>> groups(List<Annotation> annotations) {
        Map<Integer, List<Annotation>> grouped = new HashMap<>();
        List<List<Annotation>> out = new ArrayList<>();
        for (Annotation a : annotations) {
            Annotation bare = withoutGroup(a);
            if (a.info().groupId().isPresent()) {
                grouped.computeIfAbsent(a.info().groupId().getAsInt(), k -> {
                    List<Annotation> g = new ArrayList<>();
                    out.add(g);
                    return g;
                }).add(bare);
            } else {
                out.add(new ArrayList<>(List.of(bare)));
            }
        }
        return out;
    }

    private static boolean sameMembers(List<Annotation> x, List<Annotation> y) {
        if (x.size() != y.size()) {
            return false;
        }
        List<Annotation> rest = new ArrayList<>(y);
        for (Annotation a : x) {
            if (!rest.remove(a)) {
                return false;
            }
        }
        return true;
    }

    private static Annotation withoutGroup(Annotation a) {
        AnnotationInfo i = a.info();
        return a.withInfo(new AnnotationInfo(i.label(), i.attributes(), i.source(), i.confidence(),
                i.occluded(), i.zOrder(), OptionalInt.empty()));
    }

    /**
     * Each group (or ungrouped annotation) as a sorted string of its members without group ids; sorted. Meant
     * for readable test diffs; {@link #sameObjects} is the exact comparison.
     */
    public static List<String> canonical(List<Annotation> annotations) {
        Map<Integer, List<String>> groups = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Annotation a : annotations) {
            AnnotationInfo i = a.info();
            String s = withoutGroup(a).toString();
            if (i.groupId().isPresent()) {
                groups.computeIfAbsent(i.groupId().getAsInt(), k -> new ArrayList<>()).add(s);
            } else {
                out.add(s);
            }
        }
        for (List<String> g : groups.values()) {
            g.sort(null);
            out.add(String.join(" & ", g));
        }
        out.sort(null);
        return out;
    }
}
