/**
 * Long-running operations: {@link dev.annota.app.operations.OperationRunner} runs
 * {@link dev.annota.app.operations.OperationTask}s on a few worker threads, keeps their state and progress in the
 * database, tells {@link dev.annota.app.operations.OperationListener}s (the server's event streams), stops them
 * when asked ({@link dev.annota.app.CancelledException}) and settles what a crash interrupted.
 * {@link dev.annota.app.operations.ProjectOperations} is the access-checked face for users.
 */
package dev.annota.app.operations;
