// The brush and the eraser: painting discs into a bitmap the size of the image, then storing it as COCO RLE
// (column-major runs, the compressed string pycocotools writes) — the same "mask": {size: [h, w], counts}
// that AnnotationJson reads. Pure; the canvas feeds pointer positions in image pixels.
import type { Annotation } from '../api/types';
import { encodeCounts, fromBitmap, toBitmap } from '../geometry/rle';
import type { Point } from '../geometry/viewport';

/** The largest image (pixels) the brush edits: its bitmap takes one byte per pixel. */
export const MAX_BRUSH_PIXELS = 64_000_000;

export interface MaskCanvas {
  readonly width: number;
  readonly height: number;
  /** Row-major, one byte per pixel: 1 inside. */
  readonly bits: Uint8Array;
}

export function emptyMask(width: number, height: number): MaskCanvas {
  if (width * height > MAX_BRUSH_PIXELS) {
    throw new RangeError(`the brush edits images of at most ${MAX_BRUSH_PIXELS / 1e6} megapixels; this one has ${(width * height / 1e6).toFixed(1)}`);
  }
  return { width, height, bits: new Uint8Array(width * height) };
}

/** The bitmap of an existing mask annotation, to paint on. */
export function maskOf(a: Annotation): MaskCanvas {
  const [h, w] = a.mask!.size;
  const m = emptyMask(w, h);
  m.bits.set(toBitmap(a.mask!));
  return m;
}

/** Paints (value 1) or erases (value 0) a disc of radius {@code r} pixels centred at {@code c}. */
export function paintDisc(m: MaskCanvas, c: Point, r: number, value: 0 | 1): void {
  const x0 = Math.max(0, Math.floor(c.x - r)), x1 = Math.min(m.width - 1, Math.ceil(c.x + r));
  const y0 = Math.max(0, Math.floor(c.y - r)), y1 = Math.min(m.height - 1, Math.ceil(c.y + r));
  const r2 = r * r;
  for (let y = y0; y <= y1; y++) {
    const dy = y + 0.5 - c.y;
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - c.x;
      if (dx * dx + dy * dy <= r2) m.bits[y * m.width + x] = value;
    }
  }
}

/** Paints discs along the segment a → b, spaced a third of the radius apart, so a fast stroke has no gaps. */
export function paintStroke(m: MaskCanvas, a: Point, b: Point, r: number, value: 0 | 1): void {
  const d = Math.hypot(b.x - a.x, b.y - a.y);
  const steps = Math.max(1, Math.ceil(d / Math.max(0.5, r / 3)));
  for (let i = 0; i <= steps; i++) {
    paintDisc(m, { x: a.x + ((b.x - a.x) * i) / steps, y: a.y + ((b.y - a.y) * i) / steps }, r, value);
  }
}

export function isEmpty(m: MaskCanvas): boolean {
  return m.bits.every((b) => b === 0);
}

/** The mask as Annota's annotation JSON (COCO compressed RLE), with the given class; human work. */
export function toMaskAnnotation(m: MaskCanvas, label: number, base?: Annotation): Annotation {
  const mask = { size: [m.height, m.width] as [number, number], counts: encodeCounts(fromBitmap(m.bits, m.width, m.height)) };
  return base ? { ...base, mask } : { kind: 'mask', label, mask, source: { type: 'human' } };
}
