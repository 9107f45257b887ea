package dev.annota.server.routes;

import dev.annota.app.images.ImportResult;
import dev.annota.core.error.FieldError;
import dev.annota.server.Api;
import dev.annota.store.images.ImagePage;
import dev.annota.store.images.ImageRecord;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the image endpoints (fields in snake_case; absent values are JSON null). */
final class ImageViews {
    private ImageViews() {
    }

    /** One image's metadata, with where to fetch its bytes. */
    record ImageView(String id, String projectId, String fileName, int width, int height, String format, int orientation,
                     String sha256, String split, String sourcePath, Map<String, String> metadata, String createdAt,
                     String importId, String originalUrl, String thumbnailUrl) {
        static ImageView of(ImageRecord r) {
            String base = Api.PREFIX + "/images/" + r.id();
            return new ImageView(r.id(), r.projectId(), r.fileName(), r.width(), r.height(), r.format().key(), r.orientation(),
                    r.sha256(), r.split(), r.sourcePath().orElse(null), r.metadata(), r.createdAt().toString(),
                    r.importId().orElse(null), base + "/original", base + "/thumbnail");
        }
    }

    /** A page of a listing; {@code next_cursor} is null on the last page. */
    record PageView(List<ImageView> images, String nextCursor) {
        static PageView of(ImagePage page) {
            return new PageView(page.images().stream().map(ImageView::of).toList(), page.next().orElse(null));
        }
    }

    /** A file that was refused, and why. */
    record ProblemView(String location, String field, String value, String expected, String message) {
        static ProblemView of(FieldError e) {
            return new ProblemView(e.location(), e.field(), e.value(), e.expected(), e.message());
        }
    }

    /** What an import did, file by file. */
    record ImportView(String importId, List<ImportResult.Added> added, List<ImportResult.Duplicate> duplicates,
                      List<ImportResult.Flagged> nearDuplicates, List<ProblemView> problems) {
        static ImportView of(ImportResult r) {
            return new ImportView(r.importId(), r.added(), r.duplicates(), r.nearDuplicates(),
                    r.problems().stream().map(ProblemView::of).toList());
        }
    }

    /**
     * A server-side import: {@code path} under the import root; with {@code format} ("auto" detects) a dataset with
     * annotations; with {@code async} true it runs as an operation (202 with the operation).
     */
    record ImportBody(String path, String format, String split, Boolean async) {
        ImportBody {
            Require.present("path", path, "a folder or zip under the server's import root");
        }
    }
}
