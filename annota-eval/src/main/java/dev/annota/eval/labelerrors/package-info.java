/**
 * Label-error detection by confident learning (Northcutt, Jiang and Chuang, 2021): from out-of-fold predicted
 * probabilities and the given labels, per-class thresholds, the confident joint and its calibration, and a ranked
 * list of the samples whose given label is probably wrong, each with a suggested label. Pure: arrays in, records
 * out.
 */
package dev.annota.eval.labelerrors;
