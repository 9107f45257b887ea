/** Spark batch jobs over annota-infer and annota-formats. */
package dev.annota.spark;
