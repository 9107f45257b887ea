package dev.annota.app.quality;

import dev.annota.core.geometry.ImageSize;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.quality.FinishedJob;
import dev.annota.store.quality.FinishedJobs;
import dev.annota.store.workflow.JobAnnotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every finished job's annotations of a project, grouped by image, by the workflow's rule: a task with
 * overlap 1 keeps its one job's annotations in the image's set, a task with overlap &gt; 1 one set per job.
 */
final class ProjectAnswers {
    private final FinishedJobs finished;
    private final JobAnnotations jobSets;
    private final AnnotationSets imageSets;

    ProjectAnswers(Database db) {
        this.finished = new FinishedJobs(db);
        this.jobSets = new JobAnnotations(db);
        this.imageSets = new AnnotationSets(db);
    }

    List<ImageAnswers> load(String projectId) {
        Map<String, List<FinishedJob>> byImage = new LinkedHashMap<>();
        for (FinishedJob j : finished.of(projectId)) {
            byImage.computeIfAbsent(j.imageId(), k -> new ArrayList<>()).add(j);
        }
        List<ImageAnswers> out = new ArrayList<>();
        for (List<FinishedJob> jobs : byImage.values()) {
            FinishedJob first = jobs.get(0);
            List<ImageAnswers.JobAnswer> answers = new ArrayList<>();
            for (FinishedJob j : jobs) {
                AnnotationSets.Current set = j.overlap() == 1 ? imageSets.get(j.imageId()) : jobSets.get(j.jobId());
                answers.add(new ImageAnswers.JobAnswer(j, set.version(), set.annotations()));
            }
            out.add(new ImageAnswers(first.imageId(), first.fileName(), new ImageSize(first.width(), first.height()),
                    first.overlap(), answers, first.goldVersion().flatMap(v -> imageSets.version(first.imageId(), v))));
        }
        return out;
    }
}
