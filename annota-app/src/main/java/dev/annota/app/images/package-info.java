/**
 * Image import use cases: {@link dev.annota.app.images.ImportImages} (uploaded files, a server-side folder or
 * zip under the configured import root, an uploaded zip) and {@link dev.annota.app.images.ImportDataset} (a
 * dataset in any registered format, with its annotations). Both report per file in an
 * {@link dev.annota.app.images.ImportResult} and write one transaction per import. Label schemas are reached
 * through {@link dev.annota.app.images.ProjectSchemas}, which the projects part implements.
 */
package dev.annota.app.images;
