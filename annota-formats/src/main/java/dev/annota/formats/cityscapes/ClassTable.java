package dev.annota.formats.cityscapes;

import dev.annota.formats.masks.PaletteFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The classes a Cityscapes dataset uses, by pixel value: the standard table or a {@code label_colors.txt}. */
record ClassTable(Map<Integer, Entry> byValue, boolean standard) {
    /** One class: its name, whether its pixels may carry instance numbers, its colour. */
    record Entry(int value, String name, boolean hasInstances, int rgb) {
    }

    ClassTable {
        byValue = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byValue));
    }

    static ClassTable standardTable() {
        Map<Integer, Entry> m = new LinkedHashMap<>();
        for (CityscapesLabels.Label l : CityscapesLabels.STANDARD) {
            m.put(l.id(), new Entry(l.id(), l.name(), l.hasInstances(), l.rgb()));
        }
        return new ClassTable(m, true);
    }

    static ClassTable of(List<PaletteFile.Entry> entries) {
        Map<Integer, Entry> m = new LinkedHashMap<>();
        for (PaletteFile.Entry e : entries) {
            m.put(e.value(), new Entry(e.value(), e.name(), true, e.rgb()));
        }
        return new ClassTable(m, false);
    }

    Optional<Entry> get(int value) {
        return Optional.ofNullable(byValue.get(value));
    }
}
