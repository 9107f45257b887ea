/** Deterministic synthetic data (shapes scenes with exact ground truth) for tests, benchmarks and the demo. */
package dev.annota.testkit;
