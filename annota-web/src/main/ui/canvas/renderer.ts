// Draws an image and its annotations on a 2-D canvas. Built for thousands of objects: bounds are computed once
// per annotation (cached by object identity), only annotations that intersect the view are drawn, and shapes
// are batched into one path per colour, so a frame costs a few canvas calls per class rather than per object.
import type { Annotation } from '../api/types';
import { bounds, rotatedCorners, visibleKeypoints } from '../geometry/shapes';
import { countsOf } from '../geometry/rle';
import { intersects, visibleImageRect, type Rect, type Viewport } from '../geometry/viewport';
import { withAlpha } from '../lib/palette';

export interface Scene {
  viewport: Viewport;
  /** CSS pixels of the canvas; the backing store is this × devicePixelRatio. */
  width: number;
  height: number;
  image: CanvasImageSource | null;
  imageWidth: number;
  imageHeight: number;
  annotations: readonly Annotation[];
  colourOf: (label: number) => string;
  selected: number;
  hidden?: ReadonlySet<number>;
  /** An in-progress box in image coordinates. */
  draft?: Rect | null;
  draftColour?: string;
  /** Drawn faded (e.g. the other side of a conflict shown for comparison). */
  dimmed?: boolean;
}

export interface FrameStats {
  drawn: number;
  culled: number;
  ms: number;
}

const boundsCache = new WeakMap<Annotation, Rect | null>();
const maskCache = new WeakMap<Annotation, { canvas: HTMLCanvasElement | OffscreenCanvas; colour: string }>();

function cachedBounds(a: Annotation): Rect | null {
  let b = boundsCache.get(a);
  if (b === undefined) {
    b = bounds(a);
    boundsCache.set(a, b);
  }
  return b;
}

function addFlat(path: Path2D, flat: number[], close: boolean): void {
  if (flat.length < 2) return;
  path.moveTo(flat[0], flat[1]);
  for (let i = 2; i + 1 < flat.length; i += 2) path.lineTo(flat[i], flat[i + 1]);
  if (close) path.closePath();
}

/** The mask's pixels inside its bounding box, tinted; cached per annotation (masks can be 10k × 10k). */
function maskCanvas(a: Annotation, colour: string): { canvas: HTMLCanvasElement | OffscreenCanvas; x: number; y: number } | null {
  const bb = cachedBounds(a);
  if (!a.mask || !bb || bb.w <= 0 || bb.h <= 0) return null;
  const cached = maskCache.get(a);
  if (cached && cached.colour === colour) return { canvas: cached.canvas, x: bb.x, y: bb.y };
  const h = a.mask.size[0];
  const cw = bb.w, ch = bb.h;
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(cw, ch)
    : Object.assign(document.createElement('canvas'), { width: cw, height: ch });
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) return null;
  const img = ctx.createImageData(cw, ch);
  const n = parseInt(colour.slice(1), 16);
  const r = (n >> 16) & 255, g = (n >> 8) & 255, b = n & 255;
  let pos = 0;
  countsOf(a.mask).forEach((run, k) => {
    if (k % 2 === 1) {
      for (let i = pos; i < pos + run; i++) {
        const x = Math.floor(i / h) - bb.x, y = (i % h) - bb.y;
        const o = (y * cw + x) * 4;
        img.data[o] = r;
        img.data[o + 1] = g;
        img.data[o + 2] = b;
        img.data[o + 3] = 110;
      }
    }
    pos += run;
  });
  ctx.putImageData(img, 0, 0);
  maskCache.set(a, { canvas, colour });
  return { canvas, x: bb.x, y: bb.y };
}

interface Batch {
  fill: Path2D;
  stroke: Path2D;
  dots: Path2D;
}

