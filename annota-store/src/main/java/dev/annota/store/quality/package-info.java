/**
 * What the quality use cases (issue 9) read and write: the finished jobs of a project's workflow with their
 * annotators and images ({@link dev.annota.store.quality.FinishedJobs}), the last consensus of each image
 * ({@link dev.annota.store.quality.ConsensusResults}, table {@code consensus_results}), and, for label errors and
 * active learning, the images' current classes and the unlabelled images' suggestion confidences
 * ({@link dev.annota.store.quality.QualitySignals}).
 */
package dev.annota.store.quality;
