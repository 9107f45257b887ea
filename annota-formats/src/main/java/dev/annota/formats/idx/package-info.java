/** IDX files (MNIST, Fashion-MNIST): images and labels as arrays for training, benchmarks and tests. */
package dev.annota.formats.idx;
