package dev.annota.app.models;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a model's labels map to a project's classes. Explicit entries ({@code label_map}: model label → class id
 * or class name) come first; every other model label maps to the class of the same normalised name
 * ({@link Names#normalise}), trying the whole label and then each comma-separated synonym (ImageNet's
 * {@code "fox squirrel, eastern fox squirrel, Sciurus niger"} maps to a class {@code fox squirrel}). Labels
 * that map to nothing are dropped from predictions, and reported.
 *
 * @param map      model label index → project class id
 * @param mapped   what each mapped label became, in the model's order
 * @param unmapped the model labels that map to nothing, in the model's order
 */
public record LabelMapping(Map<Integer, Integer> map, List<Mapped> mapped, List<String> unmapped) {
    public LabelMapping {
        map = Map.copyOf(map);
        mapped = List.copyOf(mapped);
        unmapped = List.copyOf(unmapped);
    }

    /** One mapped model label; {@code by} is {@code label_map} or {@code name}. */
    public record Mapped(String modelLabel, int classId, String className, String by) {
        public Mapped {
            Objects.requireNonNull(modelLabel, "modelLabel");
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(by, "by");
        }
    }

    /**
     * The mapping of {@code labels} (the model's, in output order) onto {@code schema} with the explicit
     * {@code entries}; a {@link ValidationException} names each entry whose label or class does not exist.
     */
    public static LabelMapping of(List<String> labels, LabelSchema schema, Map<String, String> entries) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byName.putIfAbsent(Names.normalise(labels.get(i)), i);
        }
        List<FieldError> errors = new ArrayList<>();
        Map<Integer, LabelClass> explicit = new LinkedHashMap<>();
        entries.forEach((label, target) -> {
            Integer index = byName.get(Names.normalise(label));
            if (index == null) {
                errors.add(new FieldError("/label_map/" + label, "label_map", label, "a label of the model ("
                        + labels.size() + " labels, e.g. " + labels.stream().limit(3).toList() + ")"));
                return;
            }
            Optional<LabelClass> c = target(schema, target);
            if (c.isEmpty()) {
                errors.add(new FieldError("/label_map/" + label, "label_map." + label, target, "a class id or name of the project's "
                        + "schema (" + schema.classes().stream().map(x -> x.id().value() + " " + x.name()).toList() + ")"));
                return;
            }
            explicit.put(index, c.get());
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<Integer, Integer> map = new LinkedHashMap<>();
        List<Mapped> mapped = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            LabelClass c = explicit.get(i);
            String by = "label_map";
            if (c == null) {
                c = byName(schema, label).orElse(null);
                by = "name";
            }
            if (c == null) {
                unmapped.add(label);
            } else {
                map.put(i, c.id().value());
                mapped.add(new Mapped(label, c.id().value(), c.name(), by));
            }
        }
        return new LabelMapping(map, mapped, unmapped);
    }

    /** The report of a stored mapping, recomputed against the schema as it is now (classes deleted since drop out). */
    public static LabelMapping ofStored(List<String> labels, LabelSchema schema, Map<Integer, Integer> stored) {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        List<Mapped> mapped = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Integer id = stored.get(i);
            Optional<LabelClass> c = id == null ? Optional.empty() : schema.get(LabelId.of(id));
            if (c.isPresent()) {
                map.put(i, id);
                mapped.add(new Mapped(labels.get(i), id, c.get().name(), "stored"));
            } else {
                unmapped.add(labels.get(i));
            }
        }
        return new LabelMapping(map, mapped, unmapped);
    }

    /** The class a model label of output index {@code index} maps to. */
    public Optional<LabelId> classOf(int index) {
        Integer id = map.get(index);
        return id == null ? Optional.empty() : Optional.of(LabelId.of(id));
    }

    private static Optional<LabelClass> target(LabelSchema schema, String target) {
        String t = target.strip();
        if (t.matches("[1-9]\\d{0,8}")) {
            Optional<LabelClass> c = schema.get(LabelId.of(Integer.parseInt(t)));
            if (c.isPresent()) {
                return c;
            }
        }
        return schema.byName(t);
    }

    private static Optional<LabelClass> byName(LabelSchema schema, String label) {
        Optional<LabelClass> whole = schema.byName(label);
        if (whole.isPresent() || !label.contains(",")) {
            return whole;
        }
        for (String synonym : label.split(",")) {
            if (!synonym.isBlank()) {
                Optional<LabelClass> c = schema.byName(synonym.strip());
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }
}
