package dev.annota.app.projects;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelClass;
import java.util.Map;
import java.util.TreeMap;

/** Moves an annotation to another class, keeping only the attributes that class defines. */
final class Relabel {
    private Relabel() {
    }

    static Annotation to(Annotation a, LabelClass target) {
        Map<String, AttributeValue> kept = new TreeMap<>();
        a.info().attributes().forEach((name, value) -> {
            if (target.attribute(name).isPresent()) {
                kept.put(name, value);
            }
        });
        return a.withInfo(a.info().withLabel(target.id()).withAttributes(kept));
    }

    static String describe(LabelClass cls) {
        return "\"" + cls.name() + "\" (id " + cls.id() + ")";
    }
}
