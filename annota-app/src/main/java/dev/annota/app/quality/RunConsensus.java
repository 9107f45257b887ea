package dev.annota.app.quality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.Progress;
import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.app.operations.OperationOutcome;
import dev.annota.app.operations.OperationTask;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.eval.consensus.ConsensusSettings;
import dev.annota.eval.consensus.Consensus;
import dev.annota.eval.consensus.ImageConsensus;
import dev.annota.eval.consensus.MergedItem;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.VersionConflict;
import dev.annota.store.operations.Operation;
import dev.annota.store.projects.Projects;
import dev.annota.store.quality.ConsensusRecord;
import dev.annota.store.quality.ConsensusResults;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Merges the finished answers of every overlapping image (see {@code dev.annota.eval.consensus}) and writes the
 * merged answer as the image's annotation set (source {@code consensus}, author the caller: the set's history
 * keeps what was there before), with its provenance in {@code consensus_results}: settings, the jobs and versions
 * merged, the agreement and the disputed items. Images with disagreements are flagged for review. Managers only.
 * A run is an operation with progress (one step per image); running it again recomputes from the jobs.
 */
public final class RunConsensus {
    /** The operation kind. */
    public static final String KIND = "consensus";
    private final Access access;
    private final Projects projects;
    private final ProjectAnswers answers;
    private final AnnotationSets sets;
    private final ConsensusResults results;

    public RunConsensus(Database db, Access access) {
        this.access = access;
        this.projects = new Projects(db);
        this.answers = new ProjectAnswers(db);
        this.sets = new AnnotationSets(db);
        this.results = new ConsensusResults(db);
    }

    /** Starts the run as an operation of the project. */
    public Operation start(Actor actor, ProjectOperations operations, ConsensusRequest request) {
        check(actor, request.projectId());
        return operations.start(actor, request.projectId(), KIND, request.toJson(), task(actor, request));
    }

    private OperationTask task(Actor actor, ConsensusRequest request) {
        return work -> {
            ConsensusReport r = run(actor, request, work.progress());
            return new OperationOutcome(Optional.empty(), QualityJson.consensus(r).toString(), r.merged()
                    + " images merged, " + r.needsReview() + " sent to review");
        };
    }

    /** Runs at once on the caller's thread (the CLI, tests). */
    public ConsensusReport run(Actor actor, ConsensusRequest request, Progress progress) {
        check(actor, request.projectId());
        List<ImageAnswers> all = answers.load(request.projectId());
        Map<String, Double> weights = request.weighting() == ConsensusRequest.Weighting.GOLD ? goldWeights(all,
                request.settings()) : Map.of();
        Set<String> wanted = request.imageIds().map(HashSet::new).orElse(null);
        List<ImageAnswers> todo = all.stream().filter(ImageAnswers::overlapping)
                .filter(i -> wanted == null || wanted.contains(i.imageId())).toList();
        progress.start("consensus", todo.size());
        int merged = 0, review = 0, conflicts = 0;
        double agreement = 0;
        for (ImageAnswers image : todo) {
            progress.checkCancelled();
            ImageConsensus c = Consensus.merge(image.consensusInput(weights), request.settings(), image.size());
            Optional<Long> written = write(actor, image.imageId(), c);
            if (written.isPresent()) {
                boolean disputed = !c.disagreements().isEmpty();
                results.save(new ConsensusRecord(image.imageId(), request.projectId(), image.fileName(), written.get(),
                        image.answers().size(), c.agreement(), c.disagreements().size(), disputed,
                        details(request, image, c), Instant.now(), Optional.of(actor.userId())));
                merged++;
                review += disputed ? 1 : 0;
                agreement += c.agreement();
            } else {
                conflicts++;
            }
            progress.step(merged + conflicts);
        }
        progress.finish();
        return new ConsensusReport(merged, review, conflicts,
                merged == 0 ? OptionalDouble.empty() : OptionalDouble.of(agreement / merged));
    }

    private void check(Actor actor, String projectId) {
        access.requireProjectRole(actor, projectId, ProjectRole.MANAGER);
        projects.get(projectId);
    }

    /** Saves the merged set over the current one; tries twice, then leaves the image to a later run. */
    private Optional<Long> write(Actor actor, String imageId, ImageConsensus c) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                long current = sets.get(imageId).version();
                return Optional.of(sets.save(imageId, current, c.annotations(), Optional.of(actor.userId()), KIND));
            } catch (VersionConflict e) {
                // someone saved in between: read the new version and try again
            }
        }
        return Optional.empty();
    }

    private static Map<String, Double> goldWeights(List<ImageAnswers> all, ConsensusSettings settings) {
        Map<String, double[]> sums = new HashMap<>();
        Set<String> users = new HashSet<>();
        for (ImageAnswers image : all) {
            image.answers().forEach(a -> users.add(a.userId()));
            image.gold().ifPresent(known -> image.answers().forEach(a -> {
                double[] s = sums.computeIfAbsent(a.userId(), k -> new double[2]);
                s[0] += GoldScore.of(a.annotations(), known, image.size(), settings.iouThreshold());
                s[1]++;
            }));
        }
        Map<String, Double> weights = new HashMap<>();
        sums.forEach((u, s) -> weights.put(u, Math.max(0.05, s[0] / s[1])));
        double mean = weights.values().stream().mapToDouble(Double::doubleValue).average().orElse(1);
        users.forEach(u -> weights.putIfAbsent(u, mean));
        return weights;
    }

    private static String details(ConsensusRequest request, ImageAnswers image, ImageConsensus c) {
        ObjectNode n = request.toNode();
        n.remove("image_ids");
        ArrayNode jobs = n.putArray("jobs");
        image.answers().forEach(a -> jobs.addObject().put("job_id", a.job().jobId()).put("user_id", a.userId())
                .put("version", a.version()));
        ArrayNode disputed = n.putArray("disputed");
        for (MergedItem item : c.disagreements()) {
            disputed.add(QualityJson.item(item));
        }
        return n.toString();
    }
}
