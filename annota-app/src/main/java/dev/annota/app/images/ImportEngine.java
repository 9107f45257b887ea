package dev.annota.app.images;

import dev.annota.app.Progress;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import dev.annota.store.images.ImageInfo;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.ImageStore;
import dev.annota.store.images.Images;
import dev.annota.store.images.ImportBatch;
import dev.annota.store.images.NearDuplicate;
import dev.annota.store.images.PerceptualHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps every import shares. Phase one, file by file: inspect (a bad file becomes a problem and the import
 * goes on), merge exact duplicates (same sha256 in the project, or earlier in this import), store the file
 * (atomic, idempotent), and flag near-duplicates against the project's and this import's earlier images.
 * Then the stored files are forced to disk, all at once. Phase two: every row of the import in ONE transaction. A crash in phase one leaves only store files without
 * rows (collected by {@code StoreGc}); a crash in phase two leaves nothing, or everything once committed.
 */
final class ImportEngine {
    private final Images images;
    private final ImageStore store;
    private final ImageInspector inspector;
    private final ImportSettings settings;

    ImportEngine(Database db, ImageStore store, ImageInspector inspector, ImportSettings settings) {
        this.images = new Images(db);
        this.store = store;
        this.inspector = inspector;
        this.settings = settings;
    }

    ImageStore store() {
        return store;
    }

    ImportSettings settings() {
        return settings;
    }

    /** Imports the candidates; {@code earlier} are problems found before (unreadable entries, refused links). */
    ImportResult run(ImportRequest request, String source, long total, Iterator<Candidate> candidates,
                     List<FieldError> earlier, Progress progress) {
        String importId = UUID.randomUUID().toString();
        String projectId = request.projectId();
        List<Images.Hash> known = new ArrayList<>(images.hashes(projectId));
        Map<String, String> batchBySha = new HashMap<>();
        List<ImageRecord> rows = new ArrayList<>();
        Map<String, List<Annotation>> annotations = new HashMap<>();
        List<NearDuplicate> flags = new ArrayList<>();
        List<ImportResult.Added> added = new ArrayList<>();
        List<ImportResult.Duplicate> duplicates = new ArrayList<>();
        List<ImportResult.Flagged> flagged = new ArrayList<>();
        List<FieldError> problems = new ArrayList<>(earlier);
        List<Path> stored = new ArrayList<>();
        progress.start("storing images", total);
        long done = 0;
        while (candidates.hasNext()) {
            Candidate c = candidates.next();
            try {
                Path file = c.source().file();
                ImageInfo info = inspector.inspect(file, c.name());
                Optional<String> same = Optional.ofNullable(batchBySha.get(info.sha256()))
                        .or(() -> Optional.ofNullable(images.idsBySha(projectId, List.of(info.sha256())).get(info.sha256())));
                if (same.isPresent()) {
                    duplicates.add(new ImportResult.Duplicate(c.name(), same.get()));
                    continue;
                }
                stored.add(store.put(file, info));
                String id = UUID.randomUUID().toString();
                nearest(known, info.phash()).ifPresent(n -> {
                    flags.add(new NearDuplicate(id, n.imageId(), n.distance));
                    flagged.add(new ImportResult.Flagged(id, c.name(), n.imageId(), n.distance));
                });
                known.add(new Images.Hash(id, info.phash()));
                batchBySha.put(info.sha256(), id);
                rows.add(new ImageRecord(id, projectId, info.sha256(), baseName(c.name()), info.width(), info.height(), info.format(),
                        info.orientation(), info.phash(), c.sourcePath(), c.split(), c.metadata(), Instant.now(), Optional.of(importId)));
                if (!c.annotations().isEmpty()) {
                    annotations.put(id, c.annotations());
                }
                added.add(new ImportResult.Added(id, c.name(), c.annotations().size()));
            } catch (ValidationException e) {
                problems.addAll(e.errors());
            } catch (IOException e) {
                problems.add(new FieldError(c.name(), "file", c.name(), "expected a readable file (" + e.getMessage() + ")"));
            } finally {
                release(c, problems);
                progress.step(++done);
            }
        }
        progress.finish();
        progress.start("forcing files to disk", 0);
        try {
            store.sync(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("the image store cannot force the imported files to disk; nothing was added", e);
        }
        progress.finish();
        progress.start("writing rows", rows.size());
        images.insert(new ImportBatch(importId, projectId, source, Instant.now(), request.userId(), rows, flags, annotations,
                duplicates.size(), problems.size()), progress::step);
        progress.finish();
        return new ImportResult(importId, added, duplicates, flagged, problems);
    }

    private record Match(String imageId, int distance) {
    }

    private Optional<Match> nearest(List<Images.Hash> known, long phash) {
        Match best = null;
        for (Images.Hash h : known) {
            int d = PerceptualHash.distance(h.phash(), phash);
            if (d <= settings.nearDuplicateDistance() && (best == null || d < best.distance)) {
                best = new Match(h.imageId(), d);
            }
        }
        return Optional.ofNullable(best);
    }

    private static void release(Candidate c, List<FieldError> problems) {
        try {
            c.source().release();
        } catch (IOException e) {
            problems.add(new FieldError(c.name(), "file", c.name(), "expected a temporary copy that can be deleted (" + e.getMessage() + ")"));
        }
    }

    static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
