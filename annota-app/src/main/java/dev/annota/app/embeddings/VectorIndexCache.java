package dev.annota.app.embeddings;

import dev.annota.store.embeddings.ImageEmbeddings;
import dev.annota.store.embeddings.VectorTable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link VectorIndex} per (project, model) in memory, loaded on first use. Each use compares the stored
 * vectors' stamp (their count and newest write time: one indexed query) with the loaded one and reloads when they
 * differ, so new embeddings, re-embedded images and deleted images are seen at the next query.
 */
public final class VectorIndexCache {
    private final ImageEmbeddings embeddings;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    public VectorIndexCache(ImageEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    private record Loaded(VectorTable.Stamp stamp, VectorIndex index) {
    }

    /** The current index of the project's vectors for the model (empty when there are none). */
    public VectorIndex get(String projectId, String modelKey) {
        String key = projectId + "\u0000" + modelKey;
        VectorTable.Stamp now = embeddings.stamp(projectId, modelKey);
        Loaded l = loaded.get(key);
        if (l != null && l.stamp().equals(now)) {
            return l.index();
        }
        return loaded.compute(key, (k, old) -> {
            if (old != null && old.stamp().equals(embeddings.stamp(projectId, modelKey))) {
                return old;
            }
            VectorTable t = embeddings.load(projectId, modelKey);
            return new Loaded(t.stamp(), new VectorIndex(t.imageIds(), t.values(), t.dim()));
        }).index();
    }

    /** Forgets a project's indexes (they reload on next use). */
    public void invalidate(String projectId) {
        loaded.keySet().removeIf(k -> k.startsWith(projectId + "\u0000"));
    }
}
