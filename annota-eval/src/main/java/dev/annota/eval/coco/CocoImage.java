package dev.annota.eval.coco;

/** An image of the ground truth: its id and the size that polygons are rasterised in. */
public record CocoImage(long id, int width, int height) {
}
