package dev.annota.server.routes;

import dev.annota.app.operations.ProjectOperations;
import dev.annota.app.quality.ConsensusRequest;
import dev.annota.app.quality.QualityJson;
import dev.annota.app.quality.QualityReports;
import dev.annota.app.quality.RunConsensus;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.eval.consensus.ConsensusSettings;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.server.routes.OperationViews.OperationView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Data quality over HTTP (see {@code dev.annota.app.quality}): the agreement report of the overlapping jobs, the
 * consensus operation that merges them into each image's annotation set, and the disagreements waiting for review.
 * Agreement: every member (annotators get only their own row); consensus: managers; disagreements: managers and
 * reviewers.
 */
public final class QualityRoutes implements RouteGroup {
    private static final String MEMBERS = "admin, or any member of the project (annotators see only their own row)";
    private final QualityReports reports;
    private final RunConsensus consensus;
    private final ProjectOperations operations;

    public QualityRoutes(ServerContext ctx) {
        this.reports = new QualityReports(ctx.db(), ctx.access());
        this.consensus = new RunConsensus(ctx.db(), ctx.access());
        this.operations = new ProjectOperations(ctx.db(), ctx.operations(), ctx.access());
    }

    /** The consensus run's body; absent fields take {@link ConsensusSettings#defaults()}, weighting equal. */
    record ConsensusBody(Double iouThreshold, Double minSupport, Double agreementThreshold, String matching,
                         String weighting, List<String> imageIds) {
    }

    @Override
    public void register(Api api) {
        String p = "/projects/{projectId}/quality";
        api.add(Route.get(p + "/agreement", "Agreement of the annotators on the images several finished: per project, class, "
                        + "annotator and pair, gold accuracy, disputed images (?iou_threshold=, min_support=, agreement_threshold=)")
                .tag("quality").roles(MEMBERS), call -> call.respond(QualityJson.agreement(reports.agreement(call.actor(),
                call.path("projectId"), settings(call)))));
        api.add(Route.post(p + "/consensus", "Merge the finished jobs of every overlapping image into its annotation set and flag "
                        + "disagreements for review: {iou_threshold, min_support, agreement_threshold, matching: hungarian|greedy, "
                        + "weighting: equal|gold, image_ids}; 202 with the operation").tag("quality").roles("admin", "manager")
                .accepts(ConsensusBody.class).returns(OperationView.class).status(202), call -> {
            ConsensusBody b = call.body(ConsensusBody.class);
            ConsensusSettings d = ConsensusSettings.defaults();
            ConsensusSettings s = new ConsensusSettings(or(b.iouThreshold(), d.iouThreshold()),
                    or(b.minSupport(), d.minSupport()), or(b.agreementThreshold(), d.agreementThreshold()), matching(b.matching()));
            ConsensusRequest request = new ConsensusRequest(call.path("projectId"), s,
                    ConsensusRequest.Weighting.parse(Optional.ofNullable(b.weighting()).orElse("equal")),
                    Optional.ofNullable(b.imageIds()));
            OperationViews.accepted(call, consensus.start(call.actor(), operations, request));
        });
        api.add(Route.get(p + "/disagreements", "Images whose last consensus has disagreements not yet reviewed, least agreement "
                        + "first (limit 1-1000, default 100)").tag("quality").roles("admin", "manager", "reviewer"),
                call -> call.respond(QualityJson.records(reports.awaitingReview(call.actor(), call.path("projectId"),
                        call.queryInt("limit", 100, 1, 1000)))));
        api.add(Route.post("/images/{imageId}/consensus/resolve", "Mark the image's consensus disagreements as reviewed")
                        .tag("quality").roles("admin", "manager", "reviewer"),
                call -> call.respond(QualityJson.record(reports.resolve(call.actor(), call.path("imageId")))));
    }

    private static ConsensusSettings settings(Call call) {
        ConsensusSettings d = ConsensusSettings.defaults();
        return new ConsensusSettings(unit(call, "iou_threshold", d.iouThreshold()), unit(call, "min_support", d.minSupport()),
                unit(call, "agreement_threshold", d.agreementThreshold()), d.matching());
    }

    private static double unit(Call call, String name, double fallback) {
        Optional<String> raw = call.query(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(raw.get().trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(new FieldError("?" + name, name, raw.get(), "expected a number from 0 to 1, e.g. 0.5"));
        }
    }

    private static ConsensusSettings.Matching matching(String text) {
        if (text == null) {
            return ConsensusSettings.defaults().matching();
        }
        for (ConsensusSettings.Matching m : ConsensusSettings.Matching.values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(text)) {
                return m;
            }
        }
        throw ValidationException.of("matching", text, "expected hungarian or greedy");
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }
}
