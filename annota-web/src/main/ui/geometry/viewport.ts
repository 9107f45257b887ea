// The view of an image on screen: screen = image * scale + (tx, ty). Pure functions, no DOM, so zooming to the
// cursor, panning and fitting are unit-tested; the canvas code only applies the result.

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Viewport {
  readonly scale: number;
  readonly tx: number;
  readonly ty: number;
}

export const MIN_SCALE = 1 / 64;
export const MAX_SCALE = 64;

export const IDENTITY: Viewport = { scale: 1, tx: 0, ty: 0 };

export function toScreen(v: Viewport, p: Point): Point {
  return { x: p.x * v.scale + v.tx, y: p.y * v.scale + v.ty };
}

export function toImage(v: Viewport, p: Point): Point {
  return { x: (p.x - v.tx) / v.scale, y: (p.y - v.ty) / v.scale };
}

function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

/** Zooms by {@code factor} keeping the image point under {@code anchor} (a screen point) where it is. */
export function zoomAt(v: Viewport, anchor: Point, factor: number): Viewport {
  const scale = clampScale(v.scale * factor);
  const under = toImage(v, anchor);
  return { scale, tx: anchor.x - under.x * scale, ty: anchor.y - under.y * scale };
}

export function pan(v: Viewport, dx: number, dy: number): Viewport {
  return { scale: v.scale, tx: v.tx + dx, ty: v.ty + dy };
}

/** The whole image centred in the view, with {@code margin} screen pixels around it. */
export function fit(imageW: number, imageH: number, viewW: number, viewH: number, margin = 16): Viewport {
  if (imageW <= 0 || imageH <= 0 || viewW <= 0 || viewH <= 0) return IDENTITY;
  const availW = Math.max(1, viewW - 2 * margin);
  const availH = Math.max(1, viewH - 2 * margin);
  const scale = clampScale(Math.min(availW / imageW, availH / imageH));
  return { scale, tx: (viewW - imageW * scale) / 2, ty: (viewH - imageH * scale) / 2 };
}

/** The part of the image (in image coordinates) that a view of size viewW × viewH shows. */
export function visibleImageRect(v: Viewport, viewW: number, viewH: number): Rect {
  const a = toImage(v, { x: 0, y: 0 });
  const b = toImage(v, { x: viewW, y: viewH });
  return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
}

/** The zoom factor of one wheel event: smooth for trackpads, one notch ≈ 1.2×. */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.pow(1.2, -pixels / 100);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

/** The rectangle spanned by two corners, in any order. */
export function rectFromCorners(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** {@code r} cut to the image [0, w] × [0, h]; width or height 0 when it lies outside. */
export function clampRect(r: Rect, w: number, h: number): Rect {
  const x0 = Math.min(w, Math.max(0, r.x));
  const y0 = Math.min(h, Math.max(0, r.y));
  const x1 = Math.min(w, Math.max(0, r.x + r.w));
  const y1 = Math.min(h, Math.max(0, r.y + r.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
