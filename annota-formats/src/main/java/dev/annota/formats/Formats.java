package dev.annota.formats;

import dev.annota.formats.coco.CocoFormat;
import dev.annota.formats.csv.CsvFormat;
import dev.annota.formats.imagenet.ImageNetFormat;
import dev.annota.formats.yolo.UltralyticsFormat;
import dev.annota.formats.yolo.YoloFormat;

/** The registry of every format Annota ships, registered explicitly. */
public final class Formats {
    private Formats() {
    }

    public static FormatRegistry standard() {
        return FormatRegistry.builder()
                .add(new CocoFormat())
                .add(new YoloFormat())
                .add(new UltralyticsFormat())
                .add(new ImageNetFormat())
                .add(new CsvFormat())
                .build();
    }
}
