package dev.annota.formats;

import dev.annota.formats.cityscapes.CityscapesFormat;
import dev.annota.formats.coco.CocoFormat;
import dev.annota.formats.cocopanoptic.CocoPanopticFormat;
import dev.annota.formats.cocoresults.CocoResultsFormat;
import dev.annota.formats.csv.CsvFormat;
import dev.annota.formats.cvat.CvatFormat;
import dev.annota.formats.imagenet.ImageNetFormat;
import dev.annota.formats.labelme.LabelMeFormat;
import dev.annota.formats.labelstudio.LabelStudioFormat;
import dev.annota.formats.masks.MasksFormat;
import dev.annota.formats.voc.VocFormat;
import dev.annota.formats.yolo.UltralyticsFormat;
import dev.annota.formats.yolo.YoloFormat;

/** The registry of every format Annota ships, registered explicitly. */
public final class Formats {
    private Formats() {
    }

    public static FormatRegistry standard() {
        return FormatRegistry.builder()
                .add(new CocoFormat())
                .add(new LabelStudioFormat())
                .add(new LabelMeFormat())
                .add(new VocFormat())
                .add(new MasksFormat())
                .add(new CityscapesFormat())
                .add(new CocoPanopticFormat())
                .add(new CocoResultsFormat())
                .add(new YoloFormat())
                .add(new UltralyticsFormat())
                .add(new ImageNetFormat())
                .add(new CsvFormat())
                .add(new CvatFormat())
                .build();
    }
}
