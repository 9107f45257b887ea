package dev.annota.infer.descriptor;

/**
 * How resizing samples the original pixels ({@code input.resize_filter}). The reference pipelines that models
 * were trained and verified with differ here, and small models notice: SqueezeNet's coffee photo gives
 * espresso 0.944 with one and 0.98 with another.
 */
public enum ResizeFilter {
    /** Two taps per axis at half-pixel centres, no antialiasing: OpenCV's {@code INTER_LINEAR}. */
    BILINEAR,
    /**
     * A triangle filter whose support grows with the downscale factor, taps clipped to the image and
     * renormalised, the horizontal pass rounded to 8 bits: PIL's {@code Image.resize(..., BILINEAR)}, which
     * torchvision's {@code Resize} uses on PIL images.
     */
    BILINEAR_ANTIALIAS,
    /** PIL's {@code LANCZOS} (3 lobes; rembg's U²-Net preprocessing), antialiased like {@link #BILINEAR_ANTIALIAS}. */
    LANCZOS3,
    /** Each output pixel averages the source area it covers (bilinear when enlarging): OpenCV's {@code INTER_AREA}. */
    AREA,
    /** The source pixel under the output pixel's centre: PIL's {@code NEAREST}, OpenCV's {@code INTER_NEAREST_EXACT}. */
    NEAREST
}
