package dev.annota.eval.agreement;

import java.util.Objects;

/** One object drawn by one annotator: the image it is on, its label and its region. */
public record Shape(String image, String label, Region region) {
    public Shape {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(region, "region");
    }
}
