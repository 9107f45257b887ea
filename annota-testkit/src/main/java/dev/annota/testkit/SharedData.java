package dev.annota.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared reference data (pycocotools and scikit-learn results, real annotation files, models,
 * photos) lives for tests: the {@code annota.shared.dir} system property that the build sets, or
 * {@code ../shared} beside the checkout. The product itself never reads it.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder, when it is present. */
    public static Optional<Path> dir() {
        String prop = System.getProperty("annota.shared.dir");
        for (Path candidate : new Path[] {
                prop == null ? null : Path.of(prop), Path.of("../shared"), Path.of("../../shared")}) {
            if (candidate != null && Files.isDirectory(candidate.resolve("reference"))) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** A path inside the shared folder, when the folder and the path are present. */
    public static Optional<Path> resolve(String relative) {
        return dir().map(d -> d.resolve(relative)).filter(Files::exists);
    }
}
