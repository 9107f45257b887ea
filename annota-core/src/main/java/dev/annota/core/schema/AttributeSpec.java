package dev.annota.core.schema;

import java.util.Optional;

/**
 * The definition of one attribute of a {@link LabelClass}: its name, whether an annotation must set it, its
 * default, and which values fit. A sealed family: select, multi-select, number, text, checkbox.
 *
 * <p>Every implementation validates on construction: a non-blank name and a default that itself fits. Names
 * must be unique within a class, compared as {@link Names#normalise normalised} names (checked by
 * {@link LabelClass}).
 */
public sealed interface AttributeSpec
        permits SelectAttribute, MultiSelectAttribute, NumberAttribute, TextAttribute, CheckboxAttribute {

    String name();

    boolean required();

    /** The value a new annotation starts with; empty when there is none. */
    Optional<AttributeValue> defaultValue();

    /**
     * Whether {@code value} fits this attribute: empty when it does, otherwise what was expected, in the
     * words of a {@link dev.annota.core.error.FieldError} ({@code "expected one of [red, blue]"}).
     */
    Optional<String> check(AttributeValue value);

    /** A short name of the type, e.g. {@code select}, for messages and files. */
    String typeName();
}
