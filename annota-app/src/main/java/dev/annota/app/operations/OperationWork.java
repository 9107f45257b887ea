package dev.annota.app.operations;

import dev.annota.app.Progress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a running {@link OperationTask} is given.
 *
 * @param operationId the operation's id
 * @param progress    where to report progress; throws {@link dev.annota.app.CancelledException} once the
 *                    operation was cancelled
 * @param folder      an empty private folder under the data folder, deleted when the task ends (whatever the
 *                    outcome): the place for temporary files and the result file
 */
public record OperationWork(String operationId, Progress progress, Path folder) {
    public OperationWork {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(folder, "folder");
    }
}
