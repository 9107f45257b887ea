package dev.annota.app.suggestions;

import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.app.images.ImageCatalog;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoundsPolicy;
import dev.annota.core.annotation.SchemaValidator;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.projects.Projects;
import dev.annota.store.suggestions.Suggestion;
import dev.annota.store.suggestions.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A model's suggestions for an image, as users see and act on them. Any member of the image's project reads
 * (reviewers too) and admins; managers and annotators accept and reject; managers upload predictions (scripts,
 * tests; the pre-labelling job calls {@link Suggestions#putAll} directly).
 *
 * <p>Uploaded predictions are checked against the project's schema (each error at {@code /annotations/<i>}) and
 * clipped to the image ({@link BoundsPolicy#CLIP}: models often reach a pixel past the border). Accepting checks
 * again that the classes still exist (a class deleted since is a 409) and that an edited annotation fits the
 * schema and the image ({@link BoundsPolicy#REJECT}, as a human edit).
 */
public final class ModelSuggestions {
    private static final String MODEL_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    private static final ProjectRole[] DECIDERS = {ProjectRole.MANAGER, ProjectRole.ANNOTATOR};

    private final ImageCatalog catalog;
    private final Suggestions suggestions;
    private final Projects projects;
    private final AnnotationSets sets;

    public ModelSuggestions(Database db, ImageCatalog catalog) {
        this.catalog = catalog;
        this.suggestions = new Suggestions(db);
        this.projects = new Projects(db);
        this.sets = new AnnotationSets(db);
    }

    /** The image's suggestions with a confidence of at least {@code minConfidence}. */
    public List<Suggestion> list(Actor actor, String imageId, double minConfidence) {
        catalog.image(actor, imageId);
        checkConfidence("min_confidence", minConfidence);
        return suggestions.list(imageId, minConfidence);
    }

    /** Replaces the suggestions of model {@code modelName} for the image; returns them as stored. */
    public List<Suggestion> put(Actor actor, String imageId, String modelName, String modelVersion, List<Annotation> annotations) {
        ImageRecord image = catalog.image(actor, imageId, ProjectRole.MANAGER);
        if (!modelName.matches(MODEL_NAME)) {
            throw ValidationException.of("model", modelName, "expected a model name of letters, digits, '.', '_' or '-' (at most 100)");
        }
        if (modelVersion.isBlank() || modelVersion.length() > 100) {
            throw ValidationException.of("version", modelVersion, "expected a model version of 1 to 100 characters");
        }
        LabelSchema schema = projects.get(image.projectId()).schema();
        ImageSize size = new ImageSize(image.width(), image.height());
        List<FieldError> errors = new ArrayList<>();
        List<Annotation> fitted = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            String at = "/annotations/" + i;
            SchemaValidator.errors(schema, annotations.get(i)).forEach(e -> errors.add(e.at(at)));
            try {
                fitted.add(BoundsPolicy.CLIP.apply(annotations.get(i), size));
            } catch (ValidationException e) {
                errors.addAll(e.at(at).errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return suggestions.put(imageId, modelName, modelVersion, fitted);
    }

    /**
     * Appends the selected suggestions to the image's annotation set as the version after {@code expectedVersion}
     * (a stale one is a {@code VersionConflict}) and removes them; {@code edited}, only with one suggestion,
     * replaces its annotation. Returns the suggestions accepted and the new version.
     */
    public Accepted accept(Actor actor, String imageId, SuggestionSelection selection, long expectedVersion,
                           Optional<Annotation> edited) {
        ImageRecord image = catalog.image(actor, imageId, DECIDERS);
        if (expectedVersion < 0) {
            throw ValidationException.of("version", expectedVersion, "expected a version >= 0 (0: the image has never been saved)");
        }
        List<Suggestion> chosen = select(imageId, selection);
        if (chosen.isEmpty()) {
            return new Accepted(List.of(), sets.get(imageId).version()); // "all" when there are none: nothing to do
        }
        LabelSchema schema = projects.get(image.projectId()).schema();
        Map<String, Annotation> replacements = Map.of();
        if (edited.isPresent()) {
            if (chosen.size() != 1 || selection.all()) {
                throw ValidationException.of("annotation", "(edited)", "expected an edited annotation only when accepting one suggestion by id");
            }
            List<FieldError> errors = new ArrayList<>();
            SchemaValidator.errors(schema, edited.get()).forEach(e -> errors.add(e.at("/annotation")));
            try {
                BoundsPolicy.REJECT.apply(edited.get(), new ImageSize(image.width(), image.height()));
            } catch (ValidationException e) {
                errors.addAll(e.at("/annotation").errors());
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            replacements = Map.of(chosen.get(0).id(), edited.get());
        }
        Set<Integer> deleted = new LinkedHashSet<>();
        if (edited.isEmpty()) {
            chosen.stream().filter(s -> !schema.contains(s.annotation().label())).forEach(s -> deleted.add(s.annotation().label().value()));
        }
        if (!deleted.isEmpty()) {
            throw new ConflictException("image " + imageId + ": suggestions of classes " + deleted + " cannot be accepted: those classes "
                    + "were deleted from the schema since (reject them, or accept one edited to another class)");
        }
        Suggestions.Accepted a = suggestions.accept(imageId, chosen, replacements, expectedVersion, actor.userId(), actor.username());
        return new Accepted(chosen, a.version());
    }

    /** Removes the selected suggestions; returns those removed. */
    public List<Suggestion> reject(Actor actor, String imageId, SuggestionSelection selection) {
        catalog.image(actor, imageId, DECIDERS);
        List<Suggestion> chosen = select(imageId, selection);
        suggestions.reject(imageId, chosen.stream().map(Suggestion::id).toList());
        return chosen;
    }

    /** What an accept did: the suggestions taken and the annotation set's new version. */
    public record Accepted(List<Suggestion> accepted, long version) {
        public Accepted {
            accepted = List.copyOf(accepted);
        }
    }

    private List<Suggestion> select(String imageId, SuggestionSelection selection) {
        List<Suggestion> present = suggestions.list(imageId, selection.minConfidence());
        if (selection.all()) {
            return present;
        }
        List<Suggestion> chosen = new ArrayList<>();
        for (String id : new LinkedHashSet<>(selection.ids())) {
            chosen.add(present.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new NotFoundException(
                    "image " + imageId + ": no suggestion " + id + " (accepted or rejected already, or of another image)")));
        }
        return chosen;
    }

    private static void checkConfidence(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw ValidationException.of(field, value, "expected a confidence in [0, 1]");
        }
    }
}
