package dev.annota.app.models;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoundsPolicy;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.infer.ClassScore;
import dev.annota.infer.Detection;
import dev.annota.infer.Prediction;
import dev.annota.infer.SegmentMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a model predicted for an image into suggested annotations of a project: each result whose score
 * reaches the threshold and whose label maps to a class ({@link LabelMapping}) that allows the kind becomes a
 * tag (classification, the best {@code maxResults}), a box (detection, the best {@code maxResults}, clipped to
 * the image) or a polygon — or a mask when the class allows masks but not polygons — (segmentation), with the
 * score as confidence and the model as source.
 *
 * @param threshold  the lowest score kept, 0 to 1
 * @param maxResults at most this many annotations per image
 */
public record PredictionAnnotations(Source.Model model, LabelMapping mapping, LabelSchema schema, double threshold, int maxResults) {
    /** Polygons are simplified to within this many pixels of the mask's outline. */
    public static final double POLYGON_TOLERANCE = 1.0;
    /** Mask regions smaller than this many pixels are left out of polygons. */
    public static final int MIN_REGION_PIXELS = 16;

    public PredictionAnnotations {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw ValidationException.of("threshold", threshold, "a score from 0 to 1");
        }
        if (maxResults < 1 || maxResults > 10_000) {
            throw ValidationException.of("max_detections", maxResults, "from 1 to 10000 results per image");
        }
    }

    /** The annotations for one image's prediction, best first. */
    public List<Annotation> convert(Prediction p) {
        List<Annotation> out = new ArrayList<>();
        for (ClassScore c : p.classes()) {
            classFor(c.label().index(), c.score(), AnnotationKind.TAG)
                    .ifPresent(id -> out.add(new Tag(info(id, c.score()))));
        }
        for (Detection d : p.detections()) {
            classFor(d.label().index(), d.score(), AnnotationKind.BOX)
                    .ifPresent(id -> out.add(BoundsPolicy.CLIP.apply(new BoxAnnotation(info(id, d.score()), d.box()), p.imageSize())));
        }
        for (SegmentMask m : p.masks()) {
            mask(m).ifPresent(out::add);
        }
        out.sort((a, b) -> Double.compare(b.info().confidence().orElse(0), a.info().confidence().orElse(0)));
        return out.size() > maxResults ? List.copyOf(out.subList(0, maxResults)) : out;
    }

    private Optional<Annotation> mask(SegmentMask m) {
        Optional<LabelId> polygonClass = classFor(m.label().index(), m.score(), AnnotationKind.POLYGON);
        if (polygonClass.isPresent()) {
            Optional<Polygon> polygon = m.polygon(POLYGON_TOLERANCE, MIN_REGION_PIXELS);
            return polygon.map(pg -> new PolygonAnnotation(info(polygonClass.get(), m.score()), pg));
        }
        return classFor(m.label().index(), m.score(), AnnotationKind.MASK).map(id -> new MaskAnnotation(info(id, m.score()), m.mask()));
    }

    private Optional<LabelId> classFor(int modelIndex, double score, AnnotationKind kind) {
        if (score < threshold) {
            return Optional.empty();
        }
        return mapping.classOf(modelIndex).filter(id -> schema.get(id).map(LabelClass::kinds).map(k -> k.contains(kind)).orElse(false));
    }

    private AnnotationInfo info(LabelId id, double score) {
        return AnnotationInfo.predicted(id, model, Math.max(0, Math.min(1, score)));
    }
}
