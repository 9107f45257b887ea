package dev.annota.formats.coco;

import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** A COCO dataset after the first pass: the schema, and an index per file that each pass over the items reads. */
final class CocoDataset implements Dataset {
    private final LabelSchema schema;
    private final List<CocoFileIndex> files;

    CocoDataset(LabelSchema schema, List<CocoFileIndex> files) {
        this.schema = schema;
        this.files = List.copyOf(files);
    }

    @Override
    public LabelSchema schema() {
        return schema;
    }

    @Override
    public Stream<Item> items() {
        return CocoItems.stream(files);
    }

    /** Every problem was reported by the read; passes re-parse byte ranges and report nothing. */
    @Override
    public boolean passesAreSilent() {
        return true;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(files.stream().mapToLong(f -> f.images().size()).sum());
    }

    /** The number of annotation records read without error (for reports and benchmarks). */
    long annotationRecords() {
        return files.stream().mapToLong(CocoFileIndex::annotationRecords).sum();
    }

    @Override
    public String toString() {
        return "CocoDataset[" + files.size() + " files, " + size().getAsLong() + " images]";
    }
}
