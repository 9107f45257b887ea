package dev.annota.app.images;

import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Item;
import java.util.Objects;
import java.util.Optional;

/**
 * Who imports into which project. Access is checked before the use case is called (the server's
 * {@code Access}: a project manager or an admin); the user id is recorded on the import and as the author of
 * imported annotation sets.
 *
 * @param split the split given to plain images (a dataset's own subsets win for its items)
 */
public record ImportRequest(String projectId, Optional<String> userId, String split) {
    public ImportRequest {
        if (projectId == null || projectId.isBlank()) {
            throw ValidationException.of("projectId", projectId, "expected a project id");
        }
        Objects.requireNonNull(userId, "userId");
        if (split == null || split.isBlank()) {
            throw ValidationException.of("split", split, "expected a non-blank split name");
        }
    }

    public static ImportRequest of(String projectId, String userId) {
        return new ImportRequest(projectId, Optional.of(userId), Item.DEFAULT_SUBSET);
    }

    public ImportRequest withSplit(String newSplit) {
        return new ImportRequest(projectId, userId, newSplit);
    }
}
