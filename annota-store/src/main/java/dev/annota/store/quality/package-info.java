/**
 * What the quality use cases (consensus and agreement, issue 9) read and write: the finished jobs of a project's
 * workflow with their annotators and images ({@link dev.annota.store.quality.FinishedJobs}), and the last consensus
 * of each image ({@link dev.annota.store.quality.ConsensusResults}, table {@code consensus_results}).
 */
package dev.annota.store.quality;
