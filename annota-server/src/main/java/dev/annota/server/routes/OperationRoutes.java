package dev.annota.server.routes;

import dev.annota.app.exports.ExportProject;
import dev.annota.app.exports.ExportRequest;
import dev.annota.app.images.ListingReferences;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.formats.Formats;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.server.routes.OperationViews.ExportBody;
import dev.annota.server.routes.OperationViews.OperationList;
import dev.annota.server.routes.OperationViews.OperationView;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Long operations and exports: start an export (202 with the operation), list a project's operations, read one,
 * follow it as server-sent events, cancel it, download its result. Managers of the operation's project and
 * admins only, on every route (reviewers and annotators may not export: see {@link ExportProject}).
 */
public final class OperationRoutes implements RouteGroup {
    private static final String WHO = "admin, or a manager of the project";
    private final ProjectOperations operations;
    private final ExportProject exports;
    private final Duration heartbeat;
    private final ListingReferences references;

    public OperationRoutes(ServerContext ctx) {
        this(ctx, EventStream.HEARTBEAT);
    }

    /** With another time between heartbeat comments on event streams (tests use a short one). */
    public OperationRoutes(ServerContext ctx, Duration heartbeat) {
        this.operations = new ProjectOperations(ctx.db(), ctx.operations(), ctx.access());
        this.references = new ListingReferences(ctx.db(), ctx.access());
        this.exports = new ExportProject(ctx.db(), new ImageStore(ctx.config().dataDir()), Formats.standard(), operations);
        this.heartbeat = heartbeat;
    }

    @Override
    public void register(Api api) {
        api.add(Route.post("/projects/{projectId}/exports", "Export the project (or the images a filter selects) in a format as a "
                        + "zip; 202 with the operation").tag("operations").roles(WHO).accepts(ExportBody.class)
                .returns(OperationView.class).status(202), call -> {
            ExportBody b = call.body(ExportBody.class);
            ExportRequest request = new ExportRequest(b.format(), b.includeImages() == null || b.includeImages(), filter(call, b));
            OperationViews.accepted(call, exports.start(call.actor(), call.path("projectId"), request));
        });
        api.add(Route.get("/projects/{projectId}/operations", "A project's operations, newest first (limit 1-500, default 50)")
                .tag("operations").roles(WHO).returns(OperationList.class), call -> call.respond(new OperationList(
                        operations.list(call.actor(), call.path("projectId"), call.queryInt("limit", 50, 1, 500)).stream()
                                .map(OperationView::of).toList())));
        api.add(Route.get("/operations/{operationId}", "One operation: state, progress, result report").tag("operations").roles(WHO)
                .returns(OperationView.class), call -> call.respond(OperationView.of(operations.get(call.actor(), call.path("operationId")))));
        api.add(Route.get("/operations/{operationId}/events", "Server-sent events (text/event-stream): the current state, then "
                        + "progress and state events, ending after the final state").tag("operations").roles(WHO),
                call -> EventStream.stream(call.ctx(), listener -> operations.watch(call.actor(), call.path("operationId"), listener),
                        op -> OperationViews.json(OperationView.of(op)), heartbeat));
        api.add(Route.post("/operations/{operationId}/cancel", "Cancel: a queued operation at once, a running one at its next step")
                .tag("operations").roles(WHO).returns(OperationView.class),
                call -> call.respond(OperationView.of(operations.cancel(call.actor(), call.path("operationId")))));
        api.add(Route.get("/operations/{operationId}/result", "The result file (a zip for exports); 409 while not finished, "
                + "404 when it failed or was cancelled").tag("operations").roles(WHO), this::download);
    }

    private void download(Call call) throws IOException {
        ProjectOperations.ResultFile r = operations.result(call.actor(), call.path("operationId"));
        call.ctx().status(200);
        call.ctx().res().setCharacterEncoding(null);
        call.ctx().res().setContentType(r.fileName().endsWith(".zip") ? "application/zip" : "application/octet-stream");
        call.ctx().header("Content-Disposition", "attachment; filename=\"" + r.fileName().replace("\"", "") + "\"");
        call.ctx().res().setContentLengthLong(r.size());
        try (InputStream in = Files.newInputStream(r.file())) {
            in.transferTo(call.ctx().res().getOutputStream());
        }
    }

    /** Class names and usernames of the project in the path, for the filters that name them. */
    private ListingReferences.Resolver references(Call call) {
        return references.forProject(call.actor(), call.path("projectId"));
    }

    /** The filter of an export: the body's {@code filter} object or the query string's filters (not both). */
    private ImageFilter filter(Call call, ExportBody body) {
        Map<String, List<String>> query = call.ctx().queryParamMap();
        Map<String, List<String>> fields = ImageFilterParams.fields(body.filter(), "/filter");
        List<FieldError> errors = new ArrayList<>();
        if (!query.isEmpty() && !fields.isEmpty()) {
            throw new ValidationException(new FieldError("/filter", "filter", body.filter().toString(),
                    "a filter in the body or in the query string, not both"));
        }
        ImageFilter filter = query.isEmpty()
                ? ImageFilterParams.parse(fields, Set.of(), ImageFilterParams.Source.jsonObject("/filter"), references(call), errors)
                : ImageFilterParams.parse(query, Set.of(), ImageFilterParams.Source.QUERY, references(call), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return filter;
    }
}
