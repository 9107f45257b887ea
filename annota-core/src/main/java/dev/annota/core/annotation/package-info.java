/**
 * Annotations as a sealed family of records sharing one {@link dev.annota.core.annotation.AnnotationInfo}, their
 * validation against a schema ({@link dev.annota.core.annotation.SchemaValidator}) and against the image
 * ({@link dev.annota.core.annotation.BoundsPolicy}). Depends on {@code schema}, never the other way.
 */
package dev.annota.core.annotation;
