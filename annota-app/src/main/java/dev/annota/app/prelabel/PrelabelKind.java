package dev.annota.app.prelabel;

import dev.annota.app.operations.OperationTask;
import dev.annota.app.operations.ResumableKind;
import dev.annota.store.operations.Operation;

/**
 * Pre-labelling as a {@link ResumableKind}: after a crash the runner gives the interrupted job back, and it
 * runs again from its stored request — skipping the images its model version already ran on, so nothing is
 * done twice and no suggestion is duplicated.
 */
public final class PrelabelKind implements ResumableKind {
    private final Prelabel prelabel;
    private final FilterParser filters;

    public PrelabelKind(Prelabel prelabel, FilterParser filters) {
        this.prelabel = prelabel;
        this.filters = filters;
    }

    @Override
    public String kind() {
        return Prelabel.KIND;
    }

    @Override
    public OperationTask resume(Operation interrupted) {
        PrelabelRequest request = PrelabelRequest.fromJson(interrupted.requestJson());
        return work -> {
            // parsed when it runs, so that a filter naming a class deleted since fails this job only
            var filter = filters.parse(interrupted.projectId(), interrupted.createdBy().orElse(""), request.filter());
            return prelabel.task(interrupted.projectId(), request, filter).run(work);
        };
    }
}
