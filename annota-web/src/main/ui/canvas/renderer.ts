// Draws an image (or its tiles) and its annotations on a 2-D canvas. Built for thousands of objects: bounds are
// computed once per annotation (cached by object identity), a spatial grid index says which annotations meet the
// view, and shapes are batched into one Path2D per colour, so a frame costs a few canvas calls per class rather
// than per object. When most objects are visible, the per-colour paths of the whole set are reused from frame to
// frame (they are in image coordinates, so panning and zooming do not rebuild them).
import type { Annotation, Skeleton } from '../api/types';
import { bounds, faceRing, rotatedCorners, visibleKeypoints } from '../geometry/shapes';
import { countsOf } from '../geometry/rle';
import { GridIndex } from '../geometry/spatialIndex';
import { visibleImageRect, type Point, type Rect, type Viewport } from '../geometry/viewport';
import type { Handle } from '../editor/handles';
import { drawOrder } from '../editor/ops';
import { withAlpha } from '../lib/palette';

export interface TileImage {
  image: CanvasImageSource;
  rect: Rect;
}

/** A shape being drawn: a preview annotation, or the clicked points of a polygon/polyline with the cursor. */
export interface Draft {
  annotation?: Annotation | null;
  points?: readonly Point[];
  closed?: boolean;
  cursor?: Point | null;
  /** A brush or eraser stroke in progress, drawn as a thick line. */
  stroke?: { points: readonly Point[]; radius: number; erase: boolean };
  colour: string;
}

export interface SuggestionMark {
  annotation: Annotation;
  confidence: number;
  focused: boolean;
}

export interface Scene {
  viewport: Viewport;
  /** CSS pixels of the canvas; the backing store is this × devicePixelRatio. */
  width: number;
  height: number;
  image: CanvasImageSource | null;
  /** Tiles of a large image, coarse levels first (drawn instead of, or over, {@code image}). */
  tiles?: readonly TileImage[];
  imageWidth: number;
  imageHeight: number;
  annotations: readonly Annotation[];
  colourOf: (label: number) => string;
  skeletonOf?: (label: number) => Skeleton | null | undefined;
  selected: number;
  isHidden?: (index: number) => boolean;
  handles?: readonly Handle[];
  draft?: Draft | null;
  suggestions?: readonly SuggestionMark[];
  /** Drawn faded (e.g. the other side of a conflict shown for comparison). */
  dimmed?: boolean;
  /** An object being dragged: left out of the cached layer ({@code index}) and drawn on top as {@code annotation}. */
  overlay?: { index: number; annotation: Annotation } | null;
}

export interface FrameStats {
  drawn: number;
  culled: number;
  ms: number;
}

const boundsCache = new WeakMap<Annotation, Rect | null>();
const maskCache = new WeakMap<Annotation, { canvas: HTMLCanvasElement | OffscreenCanvas; colour: string }>();

export function cachedBounds(a: Annotation): Rect | null {
  let b = boundsCache.get(a);
  if (b === undefined) {
    b = bounds(a);
    boundsCache.set(a, b);
  }
  return b;
}

/** The spatial index of a list, built once per list (lists are replaced, never mutated, on every edit). */
const indexCache = new WeakMap<readonly Annotation[], GridIndex>();

export function indexOf(list: readonly Annotation[], w: number, h: number): GridIndex {
  let idx = indexCache.get(list);
  if (!idx) {
    const cell = Math.max(64, Math.ceil(Math.max(w, h) / 64));
    idx = new GridIndex(list.map(cachedBounds), w, h, cell);
    indexCache.set(list, idx);
  }
  return idx;
}

function addFlat(path: Path2D, flat: readonly number[], close: boolean): void {
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
}

/** Adds the outline of {@code a} (everything but points, keypoint dots and masks) to a batch. */
function addShape(b: Batch, a: Annotation, skeleton: Skeleton | null | undefined): void {
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
    case 'keypoints': {
      const k = a.keypoints!;
      for (const [i, j] of skeleton?.edges ?? []) {
        if (k[3 * i + 2] > 0 && k[3 * j + 2] > 0) addFlat(b.stroke, [k[3 * i], k[3 * i + 1], k[3 * j], k[3 * j + 1]], false);
      }
      break;
    }
    case 'cuboid': {
      const c = a.cuboid!;
      const face = (o: number) => faceRing([0, 1, 2, 3]).flatMap((i) => [c[o + 2 * i], c[o + 2 * i + 1]]);
      addFlat(b.stroke, face(0), true);
      addFlat(b.stroke, face(8), true);
      for (let k = 0; k < 4; k++) addFlat(b.stroke, [c[2 * k], c[2 * k + 1], c[8 + 2 * k], c[9 + 2 * k]], false);
      addFlat(b.fill, face(0), true);
      break;
    }
    case 'ellipse': {
      const e = a.ellipse!;
      const rad = (e.angle * Math.PI) / 180;
      for (const p of [b.fill, b.stroke]) {
        p.moveTo(e.cx + e.rx * Math.cos(rad), e.cy + e.rx * Math.sin(rad));
        p.ellipse(e.cx, e.cy, e.rx, e.ry, rad, 0, Math.PI * 2);
      }
      break;
    }
  }
}

