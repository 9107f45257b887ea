/**
 * Model suggestions as users act on them ({@link dev.annota.app.suggestions.ModelSuggestions}): list, upload a
 * model's predictions, accept (into the annotation set, optionally edited) and reject. Served as
 * {@code GET/PUT/POST /api/v1/images/{imageId}/suggestions…}; storage and provenance rules are in
 * {@link dev.annota.store.suggestions.Suggestions}.
 */
package dev.annota.app.suggestions;
