/** Benchmarks that print JSON and compare with a baseline measured in the same run. */
package dev.annota.bench;
