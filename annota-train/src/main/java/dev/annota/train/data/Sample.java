package dev.annota.train.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One labelled image. {@code labels} are ids in the dataset's {@link LabelSet}, sorted, at least one.
 *
 * @param id the image's path relative to the dataset root, with '/' separators
 */
public record Sample(String id, Path file, int[] labels) {
    public Sample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        labels = labels.clone();
        Arrays.sort(labels);
        if (labels.length == 0) {
            throw new IllegalArgumentException(id + ": no label");
        }
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int firstLabel() {
        return labels[0];
    }

    public boolean has(int label) {
        return Arrays.binarySearch(labels, label) >= 0;
    }
}
