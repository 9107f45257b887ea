package dev.annota.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.app.workflow.Assignment;
import dev.annota.app.workflow.CommentInput;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.store.json.AnnotationJsonReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The request bodies of the workflow routes ({@link WorkflowRoutes}), each checked when it is read. */
public final class WorkflowRequests {
    private WorkflowRequests() {
    }

    /** Make tasks: for the listed images, or for every image of the project when {@code image_ids} is absent. */
    public record TasksRequest(List<String> imageIds, Integer overlap) {
        public TasksRequest {
            Require.present("overlap", overlap, "a number of annotators per image, e.g. 1 or 2");
            imageIds = imageIds == null ? null : List.copyOf(nonEmpty("image_ids", imageIds));
        }

        Optional<List<String>> images() {
            return Optional.ofNullable(imageIds);
        }
    }

    /**
     * Assign open jobs: round-robin to {@code users} over {@code image_ids} (every image with a task when absent),
     * or {@code explicit}: image id → the users to give its jobs to. Exactly one of {@code users} and
     * {@code explicit}.
     */
    public record AssignRequest(List<String> imageIds, List<String> users, Map<String, List<String>> explicit) {
        public AssignRequest {
            if ((users == null) == (explicit == null)) {
                throw new ValidationException(new FieldError("/users", "users", null,
                        "expected either 'users' (round-robin) or 'explicit' (image id -> user ids), not both or neither"));
            }
            if (explicit != null && imageIds != null) {
                throw new ValidationException(new FieldError("/image_ids", "image_ids", imageIds.toString(),
                        "expected no image_ids with an explicit assignment: it lists its images"));
            }
            imageIds = imageIds == null ? null : List.copyOf(nonEmpty("image_ids", imageIds));
            if (explicit != null) {
                nonEmpty("explicit", new java.util.ArrayList<>(explicit.keySet()));
            }
        }

        Assignment assignment() {
            return users != null ? new Assignment.RoundRobin(users) : new Assignment.Explicit(explicit);
        }

        Optional<List<String>> images() {
            return Optional.ofNullable(imageIds);
        }
    }

    /** A comment, or the remark of an accept / the reason of a reject: text, optionally an annotation or a region. */
    public record CommentRequest(String text, Integer annotationIndex, List<Double> region) {
        public CommentRequest {
            Require.present("text", text, "the comment's text");
            if (region != null && (region.size() != 4 || region.contains(null))) {
                throw new ValidationException(new FieldError("/region", "region", region.toString(),
                        "expected [x, y, width, height]: four numbers in pixels"));
            }
        }

        CommentInput input() {
            Optional<PixelBox> box = region == null ? Optional.empty()
                    : Optional.of(new PixelBox(region.get(0), region.get(1), region.get(2), region.get(3)));
            return new CommentInput(text, Optional.ofNullable(annotationIndex), box);
        }
    }

    /** Give a job to another annotator ({@code assignee}: a user id), or back to the pool ({@code null}). */
    public record ReassignRequest(String assignee) {
        Optional<String> to() {
            return Optional.ofNullable(assignee);
        }
    }

    /** Why a done task is reopened (required). */
    public record ReopenRequest(String reason) {
        public ReopenRequest {
            Require.present("reason", reason, "why the task is reopened");
        }
    }

    /** The version of the image's annotation history that is the known answer of a gold image. */
    public record GoldRequest(Long version) {
        public GoldRequest {
            Require.present("version", version, "a version of the image's annotation history (1 or more)");
            if (version < 1) {
                throw ValidationException.of("version", version, "expected a version of 1 or more");
            }
        }
    }

    /** A job's annotations, saved after {@code version} (0 when never saved). */
    public record JobAnnotationsRequest(Long version, JsonNode annotations) {
        public JobAnnotationsRequest {
            Require.present("version", version, "the version you edited (0 when the set was never saved)");
            Require.present("annotations", annotations, "an array of annotations");
            if (version < 0) {
                throw ValidationException.of("version", version, "expected a version of 0 or more");
            }
        }

        List<Annotation> parsed() {
            return AnnotationJsonReader.readList(annotations, "/annotations");
        }
    }

    private static <T> List<T> nonEmpty(String field, List<T> values) {
        if (values.isEmpty()) {
            throw new ValidationException(new FieldError("/" + field, field, "[]", "expected at least one image"));
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException(new FieldError("/" + field, field, values.toString(), "expected ids, not null"));
        }
        return values;
    }
}
