/**
 * Active learning: which unlabelled images to label next. Uncertainty sampling (least confidence, margin,
 * entropy) on predicted probabilities, diversity by k-center greedy on embeddings, and their combination
 * (the most uncertain candidates first, then k-center among them). Pure: arrays in, indices out.
 */
package dev.annota.eval.active;
