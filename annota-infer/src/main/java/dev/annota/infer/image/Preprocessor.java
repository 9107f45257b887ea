package dev.annota.infer.image;

import dev.annota.core.geometry.ImageSize;
import dev.annota.infer.descriptor.ColorOrder;
import dev.annota.infer.descriptor.InputSpec;
import dev.annota.infer.descriptor.Layout;
import dev.annota.infer.descriptor.Resize;
import dev.annota.infer.descriptor.ResizeFilter;
import java.util.Objects;

/**
 * Turns an upright RGB image into the model's input values: resize (stretch, letterbox or centre crop) with
 * the descriptor's {@link ResizeFilter} straight from the original pixels (only the output pixels the model
 * sees are computed, so a centre crop never resizes the margin), channel order, scale and mean/std, in NCHW
 * or NHWC. Immutable and thread-safe.
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
     * How many decoded pixels must remain, at least, per model input pixel along each axis when an image is
     * decoded at reduced scale. ImageIO's subsampling takes every n-th pixel without averaging, so it aliases;
     * keeping 1.5 pixels per input pixel leaves the resize filter something to average. Over the 29 shared photos
     * at 1.0 SqueezeNet's top-1 class changed on 3; at 1.5 on one, hubble_deep_field, whose top two are a near tie
     * at 0.12 and 0.09; YOLOX-nano's boxes moved by at most 1.4 pixels.
     */
    static final double REDUCED_MARGIN = 1.5;

    /**
     * The largest whole step at which an image of upright {@code size} can be decoded
     * ({@link ImageDecoder#decodeReduced}) and still hold {@link #REDUCED_MARGIN} pixels per model input pixel:
     * 1 unless the image is well over the input size.
     */
    public int subsampling(ImageSize size) {
        InputTransform t = transform(size);
        return Math.max(1, (int) Math.floor(Math.min(1 / t.scaleX(), 1 / t.scaleY()) / REDUCED_MARGIN));
    }

    /**
     * {@link #write} for an image decoded at reduced scale; the transform returned maps the upright full-size
     * image (a decoded pixel {@code i} is full-size pixel {@code i·step}, whose centre is {@code i·step + ½}).
     */
    public InputTransform write(ImageDecoder.Reduced image, float[] dst, int offset) {
        InputTransform t = write(image.image(), dst, offset);
        int s = image.subsampling();
        if (s == 1) {
            return new InputTransform(image.fullSize(), t.scaleX(), t.scaleY(), t.offsetX(), t.offsetY());
        }
        double shift = (s - 1) / (2.0 * s);
        return new InputTransform(image.fullSize(), t.scaleX() / s, t.scaleY() / s, t.offsetX() + t.scaleX() * shift,
                t.offsetY() + t.scaleY() * shift);
    }

    /**
     * Writes the {@code 3 × height × width} input values of {@code image} into {@code dst} from
     * {@code offset} and returns where the image landed. Resampling is separable (a horizontal pass over the
     * source rows that are needed, then a vertical one) and each resized pixel is rounded to 8 bits, as the
     * reference libraries' resized images are.
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
        ResizeFilter filter = spec.resize().filter();
        Taps tx = Taps.of(filter, t.scaleX(), t.offsetX(), w, cx0, cx1);
        Taps ty = Taps.of(filter, t.scaleY(), t.offsetY(), h, cy0, cy1);
        float[] rows = horizontal(image, tx, ty, filter != ResizeFilter.BILINEAR && filter != ResizeFilter.AREA);
        int rowLo = ty.sourceRange()[0];
        int cw = cx1 - cx0;

        float[] a = new float[3];
        float[] b = new float[3];
        coefficients(image, a, b);
        // model channel k reads RGB channel src[k] of the resized rows (0 = red, 1 = green, 2 = blue)
        int[] src = spec.color() == ColorOrder.RGB ? new int[] {0, 1, 2} : new int[] {2, 1, 0};
        float pad = (float) spec.resize().padValue();
        boolean chw = spec.layout() == Layout.NCHW;
        int plane = iw * ih;
        int step = chw ? plane : 1;
        float[] px = new float[3];
        for (int v = 0; v < ih; v++) {
            boolean rowInside = v >= cy0 && v < cy1;
            for (int u = 0; u < iw; u++) {
                int at = chw ? offset + v * iw + u : offset + (v * iw + u) * 3;
                if (!rowInside || u < cx0 || u >= cx1) {
                    for (int k = 0; k < 3; k++) {
                        dst[at + k * step] = pad * a[k] + b[k];
                    }
                    continue;
                }
                px[0] = 0;
                px[1] = 0;
                px[2] = 0;
                int first = ty.start(v);
                for (int j = 0, n = ty.count(v); j < n; j++) {
                    float wy = ty.weight(v, j);
                    int base = ((first + j - rowLo) * cw + (u - cx0)) * 3;
                    px[0] += wy * rows[base];
                    px[1] += wy * rows[base + 1];
                    px[2] += wy * rows[base + 2];
                }
                for (int k = 0; k < 3; k++) {
                    dst[at + k * step] = byte8(px[src[k]]) * a[k] + b[k];
                }
            }
        }
        return t;
    }

    /**
     * The horizontal pass: for every source row some output row reads, the resized row of {@code tx}'s
     * output pixels as interleaved RGB floats; rows nobody reads stay zero. PIL rounds this pass to 8 bits.
     */
    private static float[] horizontal(RgbImage image, Taps tx, Taps ty, boolean round) {
        int[] range = ty.sourceRange();
        int rowLo = range[0];
        int nRows = range[1] - rowLo + 1;
        int cw = tx.to - tx.from;
        float[] rows = new float[Math.max(0, nRows) * cw * 3];
        boolean[] needed = new boolean[Math.max(0, nRows)];
        for (int v = ty.from; v < ty.to; v++) {
            for (int j = 0; j < ty.count(v); j++) {
                needed[ty.start(v) + j - rowLo] = true;
            }
        }
        int[] pixels = image.pixels();
        int w = image.width();
        for (int r = 0; r < nRows; r++) {
            if (!needed[r]) {
                continue;
            }
            int line = (r + rowLo) * w;
            int base = r * cw * 3;
            for (int u = tx.from; u < tx.to; u++) {
                float red = 0;
                float green = 0;
                float blue = 0;
                int first = line + tx.start(u);
                for (int j = 0, n = tx.count(u); j < n; j++) {
                    float wx = tx.weight(u, j);
                    int p = pixels[first + j];
                    red += wx * (p >>> 16 & 0xFF);
                    green += wx * (p >>> 8 & 0xFF);
                    blue += wx * (p & 0xFF);
                }
                int at = base + (u - tx.from) * 3;
                rows[at] = round ? byte8(red) : red;
                rows[at + 1] = round ? byte8(green) : green;
                rows[at + 2] = round ? byte8(blue) : blue;
            }
        }
        return rows;
    }

    /** Rounds to the nearest 8-bit value. */
    private static float byte8(float v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (float) Math.floor(v + 0.5f);
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
}
