package dev.annota.train.data;

import java.util.HashSet;
import java.util.List;

/** The class names of a dataset; a label's id is its position, fixed once the set is built. */
public record LabelSet(List<String> names) {
    public LabelSet {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a label set needs at least one label");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("repeated label names: " + names);
        }
    }

    public int size() {
        return names.size();
    }

    public String name(int id) {
        return names.get(id);
    }

    public int id(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown label \"" + name + "\" (labels: " + names + ")");
        }
        return i;
    }
}
