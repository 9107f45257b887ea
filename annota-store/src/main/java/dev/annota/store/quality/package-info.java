/** What the data-quality loop reads from a project: its images' current classes and its unlabelled images' suggestion confidences. */
package dev.annota.store.quality;
