/** Training on DJL/PyTorch: datasets from annotations, augmentation, training loops, packaging. */
package dev.annota.train;
