/**
 * Agreement between annotators: Cohen's κ (unweighted, linear, quadratic), Fleiss' κ (statsmodels' "fleiss"
 * method, with Randolph's free-marginal κ beside it), Krippendorff's α (nominal, ordinal, interval, with missing
 * ratings) and, for shapes, the mean IoU of matched objects.
 */
package dev.annota.eval.agreement;
