package dev.annota.store.images;

import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelId;
import dev.annota.store.workflow.Stage;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Listing filters over the annotation index, the suggestions and the workflow, as {@link ImageCondition}s to
 * add with {@link ImageFilter#and}. Each is an {@code EXISTS} (or a lookup) keyed by the image id, so each
 * listed image costs one primary-key or index probe, on SQLite and PostgreSQL alike.
 */
public final class IndexConditions {
    private IndexConditions() {
    }

    /**
     * Images whose workflow task is in one of {@code stages}, or (with {@code orWithoutTask}) that have no task.
     */
    public static ImageCondition stage(Collection<Stage> stages, boolean orWithoutTask) {
        if (stages.isEmpty() && !orWithoutTask) {
            throw new IllegalArgumentException("no stage to filter on");
        }
        List<String> names = stages.stream().map(Stage::wireName).distinct().sorted().toList();
        return params -> {
            String none = "NOT EXISTS (SELECT 1 FROM workflow_tasks t WHERE t.image_id = i.id)";
            if (names.isEmpty()) {
                return none;
            }
            String in = "EXISTS (SELECT 1 FROM workflow_tasks t WHERE t.image_id = i.id AND t.stage IN ("
                    + names.stream().map(params::bind).collect(Collectors.joining(", ")) + "))";
            return orWithoutTask ? in + " OR " + none : in;
        };
    }

    /** Images whose current annotation set has at least one annotation of any of {@code labels}. */
    public static ImageCondition anyLabel(Collection<LabelId> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no label to filter on");
        }
        List<Integer> ids = labels.stream().map(LabelId::value).distinct().sorted().toList();
        return params -> "EXISTS (SELECT 1 FROM image_labels l WHERE l.image_id = i.id AND l.label_id IN ("
                + ids.stream().map(params::bind).collect(Collectors.joining(", ")) + "))";
    }

    /** Images whose annotation set {@code userId} saved at least once, or whose workflow job is assigned to them. */
    public static ImageCondition annotator(String userId) {
        return params -> {
            String u = params.bind(userId);
            return "EXISTS (SELECT 1 FROM image_annotators a WHERE a.image_id = i.id AND a.user_id = " + u + ") "
                    + "OR EXISTS (SELECT 1 FROM workflow_jobs j WHERE j.image_id = i.id AND j.assignee = " + u + ")";
        };
    }

    /** Images with (true) or without (false) model suggestions. */
    public static ImageCondition hasSuggestions(boolean has) {
        return params -> (has ? "" : "NOT ") + "EXISTS (SELECT 1 FROM image_suggestion_stats g WHERE g.image_id = i.id)";
    }

    /** Images with at least one suggestion whose confidence is in [{@code min}, {@code max}]. */
    public static ImageCondition suggestionConfidence(double min, double max) {
        if (!(min >= 0 && min <= max && max <= 1)) {
            throw ValidationException.of("confidence", "[" + min + ", " + max + "]", "expected 0 <= min <= max <= 1");
        }
        return params -> "EXISTS (SELECT 1 FROM suggestions s WHERE s.image_id = i.id AND s.confidence >= " + params.bind(min)
                + " AND s.confidence <= " + params.bind(max) + ")";
    }

    /** Images whose current set has at least {@code min} and at most {@code max} annotations (each optional). */
    public static ImageCondition annotationCount(OptionalInt min, OptionalInt max) {
        if (min.isEmpty() && max.isEmpty()) {
            throw new IllegalArgumentException("no bound to filter on");
        }
        if (min.isPresent() && max.isPresent() && min.getAsInt() > max.getAsInt()) {
            throw ValidationException.of("annotations", "[" + min.getAsInt() + ", " + max.getAsInt() + "]", "expected min <= max");
        }
        return params -> {
            String count = "COALESCE((SELECT x.annotation_count FROM image_annotation_stats x WHERE x.image_id = i.id), 0)";
            StringBuilder sb = new StringBuilder();
            min.ifPresent(m -> sb.append(count).append(" >= ").append(params.bind(m)));
            max.ifPresent(m -> sb.append(sb.length() > 0 ? " AND " : "").append(count).append(" <= ").append(params.bind(m)));
            return sb.toString();
        };
    }
}
