package dev.annota.app.exports;

import dev.annota.app.Progress;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.DatasetSummary;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.AnnotationSets;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImagePage;
import dev.annota.store.images.ImageQueries;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.ImageSort;
import dev.annota.store.images.ImageStore;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A project's images (those passing a filter) with their current annotation sets, as a {@link Dataset} that a
 * format's writer streams: each pass reads the images a page at a time, oldest first, so memory does not grow
 * with the project. Each image is one item: id from its file name ({@link ItemNames}), split as subset, its
 * metadata, size and sha256, and its stored original as the image location — or, without images, a path that
 * does not exist under {@code missingImages}, so writers write the annotations only. Every item is a progress
 * step (and a cancellation check); the last pass's counts are kept.
 */
final class ProjectDataset implements Dataset {
    private static final int PAGE = 500;

    private final String projectId;
    private final LabelSchema schema;
    private final ImageFilter filter;
    private final long total;
    private final ImageQueries queries;
    private final AnnotationSets sets;
    private final ImageStore store;
    private final Optional<Path> missingImages;
    private final Progress progress;
    private final String phase;
    private volatile DatasetSummary.Accumulator counts = new DatasetSummary.Accumulator();

    ProjectDataset(String projectId, LabelSchema schema, ImageFilter filter, long total, ImageQueries queries, AnnotationSets sets,
                   ImageStore store, Optional<Path> missingImages, Progress progress, String phase) {
        this.projectId = projectId;
        this.schema = schema;
        this.filter = filter;
        this.total = total;
        this.queries = queries;
        this.sets = sets;
        this.store = store;
        this.missingImages = missingImages;
        this.progress = progress;
        this.phase = phase;
    }

    @Override
    public LabelSchema schema() {
        return schema;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(total);
    }

    /** What the last pass held. */
    DatasetSummary summary() {
        return counts.toSummary();
    }

    @Override
    public Stream<Item> items() {
        DatasetSummary.Accumulator acc = new DatasetSummary.Accumulator();
        counts = acc;
        progress.start(phase, total);
        Pass pass = new Pass();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pass, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .peek(acc::add);
    }

    /** One pass: pages of images, each turned into an item when it is handed out. */
    private final class Pass implements Iterator<Item> {
        private final ItemNames names = new ItemNames();
        private Iterator<ImageRecord> page = java.util.Collections.emptyIterator();
        private Map<String, List<Annotation>> annotations = Map.of();
        private Optional<String> cursor = Optional.empty();
        private boolean last;
        private long done;

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && !last) {
                ImagePage p = queries.list(projectId, filter, ImageSort.oldestFirst(), PAGE, cursor);
                page = p.images().iterator();
                annotations = sets.annotationsOf(p.images().stream().map(ImageRecord::id).toList());
                cursor = p.next();
                last = cursor.isEmpty();
            }
            return page.hasNext();
        }

        @Override
        public Item next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            progress.checkCancelled();
            ImageRecord image = page.next();
            String id = names.next(image.fileName(), image.id());
            String name = id + "." + image.format().extension();
            String location = missingImages.map(m -> m.resolve(name)).orElseGet(() -> store.path(image.sha256(), image.format())).toString();
            ImageRef ref = new ImageRef(location, Optional.of(new ImageSize(image.width(), image.height())), Optional.of(image.sha256()));
            Item item = new Item(id, ref, image.split(), annotations.get(image.id()), image.metadata());
            progress.step(++done);
            return item;
        }
    }
}
