/**
 * Data quality of the annotation workflow (issue 9, consensus and agreement): {@link
 * dev.annota.app.quality.QualityReports} computes a project's {@link dev.annota.app.quality.AgreementReport} from the
 * finished jobs of its workflow (tasks with overlap k keep one annotation set per job; gold tasks name the version of
 * the image's set that is the known answer), and {@link dev.annota.app.quality.RunConsensus} merges each overlapping
 * image's answers ({@code dev.annota.eval.consensus}) into its annotation set, with provenance in
 * {@code consensus_results}, flagging images with disagreements for review.
 *
 * <h2>Who sees what</h2>
 * The report: admins, managers and reviewers everything; annotators the project and class figures and only their own
 * row ({@code restricted}). The consensus run: managers and admins. The review list and resolving: managers, reviewers.
 *
 * <h2>JSON ({@link dev.annota.app.quality.QualityJson}); figures that cannot be computed are null</h2>
 * <pre>
 * Report:  {"project_id", "restricted": false,
 *           "project": {"images", "finished_jobs", "gold_images", "fleiss_kappa", "fleiss_items", "krippendorff_alpha",
 *                       "mean_iou", "consensus_agreement", "disputed_images", "gold_accuracy"},
 *           "classes": [{"label", "name", "tag_alpha", "objects", "matched", "mean_iou", "consensus_agreement"}],
 *           "annotators": [{"user_id", "username", "images", "consensus_agreement", "mean_iou", "mean_cohen_kappa",
 *                           "gold_images", "gold_accuracy"}],
 *           "pairs": [{"user_a", "user_b", "images", "tag_items", "cohen_kappa", "matched", "mean_iou"}],
 *           "disagreements": [{"image_id", "file_name", "annotators", "agreement", "disputed_items"}]}
 * Consensus operation result: {"merged", "needs_review", "conflicts", "mean_agreement"}
 * Stored consensus: {"image_id", "project_id", "file_name", "annotation_version", "annotators", "agreement",
 *                    "disagreements", "needs_review", "computed_at", "computed_by",
 *                    "details": {settings..., "jobs": [{"job_id", "user_id", "version"}],
 *                                "disputed": [{"annotation", "annotators", "of", "support", "similarity", "agreement",
 *                                              "accepted"}]}}
 * </pre>
 *
 * <h2>Label errors and active learning</h2>
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
