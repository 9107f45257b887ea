package dev.annota.app.quality;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A project's annotation quality: agreement over the images several annotators finished (overlap), per class, per
 * annotator and per pair of annotators, accuracy on gold images, and the images the annotators disagree on.
 * Figures that cannot be computed (no data, or a κ of 0/0) are empty.
 *
 * @param restricted true when the caller is an annotator: only their own row, no pairs and no disagreements
 */
public record AgreementReport(String projectId, Overview project, List<ClassAgreement> classes,
                              List<AnnotatorAgreement> annotators, List<PairAgreement> pairs,
                              List<Disagreement> disagreements, boolean restricted) {
    public AgreementReport {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(project, "project");
        classes = List.copyOf(classes);
        annotators = List.copyOf(annotators);
        pairs = List.copyOf(pairs);
        disagreements = List.copyOf(disagreements);
    }

    /**
     * Project-wide figures.
     *
     * @param images             images that at least two annotators finished
     * @param finishedJobs       finished jobs with an annotator
     * @param goldImages         gold images with at least one finished job
     * @param fleissKappa        Fleiss' κ of the image tags, over the tagged images with the most common number of
     *                           ratings ({@code fleissItems} of them)
     * @param krippendorffAlpha  Krippendorff's α (nominal) of the image tags, all raters, missing ratings allowed
     * @param meanIou            mean IoU of the objects matched between pairs of annotators
     * @param consensusAgreement mean agreement of the merged items (see {@code dev.annota.eval.consensus})
     * @param disputedImages     images with at least one disagreement
     * @param goldAccuracy       mean score of every finished job on a gold image
     */
    public record Overview(int images, int finishedJobs, int goldImages, OptionalDouble fleissKappa, int fleissItems,
                           OptionalDouble krippendorffAlpha, OptionalDouble meanIou, OptionalDouble consensusAgreement,
                           int disputedImages, OptionalDouble goldAccuracy) {
    }

    /**
     * One class.
     *
     * @param tagAlpha Krippendorff's α of "the image has this tag" (yes/no) across annotators
     * @param objects  objects of this class drawn on overlapping images
     * @param matched  pairs of them matched between annotators
     */
    public record ClassAgreement(int labelId, String name, OptionalDouble tagAlpha, int objects, int matched,
                                 OptionalDouble meanIou, OptionalDouble consensusAgreement) {
    }

    /**
     * One annotator.
     *
     * @param images             overlapping images they finished
     * @param consensusAgreement their agreement with the consensus (see {@code AnnotatorScore})
     * @param meanIou            mean IoU of their objects matched with other annotators' objects
     * @param meanCohenKappa     mean Cohen's κ of their tags with each other annotator's
     * @param goldImages         gold images they finished
     * @param goldAccuracy       their mean score on those (tags right, objects found at the IoU threshold)
     */
    public record AnnotatorAgreement(String userId, String username, int images, OptionalDouble consensusAgreement,
                                     OptionalDouble meanIou, OptionalDouble meanCohenKappa, int goldImages,
                                     OptionalDouble goldAccuracy) {
    }

    /** Two annotators over the images both finished. */
    public record PairAgreement(String userA, String userB, int images, int tagItems, OptionalDouble cohenKappa,
                                int matched, OptionalDouble meanIou) {
    }

    /** An image whose consensus has disagreements. */
    public record Disagreement(String imageId, String fileName, int annotators, double agreement, int disputedItems) {
    }
}
