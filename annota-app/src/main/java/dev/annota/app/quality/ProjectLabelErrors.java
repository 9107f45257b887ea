package dev.annota.app.quality;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.embeddings.ProjectSimilarity;
import dev.annota.app.embeddings.VectorIndex;
import dev.annota.app.embeddings.VectorIndexCache;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelClass;
import dev.annota.store.Database;
import dev.annota.store.embeddings.ImageEmbeddings;
import dev.annota.store.projects.Projects;
import dev.annota.store.quality.QualitySignals;
import dev.annota.train.CrossValidation;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Label errors in a project: the images whose current annotation set has exactly one class, their stored
 * embeddings (the project's embedding model) as features, a linear head cross-validated on them, and confident
 * learning. Any member of the project may read the list; suspects name image ids.
 */
public final class ProjectLabelErrors {
    private final Access access;
    private final Projects projects;
    private final QualitySignals signals;
    private final ProjectSimilarity similarity;
    private final VectorIndexCache vectors;

    public ProjectLabelErrors(Database db, Access access, ProjectSimilarity similarity) {
        this.access = access;
        this.projects = new Projects(db);
        this.signals = new QualitySignals(db);
        this.similarity = similarity;
        this.vectors = new VectorIndexCache(new ImageEmbeddings(db));
    }

    /** The report for the project; {@code folds} from 2 to 20, {@code model} the embedding model key (optional when only one). */
    public LabelErrorReport find(Actor actor, String projectId, int folds, Optional<String> model) {
        access.requireProjectRole(actor, projectId);
        Map<Integer, String> names = new LinkedHashMap<>();
        for (LabelClass c : projects.get(projectId).schema().classes()) {
            names.put(c.id().value(), c.name());
        }
        String key = similarity.modelKey(projectId, model);
        VectorIndex index = vectors.get(projectId, key);
        List<String> ids = new ArrayList<>();
        List<Integer> given = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        signals.labelsByImage(projectId).forEach((image, labels) -> {
            if (labels.length == 1 && names.containsKey(labels[0]) && index.row(image).isPresent()) {
                ids.add(image);
                given.add(labels[0]);
                features.add(index.vector(index.row(image).getAsInt()));
            }
        });
        List<Integer> used = given.stream().distinct().sorted().toList();
        if (used.size() < 2) {
            throw new NotFoundException("project " + projectId + " has " + ids.size() + " embedded images with one class each, in "
                    + used.size() + " class(es); label-error detection needs at least 2 classes");
        }
        if (folds < 2 || folds > 20 || folds > ids.size()) {
            throw ValidationException.of("folds", folds, "expected 2 to 20 and at most the number of usable images (" + ids.size() + ")");
        }
        List<String> classes = used.stream().map(names::get).toList();
        int[] labels = given.stream().mapToInt(used::indexOf).toArray();
        TrainConfig config = TrainConfig.defaults(TrainMode.HEAD).withEpochs(100).withPatience(0).withLearningRate(0.05).withSeed(1);
        try {
            return LabelErrorSearch.find(FeatureDatasets.singleLabel("project " + projectId, classes, ids, labels), config, folds,
                    Optional.of(features.toArray(float[][]::new)), "linear head on embeddings " + key, new CrossValidation.FoldListener() {
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
