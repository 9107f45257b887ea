package dev.annota.app.quality;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.eval.consensus.AnnotatorAnswer;
import dev.annota.store.quality.FinishedJob;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The finished answers for one image: one per annotator, with the image's known answer when it is a gold image.
 *
 * @param gold the annotations of the gold version, for gold images whose version still exists
 */
record ImageAnswers(String imageId, String fileName, ImageSize size, int overlap, List<JobAnswer> answers,
                    Optional<List<Annotation>> gold) {
    ImageAnswers {
        Objects.requireNonNull(imageId, "imageId");
        answers = List.copyOf(answers);
        Objects.requireNonNull(gold, "gold");
    }

    /** One finished job's annotations, at the version read. */
    record JobAnswer(FinishedJob job, long version, List<Annotation> annotations) {
        JobAnswer {
            annotations = List.copyOf(annotations);
        }

        String userId() {
            return job.userId();
        }
    }

    /** Whether several annotators answered, so that they can be compared. */
    boolean overlapping() {
        return answers.size() >= 2;
    }

    /** The answers as consensus input, each weighted by {@code weights} (1 when absent). */
    List<AnnotatorAnswer> consensusInput(java.util.Map<String, Double> weights) {
        return answers.stream().map(a -> new AnnotatorAnswer(a.userId(), weights.getOrDefault(a.userId(), 1.0),
                a.annotations())).toList();
    }
}
