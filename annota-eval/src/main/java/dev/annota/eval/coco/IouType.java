package dev.annota.eval.coco;

import dev.annota.core.error.ValidationException;
import java.util.Locale;

/** What a detection is compared by: its box, its mask, or its keypoints (OKS), as COCOeval's {@code iouType}. */
public enum IouType {
    BBOX, SEGM, KEYPOINTS;

    /** The name pycocotools uses: {@code bbox}, {@code segm} or {@code keypoints}. */
    public String cocoName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code bbox}, {@code segm} or {@code keypoints}. */
    public static IouType parse(String name) {
        for (IouType t : values()) {
            if (t.cocoName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw ValidationException.of("iouType", name, "expected bbox, segm or keypoints");
    }
}
