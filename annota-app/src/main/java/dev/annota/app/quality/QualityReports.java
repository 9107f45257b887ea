package dev.annota.app.quality;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.core.error.NotFoundException;
import dev.annota.eval.consensus.ConsensusSettings;
import dev.annota.store.Database;
import dev.annota.store.images.Images;
import dev.annota.store.projects.Projects;
import dev.annota.store.quality.ConsensusRecord;
import dev.annota.store.quality.ConsensusResults;
import java.util.List;
import java.util.Optional;

/**
 * Reading a project's quality: the agreement report and the images whose consensus waits for review.
 *
 * <p>Who sees what: admins, managers and reviewers see everything. Annotators see the project and class figures
 * and only their own row — no other annotator's scores, no pairs, no disagreement list (which would tell them
 * where their colleagues differ) — so the report they get is marked {@code restricted}. Non-members are refused.
 */
public final class QualityReports {
    private final Access access;
    private final Projects projects;
    private final Images images;
    private final ProjectAnswers answers;
    private final ConsensusResults results;

    public QualityReports(Database db, Access access) {
        this.access = access;
        this.projects = new Projects(db);
        this.images = new Images(db);
        this.answers = new ProjectAnswers(db);
        this.results = new ConsensusResults(db);
    }

    /** The project's agreement report, as far as the caller may see it. */
    public AgreementReport agreement(Actor actor, String projectId, ConsensusSettings settings) {
        Optional<ProjectRole> role = access.requireProjectRole(actor, projectId);
        AgreementReport full = AgreementCalculator.compute(projectId, projects.get(projectId).schema(),
                answers.load(projectId), settings);
        if (actor.isAdmin() || role.map(r -> r != ProjectRole.ANNOTATOR).orElse(true)) {
            return full;
        }
        return new AgreementReport(projectId, full.project(), full.classes(),
                full.annotators().stream().filter(a -> a.userId().equals(actor.userId())).toList(), List.of(), List.of(),
                true);
    }

    /** The images whose last consensus has disagreements not yet reviewed, least agreement first. */
    public List<ConsensusRecord> awaitingReview(Actor actor, String projectId, int limit) {
        access.requireProjectRole(actor, projectId, ProjectRole.MANAGER, ProjectRole.REVIEWER);
        projects.get(projectId);
        return results.awaitingReview(projectId, limit);
    }

    /** Marks an image's consensus disagreements as reviewed (managers and reviewers). */
    public ConsensusRecord resolve(Actor actor, String imageId) {
        String projectId = images.get(imageId).orElseThrow(() -> new NotFoundException("image " + imageId
                + " does not exist")).projectId();
        access.requireProjectRole(actor, projectId, ProjectRole.MANAGER, ProjectRole.REVIEWER);
        if (!results.resolve(imageId)) {
            throw new NotFoundException("image " + imageId + " has no consensus yet: run the consensus first");
        }
        return results.get(imageId).orElseThrow();
    }
}
