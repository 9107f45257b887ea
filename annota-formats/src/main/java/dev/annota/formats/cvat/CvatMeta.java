package dev.annota.formats.cvat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The label declarations of a CVAT file's {@code <meta>}: {@code <task>}, {@code <job>} or {@code <project>}
 * with {@code <labels><label>}. Sub-labels (the points of a skeleton) name their skeleton in {@code <parent>}.
 */
record CvatMeta(List<LabelDecl> labels, Optional<String> subset) {
    static final CvatMeta NONE = new CvatMeta(List.of(), Optional.empty());

    /** One {@code <attribute>} of a label. */
    record AttributeDecl(String name, String inputType, String defaultValue, String values, String location) {
    }

    /** One {@code <label>}; {@code parent} is set for the points of a skeleton. */
    record LabelDecl(String name, Optional<String> colour, String type, List<AttributeDecl> attributes,
            Optional<String> parent, Optional<String> svg, String location) {
        boolean isSublabel() {
            return parent.isPresent();
        }
    }

    static CvatMeta parse(XmlElement meta) {
        List<LabelDecl> labels = new ArrayList<>();
        for (XmlElement list : meta.descendants("labels")) {
            for (XmlElement label : list.children("label")) {
                labels.add(label(label));
            }
        }
        // a task export names its subset; a project export puts it on each image instead
        Optional<String> subset = meta.child("task").flatMap(t -> t.childText("subset")).filter(s -> !s.isBlank());
        return new CvatMeta(labels, subset);
    }

    private static LabelDecl label(XmlElement label) {
        List<AttributeDecl> attributes = new ArrayList<>();
        label.child("attributes").ifPresent(list -> {
            for (XmlElement a : list.children("attribute")) {
                attributes.add(new AttributeDecl(a.childText("name").orElse(""),
                        a.childText("input_type").map(CvatXml::lower).orElse("text"),
                        a.child("default_value").map(XmlElement::text).orElse(""),
                        a.child("values").map(XmlElement::text).orElse(""), a.location()));
            }
        });
        return new LabelDecl(label.childText("name").orElse(""), label.childText("color").filter(c -> !c.isBlank()),
                label.childText("type").map(CvatXml::lower).orElse("any"), attributes,
                label.childText("parent").filter(p -> !p.isBlank()), label.child("svg").map(XmlElement::text),
                label.location());
    }
}
