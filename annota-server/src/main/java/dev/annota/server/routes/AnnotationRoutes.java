package dev.annota.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.annotations.ImageAnnotations;
import dev.annota.app.images.ImageCatalog;
import dev.annota.app.projects.InUseChoice;
import dev.annota.app.projects.RestoreAnnotations;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Json;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.store.AnnotationSets;
import dev.annota.store.images.ImageStore;
import dev.annota.store.json.AnnotationJson;
import dev.annota.store.json.AnnotationJsonReader;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One image's annotations in Annota's JSON ({@link AnnotationJson}): get (with {@code ETag: "v<version>"}),
 * put with the version edited ({@code {"version": n, "annotations": [...]}}, or {@code If-Match: "v<n>"}),
 * history, one version, restore ({@link RestoreAnnotations}). Members of the image's project read (and admins);
 * managers and annotators write (annotators only their own open jobs once the project uses the workflow: see
 * {@code AnnotationWriteRule}), reviewers only read. A stale version is a 409 whose {@code current} holds the set as it is now;
 * invalid annotations are one 400 listing every error at {@code /annotations/<index>}.
 */
public final class AnnotationRoutes implements RouteGroup {
    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"?v(\\d{1,18})\"?");

    private final ImageAnnotations annotations;
    private final RestoreAnnotations restore;

    public AnnotationRoutes(ServerContext ctx) {
        ImageCatalog catalog = new ImageCatalog(ctx.db(), new ImageStore(ctx.config().dataDir()), ctx.access());
        this.annotations = new ImageAnnotations(ctx.db(), catalog, ctx.access());
        this.restore = new RestoreAnnotations(ctx.db(), ctx.access(), ctx.auth().audit());
    }

    /**
     * A restore: the version to bring back, the current version it replaces, and what to do with annotations of
     * classes deleted since ({@code on_use}: refuse (default), delete_annotations or reassign_to with {@code reassign_to}).
     */
    public record RestoreBody(Long version, Long expectedVersion, String onUse, Integer reassignTo) {
        public RestoreBody {
            Require.present("version", version, "the saved version to restore (see annotations/history)");
            Require.present("expected_version", expectedVersion, "the current version, which the restore replaces");
        }

        InUseChoice choice() {
            return InUseChoice.parse(Optional.ofNullable(onUse), Optional.ofNullable(reassignTo));
        }
    }

    /** One entry of the history. */
    public record VersionView(long version, String at, String author, String source, int annotationCount) {
        static VersionView of(AnnotationSets.Version v) {
            return new VersionView(v.version(), v.at().toString(), v.author().orElse(null), v.source(), v.annotationCount());
        }
    }

    @Override
    public void register(Api api) {
        String path = "/images/{imageId}/annotations";
        String readers = "admin, or a member of the image's project (any role)";
        String writers = "admin, a manager of the image's project, or its annotator (only on their own open job once the "
                + "project uses the workflow)";
        api.add(Route.get(path, "The image's current annotation set, its version and ETag \"v<version>\"").tag("annotations")
                .roles(readers), call -> respondSet(call, call.path("imageId"), annotations.get(call.actor(), call.path("imageId"))));
        api.add(Route.put(path, "Replace the annotation set: {\"version\": n, \"annotations\": [...]} or If-Match; 409 with "
                        + "the current set when n is stale").tag("annotations").roles(writers), call -> {
            String imageId = call.path("imageId");
            JsonNode body = call.bodyTree();
            long version = version(call, body);
            List<Annotation> list = AnnotationJsonReader.readList(body.get("annotations"), "/annotations");
            respondSet(call, imageId, annotations.save(call.actor(), imageId, version, list));
        });
        api.add(Route.get(path + "/history", "Every saved version, newest first").tag("annotations").roles(readers)
                .returnsList(VersionView.class), call -> call.respond(annotations.history(call.actor(), call.path("imageId"))
                .stream().map(VersionView::of).toList()));
        api.add(Route.get(path + "/versions/{version}", "The annotations of one saved version").tag("annotations").roles(readers),
                call -> {
                    long v = pathVersion(call.path("version"));
                    ObjectNode o = Json.MAPPER.createObjectNode().put("image_id", call.path("imageId")).put("version", v);
                    o.set("annotations", array(annotations.version(call.actor(), call.path("imageId"), v)));
                    call.respond(o);
                });
        api.add(Route.post(path + "/restore", "Save an earlier version again as the newest; annotations of classes deleted "
                + "since need on_use: delete_annotations or reassign_to (409 with the counts otherwise)").tag("annotations")
                .roles(writers).accepts(RestoreBody.class), call -> {
            RestoreBody b = call.body(RestoreBody.class);
            String imageId = call.path("imageId");
            respondSet(call, imageId, restore.restore(call.actor(), imageId, b.version(), b.expectedVersion(), b.choice()));
        });
    }

    private static void respondSet(Call call, String imageId, AnnotationSets.Current c) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("image_id", imageId).put("version", c.version());
        o.set("annotations", array(c.annotations()));
        o.put("updated_at", c.updatedAt().toString()).put("updated_by", c.updatedBy().orElse(null)).put("source", c.source());
        call.ctx().header("ETag", "\"v" + c.version() + "\"");
        call.respond(200, o);
    }

    private static ArrayNode array(List<Annotation> list) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        list.forEach(x -> a.add(AnnotationJson.toNode(x)));
        return a;
    }

    /** The version edited: the body's {@code version}, else the If-Match header; both given must agree. */
    private static long version(Call call, JsonNode body) {
        if (!body.isObject()) {
            throw new ValidationException(new FieldError("/", "body", body.getNodeType().toString().toLowerCase(java.util.Locale.ROOT),
                    "expected a JSON object {\"version\": n, \"annotations\": [...]}"));
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("version") && !f.equals("annotations")) {
                throw new ValidationException(new FieldError("/" + f, f, f, "unknown field; expected one of [annotations, version]"));
            }
        }
        Optional<Long> fromHeader = Optional.ofNullable(call.ctx().header("If-Match")).map(h -> {
            Matcher m = IF_MATCH.matcher(h.strip());
            if (!m.matches()) {
                throw ValidationException.of("If-Match", h, "expected the ETag of the set you edited, like \"v3\"");
            }
            return Long.parseLong(m.group(1));
        });
        JsonNode v = body.get("version");
        if (v == null || v.isNull()) {
            return fromHeader.orElseThrow(() -> new ValidationException(new FieldError("/version", "version", null,
                    "required: expected the version you edited (0 for an image never saved), or an If-Match header")));
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ValidationException(new FieldError("/version", "version", v.toString(), "expected a whole number (the version you edited)"));
        }
        if (fromHeader.isPresent() && fromHeader.get() != v.asLong()) {
            throw new ValidationException(new FieldError("/version", "version", v.toString(), "expected the same version as "
                    + "the If-Match header (v" + fromHeader.get() + ")"));
        }
        return v.asLong();
    }

    private static long pathVersion(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ValidationException.of("version", raw, "expected a whole-number version");
        }
    }
}
