/**
 * Annotation sets of images as the API serves them: {@link dev.annota.app.annotations.ImageAnnotations} (get,
 * validated save with optimistic concurrency, history, one version, restore), with the access rules of the
 * image's project.
 */
package dev.annota.app.annotations;
