/**
 * Long-running operations (exports, asynchronous imports, pre-labelling): {@link dev.annota.store.operations.Operations}
 * stores each one's state, progress, result file and report, so that progress survives in the database, any
 * server thread can read it, and a restart finds what a crash interrupted.
 */
package dev.annota.store.operations;
