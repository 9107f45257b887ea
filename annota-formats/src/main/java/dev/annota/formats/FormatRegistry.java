package dev.annota.formats;

import dev.annota.core.error.AnnotaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats Annota knows, registered explicitly (no classpath scanning), with detection over all of them. */
public final class FormatRegistry {
    /** Two candidates closer than this are ambiguous. */
    static final double AMBIGUITY_MARGIN = 0.1;

    private final Map<String, DatasetFormat> formats;
    private final List<String> order;

    private FormatRegistry(Map<String, DatasetFormat> formats) {
        this.formats = Map.copyOf(formats);
        this.order = List.copyOf(formats.keySet());
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<DatasetFormat> formats() {
        return order.stream().map(formats::get).toList();
    }

    public Optional<DatasetFormat> find(String name) {
        return Optional.ofNullable(formats.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The format called {@code name}; the error lists the known names. */
    public DatasetFormat get(String name) {
        return find(name).orElseThrow(() -> new AnnotaException(
                "unknown format \"" + name + "\"; known formats: " + String.join(", ", order)));
    }

    /** Every format whose detector gives {@code path} a confidence above 0, most likely first. */
    public List<Detection> detectAll(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        List<Detection> found = new ArrayList<>();
        for (String name : order) {
            DatasetFormat f = formats.get(name);
            double c = f.detector().confidence(path);
            if (c > 0) {
                found.add(new Detection(f, c));
            }
        }
        found.sort(Comparator.comparingDouble(Detection::confidence).reversed());
        return found;
    }

    /**
     * The one format of {@code path}. Fails when no format matches, or when the best two are too close to
     * call; the message lists the candidates and says to pass {@code --format}.
     */
    public Detection detect(Path path) throws IOException {
        List<Detection> found = detectAll(path);
        if (found.isEmpty()) {
            throw new AnnotaException(path + ": no known dataset format found; known formats: "
                    + String.join(", ", order) + " (pass --format NAME to choose one)");
        }
        if (found.size() > 1 && found.get(0).confidence() - found.get(1).confidence() < AMBIGUITY_MARGIN) {
            String candidates = found.stream()
                    .map(d -> d.format().name() + String.format(Locale.ROOT, " (%.2f)", d.confidence()))
                    .collect(Collectors.joining(", "));
            throw new AnnotaException(path + ": the format is ambiguous, candidates: " + candidates
                    + " (pass --format NAME to choose one)");
        }
        return found.get(0);
    }

    /** Collects formats in registration order. */
    public static final class Builder {
        private final Map<String, DatasetFormat> formats = new LinkedHashMap<>();

        public Builder add(DatasetFormat format) {
            String key = format.name().toLowerCase(Locale.ROOT);
            if (formats.putIfAbsent(key, format) != null) {
                throw new IllegalArgumentException("format registered twice: " + key);
            }
            return this;
        }

        public FormatRegistry build() {
            return new FormatRegistry(formats);
        }
    }
}
