package dev.annota.app.images;

import dev.annota.core.annotation.Annotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file offered to an import: how errors and the listing name it, where it came from, its bytes (a file
 * made available on demand, deleted afterwards when it was a temporary spool), and what the image gets.
 */
record Candidate(String name, Optional<String> sourcePath, Source source, String split, Map<String, String> metadata,
                 List<Annotation> annotations) {
    /** The bytes of a candidate, as a local file. */
    interface Source {
        Path file() throws IOException;

        /** Called once the candidate is done with (deletes a spooled upload). */
        default void release() throws IOException {
        }
    }

    Candidate {
        metadata = Map.copyOf(metadata);
        annotations = List.copyOf(annotations);
    }

    /** A file that exists already and stays. */
    static Source existing(Path file) {
        return () -> file;
    }

    /** A temporary file made on first use and deleted on release. */
    static Source spooled(IoSupplier make) {
        return new Source() {
            private Path made;

            @Override
            public Path file() throws IOException {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }

            @Override
            public void release() throws IOException {
                if (made != null) {
                    Files.deleteIfExists(made);
                }
            }
        };
    }

    /** Makes a file, or fails with an {@link IOException}. */
    @FunctionalInterface
    interface IoSupplier {
        Path get() throws IOException;
    }
}
