package dev.annota.app.models;

import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.store.models.ModelRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loaded models, shared by every request and job of a process: a model is loaded once (its ONNX Runtime session
 * is thread-safe) and kept while it is among the {@link #CAPACITY} most recently used.
 */
public final class LoadedModels implements AutoCloseable {
    /** How many models stay loaded. */
    public static final int CAPACITY = 6;

    private final ModelRegistry registry;
    private final PredictorOptions options;
    private final Map<String, Predictor> loaded = new LinkedHashMap<>(16, 0.75f, true);

    public LoadedModels(ModelRegistry registry, PredictorOptions options) {
        this.registry = registry;
        this.options = options;
    }

    /** The loaded predictor of {@code model} (loading it the first time). */
    public synchronized Predictor get(ModelRecord model) {
        Predictor p = loaded.get(model.id());
        if (p == null) {
            p = Predictor.load(registry.open(model), options);
            loaded.put(model.id(), p);
            if (loaded.size() > CAPACITY) {
                // the evicted predictor may still be running for someone: let the garbage collector close it
                loaded.remove(loaded.keySet().iterator().next());
            }
        }
        return p;
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(Predictor::close);
        loaded.clear();
    }
}
