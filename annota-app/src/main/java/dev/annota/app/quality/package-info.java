/**
 * The data-quality loop's label-error detection and active learning.
 * <ul>
 * <li>{@link dev.annota.app.quality.LabelErrorSearch}: k-fold out-of-fold probabilities (annota-train's
 * {@code CrossValidation}) and confident learning (annota-eval) over an ImageFolder (head on a backbone, or cnn)
 * or over a project's stored embeddings and current classes ({@link dev.annota.app.quality.ProjectLabelErrors}).
 * Endpoint: {@code GET /projects/{p}/quality/label-errors?folds=K} →
 * {@code {"method", "folds", "labels", "estimated_error_rate", "suspects": [{"image", "given", "suggested", "score"}]}}.</li>
 * <li>{@link dev.annota.app.quality.NextToLabel}: the next unlabelled images to label by least confidence, margin or
 * entropy of their stored suggestions, k-center greedy on stored embeddings, or both. Endpoint:
 * {@code GET /projects/{p}/quality/next?strategy=entropy&n=20} → {@code {"strategy", "candidates", "images": [{"image_id", "score"}]}}.</li>
 * </ul>
 */
package dev.annota.app.quality;
