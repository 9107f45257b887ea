package dev.annota.server.routes;

import dev.annota.app.models.ModelRegistry;
import dev.annota.app.models.ProjectModelLinks;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.app.training.TrainProject;
import dev.annota.app.training.TrainRequest;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.server.routes.OperationViews.OperationView;
import java.util.List;
import java.util.Optional;

/**
 * Training in a project ({@link TrainProject}): {@code POST /projects/{p}/trainings} queues a {@code training}
 * operation on the project's accepted tags — follow it with {@code /operations/{id}/events} (a phase per epoch;
 * {@code result.epochs} lists the finished epochs with loss and metrics while it runs), cancel it with
 * {@code /operations/{id}/cancel}; when it succeeds the model is registered and linked to the project
 * ({@code result.model_id}). {@code GET} lists the project's trainings, newest first, with their metrics. Managers
 * and admins.
 */
public final class TrainingRoutes implements RouteGroup {
    private static final String[] WHO = {"admin", "manager"};
    private final TrainProject train;
    private final ProjectOperations operations;

    public TrainingRoutes(ServerContext ctx) {
        ModelRegistry registry = new ModelRegistry(ctx.db(), ctx.config().dataDir(), ctx.access());
        this.train = new TrainProject(ctx.db(), ctx.config().dataDir(), registry, new ProjectModelLinks(ctx.db(), registry, ctx.access()));
        this.operations = new ProjectOperations(ctx.db(), ctx.operations(), ctx.access());
    }

    /** {@code mode} head or cnn; {@code backbone} (head) a registered model's id or name; the rest optional. */
    record TrainingBody(String mode, String backbone, Boolean multiLabel, Integer epochs, Long seed, String name) {
        TrainingBody {
            Require.present("mode", mode, "head or cnn");
        }
    }

    /** A project's trainings (operations of kind training), newest first. */
    record TrainingList(List<OperationView> trainings) {
    }

    @Override
    public void register(dev.annota.server.Api api) {
        api.add(Route.post("/projects/{projectId}/trainings", "Train a classifier on the project's accepted tags: {mode: head|cnn, "
                        + "backbone (head: a registered model), multi_label, epochs, seed, name}; 202 with the training operation")
                .tag("training").roles(WHO).accepts(TrainingBody.class).returns(OperationView.class).status(202), this::start);
        api.add(Route.get("/projects/{projectId}/trainings", "The project's trainings, newest first, each with its request, progress "
                        + "and (once finished) its metrics and model (limit 1-200, default 50)")
                .tag("training").roles(WHO).returns(TrainingList.class), this::list);
    }

    private void start(Call call) {
        TrainingBody b = call.body(TrainingBody.class);
        TrainRequest request = new TrainRequest(TrainRequest.mode(b.mode()), Optional.ofNullable(b.backbone()),
                Boolean.TRUE.equals(b.multiLabel()), Optional.ofNullable(b.epochs()), b.seed() == null ? 1 : b.seed(),
                Optional.ofNullable(b.name()));
        OperationViews.accepted(call, train.start(call.actor(), call.path("projectId"), request, operations));
    }

    private void list(Call call) {
        int limit = call.queryInt("limit", 50, 1, 200);
        call.respond(new TrainingList(train.list(call.actor(), call.path("projectId"), operations, limit).stream()
                .map(OperationView::of).toList()));
    }
}
