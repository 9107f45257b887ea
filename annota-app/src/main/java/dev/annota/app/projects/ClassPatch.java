package dev.annota.app.projects;

import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.AttributeSpec;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.Skeleton;
import dev.annota.store.json.LabelSchemaJson.ClassDraft;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A partial change to a class: each present part replaces the class's, absent parts stay as they are.
 * The skeleton has three states: unchanged ({@link SkeletonChange#keep()}), replaced, or removed.
 */
public record ClassPatch(Optional<String> name, Optional<String> colour, Optional<Set<AnnotationKind>> kinds,
                         Optional<List<AttributeSpec>> attributes, SkeletonChange skeleton) {
    /** What happens to the skeleton: {@code keep} (unchanged) or set to {@code to} (empty removes it). */
    public record SkeletonChange(boolean keep, Optional<Skeleton> to) {
        public SkeletonChange {
            Objects.requireNonNull(to, "to");
            if (keep && to.isPresent()) {
                throw new IllegalArgumentException("a kept skeleton has no replacement");
            }
        }

        public static SkeletonChange keepIt() {
            return new SkeletonChange(true, Optional.empty());
        }

        public static SkeletonChange set(Optional<Skeleton> to) {
            return new SkeletonChange(false, to);
        }
    }

    public ClassPatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(colour, "colour");
        kinds = kinds.map(Set::copyOf);
        attributes = attributes.map(List::copyOf);
        Objects.requireNonNull(skeleton, "skeleton");
    }

    /** A patch that only renames. */
    public static ClassPatch rename(String newName) {
        return new ClassPatch(Optional.of(newName), Optional.empty(), Optional.empty(), Optional.empty(), SkeletonChange.keepIt());
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return name.isEmpty() && !changesMoreThanName();
    }

    /** Whether it changes anything besides the name (a pure rename never affects annotations). */
    public boolean changesMoreThanName() {
        return colour.isPresent() || kinds.isPresent() || attributes.isPresent() || !skeleton.keep();
    }

    /** The class {@code old} becomes, as a draft (validated when it is turned into a class). */
    public ClassDraft applyTo(LabelClass old) {
        return new ClassDraft(name.orElse(old.name()), Optional.of(colour.orElse(old.colour())), kinds.orElse(old.kinds()),
                attributes.orElse(old.attributes()), skeleton.keep() ? old.skeleton() : skeleton.to());
    }
}
