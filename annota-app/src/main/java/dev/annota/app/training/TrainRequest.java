package dev.annota.app.training;

import dev.annota.app.models.ModelRegistry;
import dev.annota.core.error.ValidationException;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What to train in a project: the mode ({@code head} or {@code cnn}), for head mode the backbone — a registered
 * model (id or name) or, from the CLI only, a path — multi-label or not (several tags on an image make it
 * multi-label anyway), at most {@code epochs} (default: the mode's), the seed, and the name to register the
 * package under (default: the project's name and the mode).
 */
public record TrainRequest(TrainMode mode, Optional<String> backbone, boolean multiLabel, Optional<Integer> epochs, long seed,
        Optional<String> name) {
    public TrainRequest {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(epochs, "epochs");
        Objects.requireNonNull(name, "name");
        if (mode == TrainMode.HEAD && backbone.isEmpty()) {
            throw ValidationException.of("backbone", null, "expected a registered model (id or name) for mode head");
        }
        name.ifPresent(n -> {
            if (!n.matches(ModelRegistry.NAME_PATTERN)) {
                throw ValidationException.of("name", n, "expected a model name of letters, digits, '.', '_' or '-' (at most 100)");
            }
        });
    }

    /** The mode named {@code text}: {@code head} or {@code cnn}; a field error on {@code mode} otherwise. */
    public static TrainMode mode(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "head" -> TrainMode.HEAD;
            case "cnn" -> TrainMode.CNN;
            default -> throw ValidationException.of("mode", text, "expected head or cnn");
        };
    }

    /**
     * The training configuration: the mode's defaults with this request's settings; the backbone is a path when
     * {@code pathsAllowed} and the text names an existing file or folder, else a registered model's folder.
     */
    TrainConfig config(ModelRegistry registry, Path cacheDir, boolean pathsAllowed) {
        TrainConfig c = TrainConfig.defaults(mode).withMultiLabel(multiLabel).withSeed(seed).withCacheDir(cacheDir);
        if (epochs.isPresent()) {
            c = c.withEpochs(epochs.get());
        }
        if (mode == TrainMode.HEAD) {
            String b = backbone.orElseThrow();
            Path p = Path.of(b);
            c = c.withBackbone(pathsAllowed && Files.exists(p) ? p : registry.open(registry.find(b)).modelFile().getParent());
        }
        return c;
    }
}
