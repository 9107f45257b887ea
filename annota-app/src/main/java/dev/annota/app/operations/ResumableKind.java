package dev.annota.app.operations;

import dev.annota.store.operations.Operation;

/**
 * A kind of operation that can go on after the server restarts (pre-labelling, which saves its work image by
 * image). At start, the {@link OperationRunner} gives each queued or running operation of a resumable kind back
 * to it, to run again from its stored request; operations of every other kind are marked failed as interrupted.
 */
public interface ResumableKind {
    /** The kind name, as stored on the operations ({@code prelabel}). */
    String kind();

    /** The task that carries on with {@code interrupted} (its request is in {@link Operation#requestJson()}). */
    OperationTask resume(Operation interrupted);
}
