package dev.annota.formats.masks;

import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.error.FieldError;
import dev.annota.formats.ImportReport;
import java.util.Set;

/**
 * Reports the parts of an annotation's {@link AnnotationInfo} that a pixel format cannot hold: attributes
 * (except those named in {@code kept}), the occluded flag, a score, a model source, a z-order. Formats
 * whose files hold some of these pass what they keep.
 */
public final class MaskLosses {
    private MaskLosses() {
    }

    /** Warns, under {@code where}, for each part of {@code info} that is not written. */
    public static void report(ImportReport report, String where, AnnotationInfo info, Set<String> keptAttributes,
            boolean keepsOccluded, String format) {
        info.attributes().forEach((name, value) -> {
            if (!keptAttributes.contains(name)) {
                report.warn(new FieldError(where, name, value.display(), format + " cannot hold this attribute; not written"));
            }
        });
        if (info.occluded() && !keepsOccluded) {
            report.warn(new FieldError(where, "occluded", "true", format + " cannot hold the occluded flag; not written"));
        }
        if (info.confidence().isPresent()) {
            report.warn(new FieldError(where, "confidence", Double.toString(info.confidence().getAsDouble()),
                    format + " cannot hold scores; not written"));
        }
        if (info.zOrder() != 0) {
            report.warn(new FieldError(where, "zOrder", Integer.toString(info.zOrder()), format + " cannot hold a z-order; not written"));
        }
    }
}
