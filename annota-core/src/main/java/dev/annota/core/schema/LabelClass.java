package dev.annota.core.schema;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One class of a {@link LabelSchema}: its fixed id, its name (white space trimmed and collapsed), its
 * colour ({@code #RRGGBB}, stored upper-case), the annotation kinds it allows, its attributes and, for
 * keypoint classes, an optional {@link Skeleton}.
 *
 * <p>Validated on construction, reporting every problem at once: a non-blank name, a valid colour, at least
 * one kind, attribute names unique when {@link Names#normalise normalised}, and a skeleton only on a class
 * that allows {@link AnnotationKind#KEYPOINTS}. Whether names collide with other classes is the schema's
 * concern.
 */
public record LabelClass(LabelId id, String name, String colour, Set<AnnotationKind> kinds,
        List<AttributeSpec> attributes, Optional<Skeleton> skeleton) {
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final List<String> PALETTE = List.of(
            "#E6194B", "#3CB44B", "#FFE119", "#4363D8", "#F58231", "#911EB4", "#42D4F4", "#F032E6",
            "#BFEF45", "#FABED4", "#469990", "#DCBEFF", "#9A6324", "#FFFAC8", "#800000", "#AAFFC3",
            "#808000", "#FFD8B1", "#000075", "#A9A9A9");

    public LabelClass {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(skeleton, "skeleton");
        List<FieldError> errors = new ArrayList<>();
        if (Names.isBlank(name)) {
            errors.add(FieldError.of("name", name, "expected a non-blank class name"));
        }
        name = Names.display(name);
        if (!COLOUR.matcher(colour).matches()) {
            errors.add(FieldError.of("colour", colour, "expected a colour as #RRGGBB"));
        }
        colour = colour.toUpperCase(Locale.ROOT);
        kinds = Collections.unmodifiableSet(kinds.isEmpty() ? EnumSet.noneOf(AnnotationKind.class) : EnumSet.copyOf(kinds));
        if (kinds.isEmpty()) {
            errors.add(FieldError.of("kinds", "[]", "expected at least one annotation kind"));
        }
        attributes = List.copyOf(attributes);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            String attrName = attributes.get(i).name();
            Integer before = seen.putIfAbsent(Names.normalise(attrName), i);
            if (before != null) {
                errors.add(FieldError.of("attributes[" + i + "].name", attrName, "expected an attribute name not already used "
                        + "(same as attributes[" + before + "] \"" + attributes.get(before).name() + "\")"));
            }
        }
        if (skeleton.isPresent() && !kinds.contains(AnnotationKind.KEYPOINTS)) {
            errors.add(FieldError.of("skeleton", skeleton.get().points(), "expected a skeleton only on a class that allows keypoints"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A class that allows every kind, with the default colour for its id, no attributes and no skeleton. */
    public static LabelClass of(LabelId id, String name) {
        return new LabelClass(id, name, defaultColour(id), EnumSet.allOf(AnnotationKind.class), List.of(), Optional.empty());
    }

    /** A fixed, distinct-looking colour for an id, so that colours do not change between runs. */
    public static String defaultColour(LabelId id) {
        return PALETTE.get((id.value() - 1) % PALETTE.size());
    }

    /** The name under which this class is compared with others (see {@link Names#normalise}). */
    public String normalisedName() {
        return Names.normalise(name);
    }

    public boolean allows(AnnotationKind kind) {
        return kinds.contains(kind);
    }

    /** The attribute with this name, compared as normalised names. */
    public Optional<AttributeSpec> attribute(String attributeName) {
        String key = Names.normalise(attributeName);
        return attributes.stream().filter(a -> Names.normalise(a.name()).equals(key)).findFirst();
    }

    public LabelClass withName(String newName) {
        return new LabelClass(id, newName, colour, kinds, attributes, skeleton);
    }

    public LabelClass withColour(String newColour) {
        return new LabelClass(id, name, newColour, kinds, attributes, skeleton);
    }

    public LabelClass withKinds(Set<AnnotationKind> newKinds) {
        return new LabelClass(id, name, colour, newKinds, attributes, skeleton);
    }

    public LabelClass withAttributes(List<AttributeSpec> newAttributes) {
        return new LabelClass(id, name, colour, kinds, newAttributes, skeleton);
    }

    /** This class with a skeleton; {@link AnnotationKind#KEYPOINTS} must already be allowed. */
    public LabelClass withSkeleton(Skeleton newSkeleton) {
        return new LabelClass(id, name, colour, kinds, attributes, Optional.of(newSkeleton));
    }
}
