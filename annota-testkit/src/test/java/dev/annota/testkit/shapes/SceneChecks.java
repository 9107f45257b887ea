package dev.annota.testkit.shapes;

import dev.annota.core.geometry.PixelBox;

/** Independent recomputations that the tests compare the generator's ground truth with. */
final class SceneChecks {
    private SceneChecks() {
    }

    /** For each pixel, the z-order of the top-most kept shape holding its centre, or -1: by brute force. */
    static int[] topMost(ShapeScene scene) {
        int w = scene.width(), h = scene.height();
        int[] top = new int[w * h];
        java.util.Arrays.fill(top, -1);
        for (ShapeObject o : scene.objects()) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (o.shape().contains(x + 0.5, y + 0.5)) {
                        top[y * w + x] = o.zOrder();
                    }
                }
            }
        }
        return top;
    }

    /** The tight box of a row-major bitmap, computed directly. */
    static PixelBox tightBox(boolean[] bitmap, int width, int height) {
        int x1 = Integer.MAX_VALUE, y1 = Integer.MAX_VALUE, x2 = -1, y2 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (bitmap[y * width + x]) {
                    x1 = Math.min(x1, x);
                    y1 = Math.min(y1, y);
                    x2 = Math.max(x2, x);
                    y2 = Math.max(y2, y);
                }
            }
        }
        return new PixelBox(x1, y1, x2 + 1 - x1, y2 + 1 - y1);
    }
}
