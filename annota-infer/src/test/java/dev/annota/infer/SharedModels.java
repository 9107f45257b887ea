package dev.annota.infer;

import dev.annota.testkit.SharedData;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The real models and photos of {@code ../shared}; tests that need them are skipped, saying so, when absent. */
public final class SharedModels {
    private SharedModels() {
    }

    public static Path model(String folder) {
        Optional<Path> p = SharedData.resolve("models/" + folder);
        Assumptions.assumeTrue(p.isPresent(), "shared/models/" + folder + " is absent: the real-model test is skipped");
        return p.get();
    }

    public static Path photo(String name) {
        Optional<Path> p = SharedData.resolve("images/photos/" + name);
        Assumptions.assumeTrue(p.isPresent(), "shared/images/photos/" + name + " is absent: the real-photo test is skipped");
        return p.get();
    }

    public static Predictor load(String folder) throws java.io.IOException {
        return Predictor.load(model(folder), PredictorOptions.defaults().withIntraOpThreads(2));
    }
}