export function render(ctx: CanvasRenderingContext2D, s: Scene): FrameStats {
  const t0 = performance.now();
  const dpr = ctx.canvas.width / Math.max(1, s.width);
  const v = s.viewport;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr * v.scale, 0, 0, dpr * v.scale, dpr * v.tx, dpr * v.ty);
  if (s.image) {
    ctx.imageSmoothingEnabled = v.scale < 2;
    ctx.drawImage(s.image, 0, 0, s.imageWidth, s.imageHeight);
  }
  const view = visibleImageRect(v, s.width, s.height);
  const px = 1 / v.scale; // one screen pixel in image units
  const batches = new Map<string, Batch>();
  const batch = (colour: string) => {
    let b = batches.get(colour);
    if (!b) batches.set(colour, (b = { fill: new Path2D(), stroke: new Path2D(), dots: new Path2D() }));
    return b;
  };
  let drawn = 0, culled = 0;
  ctx.globalAlpha = s.dimmed ? 0.45 : 1;
  for (let i = 0; i < s.annotations.length; i++) {
    const a = s.annotations[i];
    if (s.hidden?.has(i)) continue;
    const bb = cachedBounds(a);
    if (!bb) continue;
    if (!intersects(bb, { x: view.x - 4 * px, y: view.y - 4 * px, w: view.w + 8 * px, h: view.h + 8 * px })) {
      culled++;
      continue;
    }
    drawn++;
    const colour = s.colourOf(a.label);
    const b = batch(colour);
    switch (a.kind) {
      case 'box': {
        const [x, y, w, h] = a.box!;
        b.fill.rect(x, y, w, h);
        b.stroke.rect(x, y, w, h);
        break;
      }
      case 'rotated_box': {
        const r = a.rotated_box!;
        const c = rotatedCorners(r.cx, r.cy, r.w, r.h, r.angle).flatMap((p) => [p.x, p.y]);
        addFlat(b.fill, c, true);
        addFlat(b.stroke, c, true);
        break;
      }
      case 'polygon':
        for (const part of a.polygon!) {
          addFlat(b.fill, part, true);
          addFlat(b.stroke, part, true);
        }
        break;
      case 'polyline':
        addFlat(b.stroke, a.points!, false);
        break;
      case 'points':
        for (let k = 0; k + 1 < a.points!.length; k += 2) {
          b.dots.moveTo(a.points![k] + 4 * px, a.points![k + 1]);
          b.dots.arc(a.points![k], a.points![k + 1], 4 * px, 0, Math.PI * 2);
        }
        break;
      case 'keypoints':
        for (const k of visibleKeypoints(a)) {
          b.dots.moveTo(k.p.x + 4 * px, k.p.y);
          b.dots.arc(k.p.x, k.p.y, 4 * px, 0, Math.PI * 2);
        }
        break;
      case 'cuboid': {
        const c = a.cuboid!;
        addFlat(b.stroke, c.slice(0, 8), true);
        addFlat(b.stroke, c.slice(8, 16), true);
        for (let k = 0; k < 4; k++) addFlat(b.stroke, [c[2 * k], c[2 * k + 1], c[8 + 2 * k], c[9 + 2 * k]], false);
        addFlat(b.fill, c.slice(0, 8), true);
        break;
      }
      case 'ellipse': {
        const e = a.ellipse!;
        const rad = (e.angle * Math.PI) / 180;
        b.fill.moveTo(e.cx + e.rx * Math.cos(rad), e.cy + e.rx * Math.sin(rad));
        b.fill.ellipse(e.cx, e.cy, e.rx, e.ry, rad, 0, Math.PI * 2);
        b.stroke.moveTo(e.cx + e.rx * Math.cos(rad), e.cy + e.rx * Math.sin(rad));
        b.stroke.ellipse(e.cx, e.cy, e.rx, e.ry, rad, 0, Math.PI * 2);
        break;
      }
      case 'mask': {
        const m = maskCanvas(a, colour);
        if (m) {
          ctx.imageSmoothingEnabled = false;
          ctx.drawImage(m.canvas as CanvasImageSource, m.x, m.y);
        }
        break;
      }
    }
  }
  ctx.lineWidth = 2 * px;
  ctx.lineJoin = 'round';
  for (const [colour, b] of batches) {
    ctx.fillStyle = withAlpha(colour, 0.18);
    ctx.fill(b.fill, 'evenodd');
    ctx.strokeStyle = colour;
    ctx.stroke(b.stroke);
    ctx.fillStyle = colour;
    ctx.fill(b.dots);
  }
  ctx.globalAlpha = 1;
  const sel = s.selected >= 0 ? s.annotations[s.selected] : undefined;
  const sb = sel ? cachedBounds(sel) : null;
  if (sb) {
    ctx.setLineDash([6 * px, 4 * px]);
    ctx.strokeStyle = '#FFFFFF';
    ctx.lineWidth = 3 * px;
    ctx.strokeRect(sb.x - 3 * px, sb.y - 3 * px, sb.w + 6 * px, sb.h + 6 * px);
    ctx.strokeStyle = '#000000';
    ctx.lineWidth = 1.5 * px;
    ctx.strokeRect(sb.x - 3 * px, sb.y - 3 * px, sb.w + 6 * px, sb.h + 6 * px);
    ctx.setLineDash([]);
  }
  if (s.draft) {
    const d = s.draft;
    ctx.fillStyle = withAlpha(s.draftColour ?? '#E69F00', 0.2);
    ctx.fillRect(d.x, d.y, d.w, d.h);
    ctx.strokeStyle = s.draftColour ?? '#E69F00';
    ctx.lineWidth = 2 * px;
    ctx.setLineDash([5 * px, 3 * px]);
    ctx.strokeRect(d.x, d.y, d.w, d.h);
    ctx.setLineDash([]);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return { drawn, culled, ms: performance.now() - t0 };
}
