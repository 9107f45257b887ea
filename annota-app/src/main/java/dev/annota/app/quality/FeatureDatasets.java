package dev.annota.app.quality;

import dev.annota.train.data.Dataset;
import dev.annota.train.data.LabelSet;
import dev.annota.train.data.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Single-label training datasets for samples that are not files (project images known by id, in-memory images
 * such as Fashion-MNIST's) and therefore train in head mode on vectors given alongside: each sample's file is
 * its id as a relative path, never read.
 */
public final class FeatureDatasets {
    private FeatureDatasets() {
    }

    /** Sample i has id {@code ids.get(i)} and label {@code labels[i]} (an index into {@code classes}). */
    public static Dataset singleLabel(String source, List<String> classes, List<String> ids, int[] labels) {
        if (ids.size() != labels.length) {
            throw new IllegalArgumentException("expected one label per id, got " + labels.length + " labels for " + ids.size() + " ids");
        }
        List<Sample> samples = new ArrayList<>(ids.size());
        for (int i = 0; i < labels.length; i++) {
            samples.add(new Sample(ids.get(i), Path.of(ids.get(i)), new int[] {labels[i]}));
        }
        return new Dataset(source, new LabelSet(classes), samples, false);
    }
}
