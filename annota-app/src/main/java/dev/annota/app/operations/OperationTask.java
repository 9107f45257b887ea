package dev.annota.app.operations;

import java.io.IOException;

/**
 * The work of one operation, run on a worker thread of the {@link OperationRunner}. It reports progress (and
 * is stopped) through {@link OperationWork#progress()}, writes its result file in {@link OperationWork#folder()}
 * and returns what it made; the runner moves the file into place atomically, so a result is whole or absent.
 */
@FunctionalInterface
public interface OperationTask {
    OperationOutcome run(OperationWork work) throws IOException;
}