function addDots(dots: Path2D, a: Annotation, r: number): void {
  if (a.kind === 'points') {
    for (let k = 0; k + 1 < a.points!.length; k += 2) {
      dots.moveTo(a.points![k] + r, a.points![k + 1]);
      dots.arc(a.points![k], a.points![k + 1], r, 0, Math.PI * 2);
    }
  } else if (a.kind === 'keypoints') {
    for (const k of visibleKeypoints(a)) {
      const rr = k.v === 1 ? r * 0.7 : r;
      dots.moveTo(k.p.x + rr, k.p.y);
      dots.arc(k.p.x, k.p.y, rr, 0, Math.PI * 2);
    }
  }
}

/** The whole set's per-colour paths, reused while the list and the objects shown stay the same. */
interface WholeSet {
  list: readonly Annotation[];
  shownKey: string;
  batches: Map<string, Batch>;
}
let whole: WholeSet | null = null;

function wholeSet(s: Scene, order: number[], shown: readonly number[]): Map<string, Batch> {
  const shownKey = shown.join(',');
  if (whole && whole.list === s.annotations && whole.shownKey === shownKey) return whole.batches;
  const isShown = new Uint8Array(s.annotations.length);
  for (const i of shown) isShown[i] = 1;
  const batches = new Map<string, Batch>();
  for (const i of order) {
    const a = s.annotations[i];
    if (!isShown[i] || a.kind === 'mask' || a.kind === 'tag') continue;
    const colour = s.colourOf(a.label);
    let b = batches.get(colour);
    if (!b) batches.set(colour, (b = { fill: new Path2D(), stroke: new Path2D() }));
    addShape(b, a, s.skeletonOf?.(a.label));
  }
  whole = { list: s.annotations, shownKey, batches };
  return batches;
}

export function render(ctx: CanvasRenderingContext2D, s: Scene): FrameStats {
  const t0 = performance.now();
  const dpr = ctx.canvas.width / Math.max(1, s.width);
  const v = s.viewport;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr * v.scale, 0, 0, dpr * v.scale, dpr * v.tx, dpr * v.ty);
  ctx.imageSmoothingEnabled = v.scale < 2;
  if (s.image) ctx.drawImage(s.image, 0, 0, s.imageWidth, s.imageHeight);
  for (const t of s.tiles ?? []) ctx.drawImage(t.image, t.rect.x, t.rect.y, t.rect.w, t.rect.h);
  const view = visibleImageRect(v, s.width, s.height);
  const px = 1 / v.scale; // one screen pixel in image units
  const skip = s.overlay?.index ?? -1;
  const isHidden = (i: number) => i === skip || !!s.isHidden?.(i);
  const hiddenKey = s.annotations.map((_, i) => (isHidden(i) ? '1' : '0')).join('');
  // the annotations are drawn into a cached layer at this zoom; panning only moves it (one drawImage)
  let l = layer;
  if (!l || l.list !== s.annotations || l.hiddenKey !== hiddenKey || l.scale !== v.scale || l.dpr !== dpr
      || l.colourOf !== s.colourOf || !contains(l.region, view, s.imageWidth, s.imageHeight)) {
    l = layer = buildLayer(s, v.scale, dpr, view, isHidden, hiddenKey);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = s.dimmed ? 0.45 : 1;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(l.canvas as CanvasImageSource, Math.round((v.tx + l.region.x * v.scale) * dpr), Math.round((v.ty + l.region.y * v.scale) * dpr));
  ctx.globalAlpha = 1;
  ctx.setTransform(dpr * v.scale, 0, 0, dpr * v.scale, dpr * v.tx, dpr * v.ty);
  if (s.overlay) drawObjects(ctx, { ...s, annotations: [s.overlay.annotation], isHidden: undefined }, [0], px);
  const visible = indexOf(s.annotations, s.imageWidth, s.imageHeight).query(view);
  const drawn = visible.length, culled = s.annotations.length - visible.length;

  if (s.suggestions?.length) drawSuggestions(ctx, s, px);

  const sel = s.overlay && s.overlay.index === s.selected ? s.overlay.annotation : s.selected >= 0 ? s.annotations[s.selected] : undefined;
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
  if (s.handles?.length) drawHandles(ctx, s.handles, px);
  if (s.draft) drawDraft(ctx, s.draft, s, px);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return { drawn, culled, ms: performance.now() - t0 };
}

