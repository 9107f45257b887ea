package dev.annota.server.routes;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.GlobalRole;
import dev.annota.app.images.ListingReferences;
import dev.annota.app.models.LoadedModels;
import dev.annota.app.models.ModelRegistry;
import dev.annota.app.models.ProjectModelLinks;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.app.operations.ResumableKind;
import dev.annota.app.prelabel.FilterParser;
import dev.annota.app.prelabel.Prelabel;
import dev.annota.app.prelabel.PrelabelKind;
import dev.annota.app.prelabel.PrelabelRequest;
import dev.annota.app.prelabel.PrelabelSettings;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.PredictorOptions;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerConfig;
import dev.annota.server.ServerContext;
import dev.annota.server.routes.ModelViews.PrelabelBody;
import dev.annota.server.routes.OperationViews.OperationView;
import dev.annota.store.Database;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/projects/{p}/prelabel}: a pre-labelling operation ({@link Prelabel}) with the image
 * listing's filter (in the body's {@code filter} or the query string, parsed by {@link ImageFilterParams});
 * follow, cancel and read it with the operation endpoints. Managers and admins. {@link #resumableKinds} gives
 * the server's operation runner the kind that resumes interrupted jobs.
 */
public final class PrelabelRoutes implements RouteGroup {
    private final Prelabel prelabel;
    private final ProjectOperations operations;
    private final ListingReferences references;

    PrelabelRoutes(ServerContext ctx, ProjectModelLinks links, LoadedModels loaded) {
        this.prelabel = new Prelabel(ctx.db(), new ImageStore(ctx.config().dataDir()), links, loaded, PrelabelSettings.defaults(), n -> { });
        this.operations = new ProjectOperations(ctx.db(), ctx.operations(), ctx.access());
        this.references = new ListingReferences(ctx.db(), ctx.access());
    }

    /** The kinds of operation that resume after a restart: pre-labelling. */
    public static List<ResumableKind> resumableKinds(ServerConfig config, Database db) {
        Access access = Access.of(db);
        ModelRegistry registry = new ModelRegistry(db, config.dataDir(), access);
        ProjectModelLinks links = new ProjectModelLinks(db, registry, access);
        Prelabel prelabel = new Prelabel(db, new ImageStore(config.dataDir()), links, new LoadedModels(registry, PredictorOptions.defaults()),
                PrelabelSettings.defaults(), n -> { });
        ListingReferences references = new ListingReferences(db, access);
        FilterParser filters = (projectId, userId, params) -> {
            Actor owner = new Actor(userId.isEmpty() ? "system" : userId, "prelabel", GlobalRole.ADMIN);
            return parse(params, ImageFilterParams.Source.jsonObject("/filter"), references.forProject(owner, projectId));
        };
        return List.of(new PrelabelKind(prelabel, filters));
    }

    @Override
    public void register(Api api) {
        api.add(Route.post("/projects/{projectId}/prelabel", "Pre-label the project (or the images a filter selects) with a linked "
                        + "model: {model_id, threshold, max_detections, only_without_annotations, only_without_suggestions, redo, "
                        + "filter}; 202 with the operation").tag("operations").roles("admin", "manager").accepts(PrelabelBody.class)
                .returns(OperationView.class).status(202), this::start);
    }

    private void start(Call call) {
        PrelabelBody b = call.body(PrelabelBody.class);
        String projectId = call.path("projectId");
        operations.requireManager(call.actor(), projectId);
        Map<String, List<String>> query = call.ctx().queryParamMap();
        Map<String, List<String>> fields = ImageFilterParams.fields(b.filter(), "/filter");
        if (!query.isEmpty() && !fields.isEmpty()) {
            throw new ValidationException(new FieldError("/filter", "filter", b.filter().toString(),
                    "a filter in the body or in the query string, not both"));
        }
        Map<String, List<String>> params = query.isEmpty() ? fields : query;
        ImageFilterParams.Source source = query.isEmpty() ? ImageFilterParams.Source.jsonObject("/filter") : ImageFilterParams.Source.QUERY;
        ImageFilter filter = parse(params, source, references.forProject(call.actor(), projectId));
        PrelabelRequest request = new PrelabelRequest(b.modelId(), b.threshold() == null ? PrelabelRequest.DEFAULT_THRESHOLD : b.threshold(),
                b.maxDetections() == null ? PrelabelRequest.DEFAULT_MAX_DETECTIONS : b.maxDetections(),
                Boolean.TRUE.equals(b.onlyWithoutAnnotations()), Boolean.TRUE.equals(b.onlyWithoutSuggestions()), Boolean.TRUE.equals(b.redo()),
                params);
        OperationViews.accepted(call, prelabel.start(call.actor(), projectId, request, filter, operations));
    }

    private static ImageFilter parse(Map<String, List<String>> params, ImageFilterParams.Source source, ListingReferences.Resolver refs) {
        List<FieldError> errors = new ArrayList<>();
        ImageFilter filter = ImageFilterParams.parse(params, Set.of(), source, refs, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return filter;
    }
}
