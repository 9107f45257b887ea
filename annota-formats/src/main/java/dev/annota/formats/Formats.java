package dev.annota.formats;

import dev.annota.formats.coco.CocoFormat;
import dev.annota.formats.cvat.CvatFormat;

/** The registry of every format Annota ships, registered explicitly. */
public final class Formats {
    private Formats() {
    }

    public static FormatRegistry standard() {
        return FormatRegistry.builder()
                .add(new CocoFormat())
                .add(new CvatFormat())
                .build();
    }
}
