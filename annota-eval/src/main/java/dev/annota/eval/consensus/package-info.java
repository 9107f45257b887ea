/**
 * Consensus of overlapping annotations: k annotators label the same image, and {@link
 * dev.annota.eval.consensus.Consensus#merge} turns their answers into one.
 *
 * <ul>
 *   <li>Tags: (weighted) plurality when every annotator gave at most one tag (classification), otherwise a
 *   (weighted) majority per label (multi-label).</li>
 *   <li>Objects: grouped by kind and label, clustered across annotators (each cluster holds at most one object per
 *   annotator; an annotator's objects are matched to the clusters' fused shapes by IoU, Hungarian or greedy, at a
 *   configurable threshold) and fused: boxes by weighted box fusion (weighted mean of the corners), rotated boxes
 *   and ellipses by weighted means (angles on their 180° period), polygons by the member closest to the weighted
 *   pixel majority of the cluster, masks by weighted pixel majority, keypoints by averaging the points a weighted
 *   majority labelled; any other kind by the member most similar to the rest (the medoid).</li>
 *   <li>Every merged item carries its support (weighted share of annotators who found it), the mean similarity of
 *   its members to the fused shape, and the agreement = support × mean similarity. Items whose support exceeds
 *   {@code minSupport} form the consensus; items left out of it, and items whose agreement is below
 *   {@code agreementThreshold}, are disagreements.</li>
 *   <li>Each annotator's agreement with the consensus: over the consensus items, their similarity to the fused
 *   shape (0 when they missed it), with every item they drew that did not make the consensus counted as a 0.</li>
 * </ul>
 */
package dev.annota.eval.consensus;
