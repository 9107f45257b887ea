/**
 * Annotation sets of images as the API serves them: {@link dev.annota.app.annotations.ImageAnnotations} (get,
 * validated save with optimistic concurrency, history, one version); {@link dev.annota.app.annotations.AnnotationValidator},
 * the one check of a set before any save (image or workflow job); {@link dev.annota.app.annotations.AnnotationWriteRule},
 * who may write an image's set. Restoring a version is {@link dev.annota.app.projects.RestoreAnnotations}.
 */
package dev.annota.app.annotations;
