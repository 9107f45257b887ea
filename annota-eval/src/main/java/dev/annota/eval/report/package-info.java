/**
 * Evaluation reports: PNG charts drawn with Java2D (confusion-matrix heat map, ROC and precision-recall curves,
 * reliability diagram, per-class bars) in a colour-blind-safe palette, and a self-contained HTML report (inline
 * CSS, charts and thumbnails as base64 data URIs, no script, no network).
 */
package dev.annota.eval.report;
