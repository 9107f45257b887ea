package dev.annota.formats.voc;

import dev.annota.core.error.FieldError;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImportReport;
import dev.annota.formats.masks.MasksFormat;
import dev.annota.formats.masks.PaletteFile;
import dev.annota.formats.masks.VocColormap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The classes of a VOC dataset with their palette index and colour: from {@code labelmap.txt} when present
 * (Datumaro's {@code name:r,g,b:parts:actions}, index = line position), else the standard VOC table
 * (background 0, aeroplane 1 … tvmonitor 20, then Datumaro's ignored, head, hand, foot). Background is no
 * class of the schema; the others get ids 1, 2, … in table order, so that a dataset written by
 * {@link VocWriter} from a schema with ids 1..N reads back with the same ids.
 */
final class VocLabels {
    private final LabelSchema.Builder schema;
    private final ImportReport report;
    private final Map<Integer, LabelId> byIndex = new HashMap<>();
    private final Map<Integer, Integer> indexByColour = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private final String source;

    private VocLabels(LabelSchema.Builder schema, ImportReport report, String source) {
        this.schema = schema;
        this.report = report;
        this.source = source;
    }

    /** The standard VOC table as palette entries. */
    static List<PaletteFile.Entry> standard() {
        List<PaletteFile.Entry> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add("background");
        names.addAll(VocFormat.VOC_CLASSES);
        names.add("ignored");
        names.addAll(VocFormat.PART_LABELS);
        for (int i = 0; i < names.size(); i++) {
            boolean person = names.get(i).equals("person");
            out.add(new PaletteFile.Entry(i, names.get(i), VocColormap.colour(i),
                    person ? VocFormat.PART_LABELS : List.of(), person ? VocFormat.ACTIONS : List.of(), 0));
        }
        return out;
    }

    static VocLabels of(List<PaletteFile.Entry> entries, LabelSchema.Builder schema, ImportReport report, String source) {
        VocLabels t = new VocLabels(schema, report, source);
        for (PaletteFile.Entry e : entries) {
            t.indexByColour.putIfAbsent(e.rgb(), e.value());
            if (MasksFormat.isBackground(e.name())) {
                continue;
            }
            LabelId id = schema.byName(e.name()).map(LabelClass::id).orElseGet(() -> schema.add(e.name()));
            schema.update(schema.get(id).orElseThrow().withColour(VocColormap.hex(e.rgb())));
            t.byIndex.put(e.value(), id);
        }
        return t;
    }

    /** The class named {@code name}; an undeclared one is added, with a warning naming where it was found. */
    LabelId byName(String name, String location, String field) {
        Optional<LabelClass> c = schema.byName(name);
        if (c.isPresent()) {
            return c.get().id();
        }
        if (warned.add(name)) {
            report.warn(new FieldError(location, field, name, "expected a class listed in " + source + "; added"));
        }
        return schema.getOrAdd(name);
    }

    /** The class of a palette index of SegmentationClass; empty for background (0), void (255) and unknown ones. */
    Optional<LabelId> byIndex(int index) {
        return Optional.ofNullable(byIndex.get(index));
    }

    /** The palette index of a SegmentationClass colour. */
    OptionalInt indexOfColour(int rgb) {
        Integer i = indexByColour.get(rgb);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }
}
