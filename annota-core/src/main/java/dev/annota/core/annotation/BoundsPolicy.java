package dev.annota.core.annotation;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import java.util.ArrayList;
import java.util.List;

/**
 * What to do with geometry that reaches outside its image, the rectangle [0, width] × [0, height] (points on
 * the border are inside).
 *
 * <p>Under both policies a mask must have exactly the image size, and a {@link Tag} always fits. Under
 * {@link #CLIP}:
 * <ul>
 *   <li>boxes are cut to the image ({@link dev.annota.core.geometry.PixelBox#clip});</li>
 *   <li>polygons are cut to the image exactly (Sutherland–Hodgman, part by part; parts left without area are
 *       dropped) — not point-clamped, which would change the shape;</li>
 *   <li>points, labelled keypoints, polyline vertices and cuboid vertices are clamped to the nearest point
 *       of the image;</li>
 *   <li>rotated boxes and ellipses cannot be cut without changing their kind, so they are kept as they are
 *       when they overlap the image;</li>
 *   <li>a box or polygon left without area, a polyline that does not touch the image, and a rotated box,
 *       ellipse or cuboid that does not overlap it are errors.</li>
 * </ul>
 * Geometry that is already inside is returned unchanged (the same object).
 */
public enum BoundsPolicy {
    /** Geometry reaching outside the image is an error naming the field, the value and the edge. */
    REJECT,
    /** Geometry is cut or clamped to the image; what is left empty is an error. */
    CLIP;

    /**
     * {@code annotation} made to fit an image of {@code size} under this policy.
     *
     * @throws ValidationException when it cannot fit
     */
    public <A extends Annotation> A apply(A annotation, ImageSize size) {
        return ImageBounds.apply(annotation, size, this);
    }

    /**
     * Every annotation made to fit; when some cannot, one {@link ValidationException} with the errors of
     * all of them, each located at {@code annotations[i]}.
     */
    public List<Annotation> applyAll(List<? extends Annotation> annotations, ImageSize size) {
        List<Annotation> out = new ArrayList<>(annotations.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            try {
                out.add(apply(annotations.get(i), size));
            } catch (ValidationException e) {
                errors.addAll(e.at("annotations[" + i + "]").errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return List.copyOf(out);
    }
}
