package dev.annota.formats.cityscapes;

import dev.annota.core.schema.Names;
import java.util.List;
import java.util.Optional;

/**
 * The Cityscapes label table (from the public definition in cityscapesScripts' {@code labels.py}): id as in
 * the {@code labelIds} PNGs, train id, category, whether the class has instances ({@code instanceIds} value
 * {@code id * 1000 + k}), whether evaluation ignores it, and its colour in the {@code color} PNGs.
 * "license plate" (id -1) never appears in the PNGs and is left out.
 */
final class CityscapesLabels {
    /** One row of the table. */
    record Label(String name, int id, int trainId, String category, boolean hasInstances, boolean ignoreInEval, int rgb) {
    }

    static final List<Label> STANDARD = List.of(
            row("unlabeled", 0, 255, "void", false, true, 0, 0, 0),
            row("ego vehicle", 1, 255, "void", false, true, 0, 0, 0),
            row("rectification border", 2, 255, "void", false, true, 0, 0, 0),
            row("out of roi", 3, 255, "void", false, true, 0, 0, 0),
            row("static", 4, 255, "void", false, true, 0, 0, 0),
            row("dynamic", 5, 255, "void", false, true, 111, 74, 0),
            row("ground", 6, 255, "void", false, true, 81, 0, 81),
            row("road", 7, 0, "flat", false, false, 128, 64, 128),
            row("sidewalk", 8, 1, "flat", false, false, 244, 35, 232),
            row("parking", 9, 255, "flat", false, true, 250, 170, 160),
            row("rail track", 10, 255, "flat", false, true, 230, 150, 140),
            row("building", 11, 2, "construction", false, false, 70, 70, 70),
            row("wall", 12, 3, "construction", false, false, 102, 102, 156),
            row("fence", 13, 4, "construction", false, false, 190, 153, 153),
            row("guard rail", 14, 255, "construction", false, true, 180, 165, 180),
            row("bridge", 15, 255, "construction", false, true, 150, 100, 100),
            row("tunnel", 16, 255, "construction", false, true, 150, 120, 90),
            row("pole", 17, 5, "object", false, false, 153, 153, 153),
            row("polegroup", 18, 255, "object", false, true, 153, 153, 153),
            row("traffic light", 19, 6, "object", false, false, 250, 170, 30),
            row("traffic sign", 20, 7, "object", false, false, 220, 220, 0),
            row("vegetation", 21, 8, "nature", false, false, 107, 142, 35),
            row("terrain", 22, 9, "nature", false, false, 152, 251, 152),
            row("sky", 23, 10, "sky", false, false, 70, 130, 180),
            row("person", 24, 11, "human", true, false, 220, 20, 60),
            row("rider", 25, 12, "human", true, false, 255, 0, 0),
            row("car", 26, 13, "vehicle", true, false, 0, 0, 142),
            row("truck", 27, 14, "vehicle", true, false, 0, 0, 70),
            row("bus", 28, 15, "vehicle", true, false, 0, 60, 100),
            row("caravan", 29, 255, "vehicle", true, true, 0, 0, 90),
            row("trailer", 30, 255, "vehicle", true, true, 0, 0, 110),
            row("train", 31, 16, "vehicle", true, false, 0, 80, 100),
            row("motorcycle", 32, 17, "vehicle", true, false, 0, 0, 230),
            row("bicycle", 33, 18, "vehicle", true, false, 119, 11, 32));

    private CityscapesLabels() {
    }

    private static Label row(String name, int id, int trainId, String category, boolean instances, boolean ignore,
            int r, int g, int b) {
        return new Label(name, id, trainId, category, instances, ignore, (r << 16) | (g << 8) | b);
    }

    /** The standard row for a class name; Datumaro's names without spaces ("outofroi") match too. */
    static Optional<Label> standard(String name) {
        String key = squash(name);
        return STANDARD.stream().filter(l -> squash(l.name()).equals(key)).findFirst();
    }

    static Optional<Label> standard(int id) {
        return id >= 0 && id < STANDARD.size() ? Optional.of(STANDARD.get(id)) : Optional.empty();
    }

    private static String squash(String name) {
        return Names.normalise(name).replace(" ", "").replace("_", "").replace("-", "");
    }
}
