/**
 * Images: the content-addressed file store ({@link dev.annota.store.images.ImageStore}), inspection of
 * uploaded files ({@link dev.annota.store.images.ImageInspector}), the image rows of projects
 * ({@link dev.annota.store.images.Images}) and their listing ({@link dev.annota.store.images.ImageQueries}).
 *
 * <p><b>Crash safety.</b> An import first stores its files (atomic renames; a killed process leaves whole
 * files or none), forces them to disk ({@link dev.annota.store.images.ImageStore#sync}), then writes all its
 * rows — the {@code image_imports} row, images, metadata rows, near-duplicate flags and first annotation sets
 * — in one transaction ({@link dev.annota.store.images.Images#insert}). Files without rows are harmless and
 * {@link dev.annota.store.images.StoreGc} removes them after an hour.
 *
 * <p><b>Near-duplicates.</b> A 64-bit DCT perceptual hash per image
 * ({@link dev.annota.store.images.PerceptualHash}); an image whose hash is within the distance (8 bits by
 * default) of an earlier image of its project gets one {@code image_near_duplicates} row naming the nearest.
 * Exact duplicates (same sha256 in the project) are never inserted twice.
 *
 * <p><b>Metadata.</b> {@code images.metadata_json} keeps the free key/value pairs for display; the same pairs
 * are written to {@code image_metadata (image_id, meta_key, meta_value)} with the image, so that a filter on
 * {@code key = value} is a plain indexed {@code EXISTS} on both SQLite and PostgreSQL, with no JSON functions.
 */
package dev.annota.store.images;
