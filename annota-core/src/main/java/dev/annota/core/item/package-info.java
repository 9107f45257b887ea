/**
 * Items (an image and its annotations) and datasets streamed item by item, with a one-pass
 * {@link dev.annota.core.item.DatasetSummary}.
 */
package dev.annota.core.item;
