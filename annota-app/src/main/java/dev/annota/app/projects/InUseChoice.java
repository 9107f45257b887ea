package dev.annota.app.projects;

import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelId;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do with the annotations a schema change affects, chosen explicitly by the caller. Without a choice
 * ({@link Refuse}) a change that affects annotations is refused with a {@link ChangeRefused} that says how
 * many annotations on how many images it affects.
 *
 * <p>On the wire: {@code "on_use": "refuse" | "delete_annotations" | "keep_annotations" |
 * "reassign_to"} with {@code "reassign_to": CLASS_ID} for the last (see {@link #parse}).
 */
public sealed interface InUseChoice {
    /** Change nothing and refuse when annotations are affected (the default). */
    record Refuse() implements InUseChoice {
    }

    /** Remove the affected annotations, each image's set saved as a new version (the history keeps them). */
    record DeleteAnnotations() implements InUseChoice {
    }

    /** Relabel the affected annotations to another class, as new versions (deleting a class, restoring). */
    record ReassignTo(LabelId target) implements InUseChoice {
        public ReassignTo {
            Objects.requireNonNull(target, "target");
        }
    }

    /** Apply the change and keep the annotations as they are; they show as invalid until fixed (class updates). */
    record KeepAnnotations() implements InUseChoice {
    }

    static InUseChoice refuse() {
        return new Refuse();
    }

    static InUseChoice deleteAnnotations() {
        return new DeleteAnnotations();
    }

    static InUseChoice reassignTo(LabelId target) {
        return new ReassignTo(target);
    }

    static InUseChoice keepAnnotations() {
        return new KeepAnnotations();
    }

    /** The wire name: refuse, delete_annotations, reassign_to or keep_annotations. */
    default String wireName() {
        if (this instanceof DeleteAnnotations) {
            return "delete_annotations";
        }
        if (this instanceof ReassignTo) {
            return "reassign_to";
        }
        return this instanceof KeepAnnotations ? "keep_annotations" : "refuse";
    }

    /**
     * The choice a request names; an absent choice is {@link Refuse}. {@code reassign_to} needs
     * {@code target}; errors name the field {@code on_use} or {@code reassign_to}.
     */
    static InUseChoice parse(Optional<String> choice, Optional<Integer> target) {
        String c = choice.orElse("refuse");
        return switch (c) {
            case "refuse" -> refuse();
            case "delete_annotations" -> deleteAnnotations();
            case "keep_annotations" -> keepAnnotations();
            case "reassign_to" -> {
                if (target.isEmpty() || target.get() < 1) {
                    throw ValidationException.of("reassign_to", target.map(String::valueOf).orElse(null),
                            "expected the id of the class to relabel the annotations to");
                }
                yield reassignTo(LabelId.of(target.get()));
            }
            default -> throw ValidationException.of("on_use", c,
                    "expected one of refuse, delete_annotations, reassign_to, keep_annotations");
        };
    }
}
