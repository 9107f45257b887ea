package dev.annota.app.training;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImagePage;
import dev.annota.store.images.ImageQueries;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.ImageSort;
import dev.annota.store.images.ImageStore;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.Projects;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.LabelSet;
import dev.annota.train.data.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A project's training data: every image whose current annotation set holds tags (human tags and accepted
 * suggestions — pending suggestions are not annotations), labelled with its tags' class names; images without a
 * tag are left out. Labels are the schema's classes that carry at least one tag, in schema order. Several tags on
 * one image make the data multi-label. Images are read from the content store. Each image also brings the fields a
 * model card slices by: its metadata and its split.
 *
 * @param fields per sample id (the image id): field → value
 */
public record ProjectTrainingData(Dataset dataset, Map<String, Map<String, String>> fields) {
    private static final int PAGE = 500;

    public ProjectTrainingData {
        fields = Map.copyOf(fields);
    }

    /** Reads the project's tagged images; an {@link AnnotaException} when fewer than two classes carry tags. */
    public static ProjectTrainingData read(Database db, ImageStore store, String projectId) {
        Project project = new Projects(db).get(projectId);
        LabelSchema schema = project.schema();
        ImageQueries queries = new ImageQueries(db);
        AnnotationSets sets = new AnnotationSets(db);
        Map<String, TreeSet<String>> tagged = new LinkedHashMap<>();
        Map<String, ImageRecord> images = new LinkedHashMap<>();
        Optional<String> cursor = Optional.empty();
        do {
            ImagePage page = queries.list(projectId, ImageFilter.all(), ImageSort.oldestFirst(), PAGE, cursor);
            for (ImageRecord image : page.images()) {
                TreeSet<String> names = new TreeSet<>();
                for (Annotation a : sets.get(image.id()).annotations()) {
                    if (a instanceof Tag t) {
                        schema.get(t.info().label()).map(LabelClass::name).ifPresent(names::add);
                    }
                }
                if (!names.isEmpty()) {
                    tagged.put(image.id(), names);
                    images.put(image.id(), image);
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        List<String> labels = schema.classes().stream().map(LabelClass::name)
                .filter(n -> tagged.values().stream().anyMatch(s -> s.contains(n))).toList();
        if (labels.size() < 2) {
            throw new AnnotaException("project " + project.name() + ": training needs tags of at least 2 classes, found "
                    + (labels.isEmpty() ? "no tagged image" : labels + " on " + tagged.size() + " images"));
        }
        LabelSet set = new LabelSet(labels);
        List<Sample> samples = new ArrayList<>();
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        boolean multi = false;
        for (Map.Entry<String, TreeSet<String>> e : tagged.entrySet()) {
            ImageRecord image = images.get(e.getKey());
            int[] ids = e.getValue().stream().mapToInt(set::id).toArray();
            multi |= ids.length > 1;
            samples.add(new Sample(image.id(), store.path(image.sha256(), image.format()), ids));
            Map<String, String> f = new TreeMap<>(image.metadata());
            if (!image.split().isEmpty()) {
                f.put("split", image.split());
            }
            fields.put(image.id(), f);
        }
        return new ProjectTrainingData(new Dataset("project " + project.name(), set, samples, multi), fields);
    }
}
