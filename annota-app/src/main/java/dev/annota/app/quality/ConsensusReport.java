package dev.annota.app.quality;

import java.util.OptionalDouble;

/**
 * What a consensus run did.
 *
 * @param merged         images whose merged answer was written as their annotation set
 * @param needsReview    of those, images with disagreements (flagged for review)
 * @param conflicts      images skipped because their annotation set changed while the run wrote it
 * @param meanAgreement  mean agreement of the merged images
 */
public record ConsensusReport(int merged, int needsReview, int conflicts, OptionalDouble meanAgreement) {
}
