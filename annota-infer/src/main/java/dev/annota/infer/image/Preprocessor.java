package dev.annota.infer.image;

import dev.annota.core.geometry.ImageSize;
import dev.annota.infer.descriptor.ColorOrder;
import dev.annota.infer.descriptor.InputSpec;
import dev.annota.infer.descriptor.Layout;
import dev.annota.infer.descriptor.Resize;
import java.util.Objects;

/**
 * Turns an upright RGB image into the model's input values in one pass: resize (stretch, letterbox or centre
 * crop) by bilinear sampling straight from the original pixels (half-pixel centres, edge clamp, the same
 * sampling as OpenCV's {@code INTER_LINEAR}), channel order, scale and mean/std, in NCHW or NHWC. The resized
 * image is never materialised. Immutable and thread-safe.
 */
public final class Preprocessor {
    private final InputSpec spec;

    public Preprocessor(InputSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public InputSpec spec() {
        return spec;
    }

    /** Where an image of {@code size} lands in the model input. */
    public InputTransform transform(ImageSize size) {
        int w = size.width();
        int h = size.height();
        int iw = spec.width();
        int ih = spec.height();
        Resize r = spec.resize();
        return switch (r.mode()) {
            case STRETCH -> new InputTransform(size, (double) iw / w, (double) ih / h, 0, 0);
            case LETTERBOX -> {
                double ratio = Math.min((double) iw / w, (double) ih / h);
                int cw = Math.max(1, (int) Math.round(w * ratio));
                int ch = Math.max(1, (int) Math.round(h * ratio));
                int ox = r.centered() ? (iw - cw) / 2 : 0;
                int oy = r.centered() ? (ih - ch) / 2 : 0;
                yield new InputTransform(size, (double) cw / w, (double) ch / h, ox, oy);
            }
            case CENTER_CROP -> {
                int shorter = r.shorterSide() > 0 ? r.shorterSide() : Math.min(iw, ih);
                double ratio = (double) shorter / Math.min(w, h);
                int rw = Math.max(iw, (int) Math.round(w * ratio));
                int rh = Math.max(ih, (int) Math.round(h * ratio));
                int cx = (int) Math.round((rw - iw) / 2.0);
                int cy = (int) Math.round((rh - ih) / 2.0);
                yield new InputTransform(size, (double) rw / w, (double) rh / h, -cx, -cy);
            }
        };
    }

    /**
     * Writes the {@code 3 × height × width} input values of {@code image} into {@code dst} from
     * {@code offset} and returns where the image landed.
     */
    public InputTransform write(RgbImage image, float[] dst, int offset) {
        InputTransform t = transform(image.size());
        int iw = spec.width();
        int ih = spec.height();
        int w = image.width();
        int h = image.height();
        // content region in model pixels (letterbox pads outside it)
        int cx0 = (int) Math.round(Math.max(0, t.offsetX()));
        int cy0 = (int) Math.round(Math.max(0, t.offsetY()));
        int cx1 = (int) Math.min(iw, Math.round(t.offsetX() + w * t.scaleX()));
        int cy1 = (int) Math.min(ih, Math.round(t.offsetY() + h * t.scaleY()));

        int[] x0 = new int[iw];
        int[] x1 = new int[iw];
        float[] fx = new float[iw];
        axis(t.scaleX(), t.offsetX(), w, x0, x1, fx);
        int[] y0 = new int[ih];
        int[] y1 = new int[ih];
        float[] fy = new float[ih];
        axis(t.scaleY(), t.offsetY(), h, y0, y1, fy);

        float[] a = new float[3];
        float[] b = new float[3];
        coefficients(image, a, b);
        // channel k of the model reads RGB channel src[k] (shift 16 = red, 8 = green, 0 = blue)
        int[] shift = spec.color() == ColorOrder.RGB ? new int[] {16, 8, 0} : new int[] {0, 8, 16};
        float pad = (float) spec.resize().padValue();
        boolean chw = spec.layout() == Layout.NCHW;
        int plane = iw * ih;
        int[] px = image.pixels();
        for (int v = 0; v < ih; v++) {
            boolean rowInside = v >= cy0 && v < cy1;
            int r0 = y0[v] * w;
            int r1 = y1[v] * w;
            float wy = fy[v];
            for (int u = 0; u < iw; u++) {
                int at = chw ? offset + v * iw + u : offset + (v * iw + u) * 3;
                int step = chw ? plane : 1;
                if (!rowInside || u < cx0 || u >= cx1) {
                    for (int k = 0; k < 3; k++) {
                        dst[at + k * step] = pad * a[k] + b[k];
                    }
                    continue;
                }
                int p00 = px[r0 + x0[u]];
                int p01 = px[r0 + x1[u]];
                int p10 = px[r1 + x0[u]];
                int p11 = px[r1 + x1[u]];
                float wx = fx[u];
                for (int k = 0; k < 3; k++) {
                    int s = shift[k];
                    float top = (p00 >>> s & 0xFF) + wx * ((p01 >>> s & 0xFF) - (p00 >>> s & 0xFF));
                    float bottom = (p10 >>> s & 0xFF) + wx * ((p11 >>> s & 0xFF) - (p10 >>> s & 0xFF));
                    dst[at + k * step] = (top + wy * (bottom - top)) * a[k] + b[k];
                }
            }
        }
        return t;
    }

    /** value = pixel · a + b per model channel. */
    private void coefficients(RgbImage image, float[] a, float[] b) {
        double scale = spec.scaleByImageMax() ? 1.0 / image.maxChannel() : spec.scale();
        double[] mean = spec.mean();
        double[] std = spec.std();
        for (int k = 0; k < 3; k++) {
            a[k] = (float) (scale / std[k]);
            b[k] = (float) (-mean[k] / std[k]);
        }
    }

    /** Source indices and weights for every model pixel along one axis (half-pixel centres, edge clamp). */
    static void axis(double scale, double offset, int srcLen, int[] i0, int[] i1, float[] f) {
        for (int d = 0; d < i0.length; d++) {
            Bilinear.sample((d + 0.5 - offset) / scale - 0.5, srcLen, d, i0, i1, f);
        }
    }
}
