package dev.annota.formats.imagenet;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * ImageNet / torchvision ImageFolder class folders: {@code <root>/<class>/<image>}, each image tagged with its
 * folder's class; optionally inside split folders ({@code <root>/train/<class>/<image>}, which is also
 * Ultralytics' classification layout). The classes are the class folders in name order.
 */
public final class ImageNetFormat implements DatasetFormat {
    public static final String NAME = "imagenet";
    /** Top-level folder names that make a split layout (all top-level folders must be among them). */
    static final java.util.Set<String> SPLITS = java.util.Set.of("train", "val", "valid", "validation", "test", "default");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String description() {
        return "ImageNet / ImageFolder class folders, optionally in train/val/test split folders (image tags)";
    }

    @Override
    public FormatDetector detector() {
        return new ImageNetDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new ImageNetReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new ImageNetWriter());
    }
}
