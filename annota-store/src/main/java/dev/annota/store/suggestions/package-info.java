/**
 * Model suggestions: a model's predictions for an image, stored apart from the human annotation set
 * ({@link dev.annota.store.suggestions.Suggestions}), one row per suggested annotation with a stable id and its
 * confidence; and the {@link dev.annota.store.suggestions.Uncertainty} score the image listing sorts by.
 */
package dev.annota.store.suggestions;
