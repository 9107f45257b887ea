/**
 * Classification metrics defined exactly as scikit-learn 1.2.1 defines them ({@code zero_division = 0}):
 * single-label (binary and multi-class) in {@link dev.annota.eval.classification.SingleLabelMetrics},
 * multi-label in {@link dev.annota.eval.classification.MultiLabelMetrics}, calibration in
 * {@link dev.annota.eval.classification.Calibration}, per-slice gaps in
 * {@link dev.annota.eval.classification.SliceReport}. Everything works on plain arrays; labels are referenced
 * by their index in the label list the caller gives.
 */
package dev.annota.eval.classification;
