package dev.annota.core.schema;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The label classes of a project or dataset, frozen: each class has a fixed {@link LabelId}, and no two
 * classes have names that are equal when {@link Names#normalise normalised}. Built by a mutable
 * {@link Builder} that hands out ids, as Tribuo's {@code MutableLabelInfo} becomes an
 * {@code ImmutableLabelInfo}; edit a schema with {@link #toBuilder()}.
 *
 * <p>Ids are never reused: a builder made from a schema continues after the highest id ever handed out.
 */
public final class LabelSchema {
    private static final LabelSchema EMPTY = new Builder().build();

    private final Map<LabelId, LabelClass> byId;
    private final Map<String, LabelClass> byName;
    private final int nextId;

    private LabelSchema(Map<LabelId, LabelClass> classes, int nextId) {
        Map<LabelId, LabelClass> ids = new LinkedHashMap<>(classes);
        Map<String, LabelClass> names = new HashMap<>();
        ids.values().forEach(c -> names.put(c.normalisedName(), c));
        this.byId = Collections.unmodifiableMap(ids);
        this.byName = Collections.unmodifiableMap(names);
        this.nextId = nextId;
    }

    public static LabelSchema empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A schema of classes that allow every kind, with ids 1, 2, … in the order given. */
    public static LabelSchema of(String... names) {
        Builder b = builder();
        for (String n : names) {
            b.add(n);
        }
        return b.build();
    }

    /** The classes in id order. */
    public List<LabelClass> classes() {
        return List.copyOf(byId.values());
    }

    public Optional<LabelClass> get(LabelId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The class with this name, compared as normalised names ({@code "t-shirt "} finds "T-shirt"). */
    public Optional<LabelClass> byName(String name) {
        return Optional.ofNullable(byName.get(Names.normalise(name)));
    }

    /** The class with this id, or a {@link ValidationException} on field {@code label}. */
    public LabelClass require(LabelId id) {
        return get(id).orElseThrow(() -> new ValidationException(unknownLabel(id)));
    }

    public boolean contains(LabelId id) {
        return byId.containsKey(id);
    }

    public int size() {
        return byId.size();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** A builder holding these classes, for edits; this schema stays as it is. */
    public Builder toBuilder() {
        Builder b = new Builder();
        byId.values().forEach(b::put);
        b.nextId = Math.max(b.nextId, nextId);
        return b;
    }

    /**
     * The error for a label id that is not in this schema, on field {@code label}, listing the known ids
     * (the first 20 of them in a large schema).
     */
    public FieldError unknownLabel(LabelId id) {
        List<LabelId> ids = List.copyOf(byId.keySet());
        String known = ids.size() <= 20 ? ids.toString()
                : ids.subList(0, 20).toString().replace("]", ", …] (" + ids.size() + " classes)");
        return FieldError.of("label", id, "expected the id of a class in the schema, one of " + known);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSchema s && s.byId.equals(byId);
    }

    @Override
    public int hashCode() {
        return byId.hashCode();
    }

    @Override
    public String toString() {
        return "LabelSchema" + byId.values().stream().map(c -> c.id() + ":" + c.name()).toList();
    }

    /**
     * Collects classes, handing out ids 1, 2, 3, … in order of addition, and refuses names that collide with
     * a class already present. Not thread-safe. {@link #build()} returns a frozen snapshot; the builder can
     * go on changing without affecting schemas already built.
     */
    public static final class Builder {
        private final Map<LabelId, LabelClass> classes = new TreeMap<>();
        private final Map<String, LabelId> names = new HashMap<>();
        private int nextId = 1;

        private Builder() {
        }

        /** Adds a class that allows every kind, with the default colour; returns its new id. */
        public LabelId add(String name) {
            return add(name, UnaryOperator.identity());
        }

        /**
         * Adds a class, shaped by {@code configure} from {@link LabelClass#of} (e.g.
         * {@code c -> c.withKinds(Set.of(BOX)).withAttributes(...)}); returns its new id.
         */
        public LabelId add(String name, UnaryOperator<LabelClass> configure) {
            Objects.requireNonNull(name, "name");
            checkFree(name, Optional.empty());
            LabelId id = new LabelId(nextId);
            LabelClass shaped = configure.apply(LabelClass.of(id, name));
            if (!shaped.id().equals(id)) {
                throw ValidationException.of("id", shaped.id(), "expected the id handed out by the builder, " + id);
            }
            return put(shaped);
        }

        /**
         * Adds a class under the id it already has (a file or the database that stores ids); later ids handed
         * out continue after it.
         */
        public LabelId put(LabelClass cls) {
            if (classes.containsKey(cls.id())) {
                throw ValidationException.of("id", cls.id(), "expected an id not already used (class \""
                        + classes.get(cls.id()).name() + "\" has it)");
            }
            checkFree(cls.name(), Optional.empty());
            classes.put(cls.id(), cls);
            names.put(cls.normalisedName(), cls.id());
            nextId = Math.max(nextId, cls.id().value() + 1);
            return cls.id();
        }

        /** The id of the class with this (normalised) name, adding a class for it when there is none. */
        public LabelId getOrAdd(String name) {
            LabelId existing = names.get(Names.normalise(name));
            return existing != null ? existing : add(name);
        }

        /** Renames a class; its id, and so every annotation that refers to it, stays the same. */
        public Builder rename(LabelId id, String newName) {
            return update(existing(id).withName(newName));
        }

        /** Replaces the class with the same id (new colour, kinds, attributes, name…). */
        public Builder update(LabelClass cls) {
            LabelClass old = existing(cls.id());
            checkFree(cls.name(), Optional.of(cls.id()));
            names.remove(old.normalisedName());
            classes.put(cls.id(), cls);
            names.put(cls.normalisedName(), cls.id());
            return this;
        }

        /** Removes a class; its id is not handed out again. */
        public Builder remove(LabelId id) {
            LabelClass old = existing(id);
            classes.remove(id);
            names.remove(old.normalisedName());
            return this;
        }

        public Optional<LabelClass> get(LabelId id) {
            return Optional.ofNullable(classes.get(id));
        }

        public Optional<LabelClass> byName(String name) {
            return Optional.ofNullable(names.get(Names.normalise(name))).map(classes::get);
        }

        public int size() {
            return classes.size();
        }

        /** A frozen snapshot of the classes collected so far. */
        public LabelSchema build() {
            return new LabelSchema(classes, nextId);
        }

        private LabelClass existing(LabelId id) {
            LabelClass cls = classes.get(id);
            if (cls == null) {
                throw ValidationException.of("id", id, "expected the id of a class in the schema, one of " + classes.keySet());
            }
            return cls;
        }

        private void checkFree(String name, Optional<LabelId> self) {
            String key = Names.normalise(name);
            if (key.isEmpty()) {
                throw ValidationException.of("name", name, "expected a non-blank class name");
            }
            LabelId holder = names.get(key);
            if (holder != null && self.map(s -> !s.equals(holder)).orElse(true)) {
                throw ValidationException.of("name", name, "expected a class name not already used (collides with existing class \""
                        + classes.get(holder).name() + "\" id " + holder + ")");
            }
        }
    }
}