/** The annotations drawn at one zoom, for a region of the image (the whole image when it fits in MAX_LAYER). */
interface Layer {
  list: readonly Annotation[];
  hiddenKey: string;
  scale: number;
  dpr: number;
  colourOf: (label: number) => string;
  region: Rect;
  canvas: HTMLCanvasElement | OffscreenCanvas;
}
let layer: Layer | null = null;
const MAX_LAYER = 4096;

function contains(region: Rect, view: Rect, w: number, h: number): boolean {
  // the view, cut to the image, lies inside the region
  const x0 = Math.max(0, view.x), y0 = Math.max(0, view.y);
  const x1 = Math.min(w, view.x + view.w), y1 = Math.min(h, view.y + view.h);
  return x1 <= x0 || y1 <= y0 || (x0 >= region.x && y0 >= region.y && x1 <= region.x + region.w && y1 <= region.y + region.h);
}

function buildLayer(s: Scene, scale: number, dpr: number, view: Rect, isHidden: (i: number) => boolean, hiddenKey: string): Layer {
  const k = scale * dpr;
  let region: Rect = { x: 0, y: 0, w: s.imageWidth, h: s.imageHeight };
  if (s.imageWidth * k > MAX_LAYER || s.imageHeight * k > MAX_LAYER) {
    // the view and a view's size around it, within the image and the size limit
    const mw = Math.min(view.w, (MAX_LAYER / k - view.w) / 2), mh = Math.min(view.h, (MAX_LAYER / k - view.h) / 2);
    const x0 = Math.max(0, view.x - Math.max(0, mw)), y0 = Math.max(0, view.y - Math.max(0, mh));
    const x1 = Math.min(s.imageWidth, view.x + view.w + Math.max(0, mw)), y1 = Math.min(s.imageHeight, view.y + view.h + Math.max(0, mh));
    region = { x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) };
  }
  // a few pixels of margin so that outlines at the image border are not cut
  const pad = 8 / k;
  region = { x: region.x - pad, y: region.y - pad, w: region.w + 2 * pad, h: region.h + 2 * pad };
  const cw = Math.max(1, Math.min(MAX_LAYER + 16, Math.ceil(region.w * k))), ch = Math.max(1, Math.min(MAX_LAYER + 16, Math.ceil(region.h * k)));
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(cw, ch)
    : Object.assign(document.createElement('canvas'), { width: cw, height: ch });
  const lctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  lctx.setTransform(k, 0, 0, k, -region.x * k, -region.y * k);
  const idx = indexOf(s.annotations, s.imageWidth, s.imageHeight).query(region).filter((i) => !isHidden(i));
  drawObjects(lctx, s, idx, 1 / scale, region);
  return { list: s.annotations, hiddenKey, scale, dpr, colourOf: s.colourOf, region, canvas };
}

/** Masks, then outlines batched per colour, then point dots, of the annotations {@code shown} (indices). */
function drawObjects(ctx: CanvasRenderingContext2D, s: Scene, shown: readonly number[], px: number, region?: Rect): void {
  const order = drawOrder(s.annotations);
  const isVisible = new Uint8Array(s.annotations.length);
  for (const i of shown) isVisible[i] = 1;
  for (const i of order) {
    const a = s.annotations[i];
    if (!isVisible[i] || a.kind !== 'mask') continue;
    const m = maskCanvas(a, s.colourOf(a.label));
    if (m) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(m.canvas as CanvasImageSource, m.x, m.y);
    }
  }
  let batches: Map<string, Batch>;
  if (region && shown.length > 0.5 * s.annotations.length) {
    batches = wholeSet(s, order, shown);
  } else {
    batches = new Map();
    for (const i of order) {
      if (!isVisible[i]) continue;
      const a = s.annotations[i];
      const colour = s.colourOf(a.label);
      let b = batches.get(colour);
      if (!b) batches.set(colour, (b = { fill: new Path2D(), stroke: new Path2D() }));
      addShape(b, a, s.skeletonOf?.(a.label));
    }
  }
  const dots = new Map<string, Path2D>();
  for (const i of shown) {
    const a = s.annotations[i];
    if (a.kind !== 'points' && a.kind !== 'keypoints') continue;
    const colour = s.colourOf(a.label);
    let d = dots.get(colour);
    if (!d) dots.set(colour, (d = new Path2D()));
    addDots(d, a, 4 * px);
  }
  ctx.lineWidth = 2 * px;
  ctx.lineJoin = 'round';
  for (const [colour, b] of batches) {
    ctx.fillStyle = withAlpha(colour, 0.18);
    ctx.fill(b.fill, 'evenodd');
    ctx.strokeStyle = colour;
    ctx.stroke(b.stroke);
  }
  for (const [colour, d] of dots) {
    ctx.fillStyle = colour;
    ctx.fill(d);
    ctx.strokeStyle = '#000000';
    ctx.lineWidth = px;
    ctx.stroke(d);
  }
}

