/**
 * Evaluation use cases: classification metrics from an {@code IN.json} of labels, true and predicted classes and
 * scores ({@link dev.annota.app.eval.EvaluateClassification}), and annotator agreement from a
 * {@code RATINGS.json} ({@link dev.annota.app.eval.EvaluateAgreement}). Results are also rendered as JSON with
 * the names and nesting of the scikit-learn reference files ({@code shared/reference/metrics}).
 */
package dev.annota.app.eval;
