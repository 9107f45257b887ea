package dev.annota.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.app.images.ImageCatalog;
import dev.annota.app.suggestions.ModelSuggestions;
import dev.annota.app.suggestions.SuggestionSelection;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.store.images.ImageStore;
import dev.annota.store.json.AnnotationJson;
import dev.annota.store.json.AnnotationJsonReader;
import dev.annota.store.suggestions.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A model's suggestions for an image ({@link ModelSuggestions}): list (with {@code ?min_confidence}), upload a
 * model's predictions (replacing its earlier ones), accept (into the annotation set, with the set's version;
 * optionally edited) and reject. Members of the image's project read (reviewers too) and admins; managers and
 * annotators accept and reject; managers upload.
 */
public final class SuggestionRoutes implements RouteGroup {
    private final ModelSuggestions suggestions;

    public SuggestionRoutes(ServerContext ctx) {
        ImageCatalog catalog = new ImageCatalog(ctx.db(), new ImageStore(ctx.config().dataDir()), ctx.access());
        this.suggestions = new ModelSuggestions(ctx.db(), catalog);
        dev.annota.store.AnnotationIndex.rebuildMissing(ctx.db());
    }

    /** An upload: the model's version and its predictions in Annota's annotation JSON, each with a confidence. */
    public record PutBody(String version, JsonNode annotations) {
        public PutBody {
            Require.present("version", version, "the model's version, e.g. \"2024-05-01\"");
            Require.present("annotations", annotations, "an array of annotations, each with a confidence");
        }
    }

    /** An accept: the annotation set's version, the suggestions (ids, or all from min_confidence), an edited annotation. */
    public record AcceptBody(Long version, List<String> ids, Boolean all, Double minConfidence, JsonNode annotation) {
        public AcceptBody {
            Require.present("version", version, "the version of the image's annotation set you are adding to (0 if never saved)");
        }
    }

    /** A reject: the suggestions by id, or all from min_confidence. */
    public record RejectBody(List<String> ids, Boolean all, Double minConfidence) {
    }

    /** One suggestion as the API shows it. */
    public record SuggestionView(String id, String model, String modelVersion, double confidence, JsonNode annotation, String createdAt) {
        static SuggestionView of(Suggestion s) {
            return new SuggestionView(s.id(), s.model().name(), s.model().version(), s.confidence(), AnnotationJson.toNode(s.annotation()),
                    s.createdAt().toString());
        }
    }

    /** An image's suggestions. */
    public record ListView(String imageId, List<SuggestionView> suggestions) {
    }

    /** What an accept did. */
    public record AcceptView(String imageId, long version, List<String> accepted) {
    }

    /** What a reject did. */
    public record RejectView(String imageId, List<String> rejected) {
    }

    @Override
    public void register(Api api) {
        String path = "/images/{imageId}/suggestions";
        String deciders = "admin, or a manager or annotator of the image's project";
        api.add(Route.get(path, "The image's model suggestions (?min_confidence=0..1)").tag("suggestions")
                .roles("admin, or a member of the image's project (any role)").returns(ListView.class), call -> {
            double min = confidenceQuery(call);
            respond(call, suggestions.list(call.actor(), call.path("imageId"), min));
        });
        api.add(Route.put(path + "/{model}", "Replace a model's suggestions for the image: {\"version\": \"…\", \"annotations\": "
                        + "[… each with a confidence]}").tag("suggestions").roles("admin, or a manager of the image's project")
                .accepts(PutBody.class).returns(ListView.class), call -> {
            PutBody b = call.body(PutBody.class);
            List<Annotation> list = AnnotationJsonReader.readList(b.annotations(), "/annotations");
            respond(call, suggestions.put(call.actor(), call.path("imageId"), call.path("model"), b.version(), list));
        });
        api.add(Route.post(path + "/accept", "Accept suggestions into the annotation set: {\"version\": n, \"ids\": [...]} or "
                        + "{\"version\": n, \"all\": true, \"min_confidence\": x}; one id may carry an edited \"annotation\"; 409 when "
                        + "n is stale").tag("suggestions").roles(deciders).accepts(AcceptBody.class).returns(AcceptView.class), call -> {
            AcceptBody b = call.body(AcceptBody.class);
            Optional<Annotation> edited = Optional.ofNullable(b.annotation()).filter(n -> !n.isNull())
                    .map(n -> AnnotationJsonReader.read(n, "/annotation"));
            String imageId = call.path("imageId");
            ModelSuggestions.Accepted a = suggestions.accept(call.actor(), imageId, selection(b.ids(), b.all(), b.minConfidence()),
                    b.version(), edited);
            call.respond(new AcceptView(imageId, a.version(), a.accepted().stream().map(Suggestion::id).toList()));
        });
        api.add(Route.post(path + "/reject", "Reject suggestions: {\"ids\": [...]} or {\"all\": true, \"min_confidence\": x}")
                .tag("suggestions").roles(deciders).accepts(RejectBody.class).returns(RejectView.class), call -> {
            RejectBody b = call.body(RejectBody.class);
            String imageId = call.path("imageId");
            List<Suggestion> gone = suggestions.reject(call.actor(), imageId, selection(b.ids(), b.all(), b.minConfidence()));
            call.respond(new RejectView(imageId, gone.stream().map(Suggestion::id).toList()));
        });
    }

    private static void respond(Call call, List<Suggestion> list) {
        call.respond(new ListView(call.path("imageId"), list.stream().map(SuggestionView::of).toList()));
    }

    private static SuggestionSelection selection(List<String> ids, Boolean all, Double minConfidence) {
        boolean everything = Boolean.TRUE.equals(all);
        if (!everything && (ids == null || ids.isEmpty())) {
            throw ValidationException.of("ids", ids == null ? null : "[]", "expected suggestion ids, or \"all\": true");
        }
        return new SuggestionSelection(ids == null ? List.of() : ids, everything, minConfidence == null ? 0 : minConfidence);
    }

    private static double confidenceQuery(Call call) {
        List<FieldError> errors = new ArrayList<>();
        OptionalDouble min = ImageIndexFilters.confidence(call.ctx().queryParamMap(), "min_confidence", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return min.orElse(0);
    }
}