function drawHandles(ctx: CanvasRenderingContext2D, handles: readonly Handle[], px: number): void {
  const r = 4.5 * px;
  const squares = new Path2D(), knobs = new Path2D();
  for (const h of handles) {
    if (h.type === 'rotate') {
      knobs.moveTo(h.x + r, h.y);
      knobs.arc(h.x, h.y, r * 1.2, 0, Math.PI * 2);
    } else {
      squares.rect(h.x - r, h.y - r, 2 * r, 2 * r);
    }
  }
  ctx.lineWidth = 1.5 * px;
  ctx.fillStyle = '#FFFFFF';
  ctx.strokeStyle = '#000000';
  ctx.fill(squares);
  ctx.stroke(squares);
  ctx.fillStyle = '#F0E442';
  ctx.fill(knobs);
  ctx.stroke(knobs);
}

function drawDraft(ctx: CanvasRenderingContext2D, d: Draft, s: Scene, px: number): void {
  ctx.strokeStyle = d.colour;
  ctx.fillStyle = withAlpha(d.colour, 0.2);
  ctx.lineWidth = 2 * px;
  ctx.setLineDash([5 * px, 3 * px]);
  if (d.annotation) {
    const b: Batch = { fill: new Path2D(), stroke: new Path2D() };
    addShape(b, d.annotation, s.skeletonOf?.(d.annotation.label));
    ctx.fill(b.fill, 'evenodd');
    ctx.stroke(b.stroke);
    const dots = new Path2D();
    addDots(dots, d.annotation, 4 * px);
    ctx.fillStyle = d.colour;
    ctx.fill(dots);
  }
  if (d.points && d.points.length) {
    const path = new Path2D();
    const pts = d.cursor ? [...d.points, d.cursor] : d.points;
    path.moveTo(pts[0].x, pts[0].y);
    for (const p of pts.slice(1)) path.lineTo(p.x, p.y);
    if (d.closed) path.closePath();
    ctx.stroke(path);
    const dots = new Path2D();
    for (const p of d.points) {
      dots.moveTo(p.x + 4 * px, p.y);
      dots.arc(p.x, p.y, 4 * px, 0, Math.PI * 2);
    }
    ctx.fillStyle = d.colour;
    ctx.fill(dots);
  }
  ctx.setLineDash([]);
  if (d.stroke && d.stroke.points.length) {
    const path = new Path2D();
    const [first, ...rest] = d.stroke.points;
    path.moveTo(first.x, first.y);
    for (const p of rest) path.lineTo(p.x, p.y);
    if (rest.length === 0) path.lineTo(first.x + 0.01, first.y);
    ctx.lineCap = 'round';
    ctx.lineWidth = 2 * d.stroke.radius;
    ctx.strokeStyle = d.stroke.erase ? 'rgba(255,255,255,0.55)' : withAlpha(d.colour, 0.5);
    ctx.stroke(path);
    ctx.lineCap = 'butt';
  }
}

/** Suggestions: dashed outlines in the class colour, no fill, with the confidence beside each. */
function drawSuggestions(ctx: CanvasRenderingContext2D, s: Scene, px: number): void {
  const byColour = new Map<string, Batch>();
  for (const m of s.suggestions!) {
    const colour = s.colourOf(m.annotation.label);
    let b = byColour.get(colour);
    if (!b) byColour.set(colour, (b = { fill: new Path2D(), stroke: new Path2D() }));
    addShape(b, m.annotation, s.skeletonOf?.(m.annotation.label));
  }
  ctx.setLineDash([7 * px, 5 * px]);
  ctx.lineWidth = 2 * px;
  for (const [colour, b] of byColour) {
    ctx.strokeStyle = colour;
    ctx.stroke(b.stroke);
  }
  ctx.setLineDash([]);
  ctx.font = `${12 * px}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const m of s.suggestions!) {
    const bb = cachedBounds(m.annotation);
    if (!bb) continue;
    const text = `${Math.round(m.confidence * 100)}%`;
    const w = ctx.measureText(text).width + 6 * px;
    ctx.fillStyle = m.focused ? '#000000' : 'rgba(0,0,0,0.7)';
    ctx.fillRect(bb.x, bb.y - 16 * px, w, 16 * px);
    ctx.fillStyle = '#FFFFFF';
    ctx.fillText(text, bb.x + 3 * px, bb.y - 2 * px);
    if (m.focused) {
      ctx.strokeStyle = '#FFFFFF';
      ctx.lineWidth = 3 * px;
      ctx.strokeRect(bb.x - 2 * px, bb.y - 2 * px, bb.w + 4 * px, bb.h + 4 * px);
    }
  }
}
