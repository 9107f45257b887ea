/**
 * Training in a project: {@link dev.annota.app.training.ProjectTrainingData} turns the project's accepted tags
 * (the current annotation sets) into annota-train's dataset, {@link dev.annota.app.training.TrainProject} trains
 * (annota-train: head or cnn), registers the package in the model registry and links it to the project so that
 * pre-labelling can use it at once — from the CLI synchronously, or in the server as a {@code training} operation
 * whose progress carries each epoch's loss and metrics.
 */
package dev.annota.app.training;
