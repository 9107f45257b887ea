package dev.annota.train.data;

import dev.annota.infer.ModelPackages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** Labelled images read from an ImageFolder or CSV; {@code multiLabel} when images may carry several labels. */
public record Dataset(String source, LabelSet labels, List<Sample> samples, boolean multiLabel) {
    public Dataset {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(labels, "labels");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(source + ": no labelled images");
        }
    }

    public int size() {
        return samples.size();
    }

    /** Images per label (an image with two labels counts for both). */
    public int[] counts() {
        int[] c = new int[labels.size()];
        for (Sample s : samples) {
            for (int l : s.labels()) {
                c[l]++;
            }
        }
        return c;
    }

    /**
     * A sha256 over every sample's id, label names and file content, in id order: the same images with the
     * same labels give the same hash wherever they lie.
     */
    public String contentHash() throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Sample> sorted = samples.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
            for (Sample s : sorted) {
                StringBuilder line = new StringBuilder(s.id());
                for (int l : s.labels()) {
                    line.append('\t').append(labels.name(l));
                }
                line.append('\t').append(ModelPackages.sha256(s.file())).append('\n');
                md.update(line.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The samples at {@code indices}. */
    public List<Sample> pick(int[] indices) {
        return Arrays.stream(indices).mapToObj(samples::get).toList();
    }
}
