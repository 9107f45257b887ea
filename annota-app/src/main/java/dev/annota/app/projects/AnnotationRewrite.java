package dev.annota.app.projects;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.FieldError;
import dev.annota.store.AnnotationSets;
import dev.annota.store.projects.ProjectAnnotationScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Visits every annotation of a project and applies a decision to each: keep it, remove it, replace it, or
 * count it as blocking. Images whose annotations change are saved as new versions through
 * {@link AnnotationSets} (so the history keeps what was there); once anything blocks, nothing more is written
 * and the caller throws, which rolls back the enclosing transaction.
 */
final class AnnotationRewrite {
    /** What happens to one annotation. */
    sealed interface Outcome {
    }

    record Keep() implements Outcome {
    }

    record Remove() implements Outcome {
    }

    record Replace(Annotation with) implements Outcome {
    }

    /** The annotation stands in the way; {@code problems} are why (empty: it is merely in use). */
    record Blocked(List<FieldError> problems) implements Outcome {
    }

    static final Outcome KEEP = new Keep();
    static final Outcome REMOVE = new Remove();

    /** What a run found and did. */
    record Tally(int changedAnnotations, int changedImages, int blockedAnnotations, int blockedImages,
                 Map<String, Integer> problems) {
        boolean blocked() {
            return blockedAnnotations > 0;
        }
    }

    private AnnotationRewrite() {
    }

    static Tally run(ProjectAnnotationScan scan, AnnotationSets sets, String projectId,
                     Function<Annotation, Outcome> decide, Optional<String> author, String source) {
        int[] counts = new int[4];
        Map<String, Integer> problems = new TreeMap<>();
        scan.forEach(projectId, set -> {
            List<Annotation> next = new ArrayList<>(set.annotations().size());
            int changed = 0, blocked = 0;
            for (Annotation a : set.annotations()) {
                Outcome o = decide.apply(a);
                if (o instanceof Blocked b) {
                    blocked++;
                    b.problems().stream().map(FieldError::field).distinct().forEach(f -> problems.merge(f, 1, Integer::sum));
                    next.add(a);
                } else if (o instanceof Remove) {
                    changed++;
                } else if (o instanceof Replace r) {
                    changed++;
                    next.add(r.with());
                } else {
                    next.add(a);
                }
            }
            if (blocked > 0) {
                counts[2] += blocked;
                counts[3]++;
            } else if (changed > 0 && counts[2] == 0) {
                sets.save(set.imageId(), set.version(), next, author, source);
                counts[0] += changed;
                counts[1]++;
            }
        });
        return new Tally(counts[0], counts[1], counts[2], counts[3], problems);
    }

    /** {@code "kind: 7, attributes.colour: 5"}, or "" when there are no problems. */
    static String describe(Map<String, Integer> problems) {
        StringBuilder sb = new StringBuilder();
        problems.forEach((field, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(field).append(": ").append(n));
        return sb.toString();
    }
}
