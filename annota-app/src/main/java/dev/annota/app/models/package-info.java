/**
 * Models in the loop: the registry of ONNX models ({@link dev.annota.app.models.ModelRegistry}, files copied
 * into the data folder by sha256), their use in projects with a label mapping
 * ({@link dev.annota.app.models.ProjectModelLinks}, {@link dev.annota.app.models.LabelMapping}), predictions on
 * demand ({@link dev.annota.app.models.PredictImage}) and the assisted tools of the annotation UI
 * ({@link dev.annota.app.models.AssistTools}). Loaded models are shared ({@link dev.annota.app.models.LoadedModels}).
 */
package dev.annota.app.models;
