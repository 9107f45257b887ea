package dev.annota.app.projects;

import dev.annota.core.error.ConflictException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A change refused because of the annotations it would affect (HTTP 409): how many annotations on how many
 * images, and, when they would become invalid, how many break on which field ({@code kind},
 * {@code attributes.colour}, {@code keypoints}, {@code label}…). Nothing was changed. The message says which
 * explicit {@link InUseChoice} would let the change through.
 */
public final class ChangeRefused extends ConflictException {
    private final int annotations;
    private final int images;
    private final Map<String, Integer> problems;

    public ChangeRefused(String message, int annotations, int images, Map<String, Integer> problems) {
        super(message);
        this.annotations = annotations;
        this.images = images;
        this.problems = Map.copyOf(problems);
    }

    public int annotations() {
        return annotations;
    }

    public int images() {
        return images;
    }

    /** How many annotations fail on each field; empty when the annotations are merely in use. */
    public Map<String, Integer> problems() {
        return new TreeMap<>(problems);
    }
}
