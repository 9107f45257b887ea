/**
 * The model registry: registered ONNX models ({@link dev.annota.store.models.Models}), their links to projects
 * with a label mapping ({@link dev.annota.store.models.ProjectModels}) and the images a model version has
 * already run on ({@link dev.annota.store.models.ModelRuns}, for resuming pre-labelling). Migration V8.
 */
package dev.annota.store.models;
