package dev.annota.app.eval;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the HTML report and its charts for a classification evaluation (placeholder, filled in below). */
final class ClassificationReportWriter {
    private ClassificationReportWriter() {
    }

    static Path write(ClassificationEvaluation e, Path dir) throws IOException {
        throw new UnsupportedOperationException("reports come next");
    }
}
