/**
 * Exports: {@link dev.annota.app.exports.ExportProject} writes a project (or a filter over its images) in any
 * writable format as a zip, as an operation with progress and cancel (see {@code dev.annota.app.operations}).
 */
package dev.annota.app.exports;
