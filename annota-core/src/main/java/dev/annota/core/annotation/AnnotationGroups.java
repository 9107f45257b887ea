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

    public static boolean sameObjects(List<Annotation> a, List<Annotation> b) {
        return canonical(a).equals(canonical(b));
    }

    /** Each group (or ungrouped annotation) as a sorted string of its members without group ids; sorted. */
    public static List<String> canonical(List<Annotation> annotations) {
        Map<Integer, List<String>> groups = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Annotation a : annotations) {
            AnnotationInfo i = a.info();
            String s = a.withInfo(new AnnotationInfo(i.label(), i.attributes(), i.source(), i.confidence(),
                    i.occluded(), i.zOrder(), OptionalInt.empty())).toString();
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
