package dev.annota.eval.coco;

import java.util.Objects;

/** A category of the ground truth; results are reported by its id. */
public record CocoCategory(long id, String name) {
    public CocoCategory {
        Objects.requireNonNull(name, "name");
    }
}
