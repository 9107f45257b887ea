/**
 * The label schema: classes with fixed {@link dev.annota.core.schema.LabelId}s, colours, allowed
 * {@link dev.annota.core.schema.AnnotationKind}s, attributes and keypoint skeletons, collected by a mutable
 * {@link dev.annota.core.schema.LabelSchema.Builder} and frozen into a {@link dev.annota.core.schema.LabelSchema}.
 */
package dev.annota.core.schema;
