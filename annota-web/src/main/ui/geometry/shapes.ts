// Geometry of annotations as the API sends them: bounding boxes (for culling and hit tests), outlines to draw,
// and hit testing. Pure functions over plain objects; the canvas renderer and the tools use them.
import type { Annotation } from '../api/types';
import { bbox as rleBbox } from './rle';
import type { Point, Rect } from './viewport';

/** The corners of a rotated rectangle (angle in degrees, clockwise on screen since y points down). */
export function rotatedCorners(cx: number, cy: number, w: number, h: number, angleDeg: number): Point[] {
  const a = (angleDeg * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  return [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]].map(([dx, dy]) => ({
    x: cx + dx * cos - dy * sin,
    y: cy + dx * sin + dy * cos,
  }));
}

function pairs(flat: number[], stride = 2): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < flat.length; i += stride) out.push({ x: flat[i], y: flat[i + 1] });
  return out;
}

function boundsOf(points: Point[]): Rect | null {
  if (points.length === 0) return null;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of points) {
    if (p.x < x0) x0 = p.x;
    if (p.y < y0) y0 = p.y;
    if (p.x > x1) x1 = p.x;
    if (p.y > y1) y1 = p.y;
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** The visible keypoints (v > 0) of a keypoints annotation, with their index in the skeleton. */
export function visibleKeypoints(a: Annotation): { i: number; p: Point; v: number }[] {
  const k = a.keypoints ?? [];
  const out: { i: number; p: Point; v: number }[] = [];
  for (let i = 0; i + 2 < k.length; i += 3) {
    if (k[i + 2] > 0) out.push({ i: i / 3, p: { x: k[i], y: k[i + 1] }, v: k[i + 2] });
  }
  return out;
}

/** Every vertex that outlines the annotation (for bounds), or [] for tags. */
export function outlinePoints(a: Annotation): Point[] {
  switch (a.kind) {
    case 'box': {
      const [x, y, w, h] = a.box ?? [0, 0, 0, 0];
      return [{ x, y }, { x: x + w, y: y + h }];
    }
    case 'rotated_box': {
      const r = a.rotated_box;
      return r ? rotatedCorners(r.cx, r.cy, r.w, r.h, r.angle) : [];
    }
    case 'polygon':
      return (a.polygon ?? []).flatMap((part) => pairs(part));
    case 'polyline':
    case 'points':
      return pairs(a.points ?? []);
    case 'keypoints':
      return visibleKeypoints(a).map((k) => k.p);
    case 'cuboid':
      return pairs(a.cuboid ?? []);
    case 'ellipse': {
      const e = a.ellipse;
      if (!e) return [];
      // the bounding box of a rotated ellipse
      const t = (e.angle * Math.PI) / 180;
      const hw = Math.sqrt((e.rx * Math.cos(t)) ** 2 + (e.ry * Math.sin(t)) ** 2);
      const hh = Math.sqrt((e.rx * Math.sin(t)) ** 2 + (e.ry * Math.cos(t)) ** 2);
      return [{ x: e.cx - hw, y: e.cy - hh }, { x: e.cx + hw, y: e.cy + hh }];
    }
    case 'mask': {
      const b = a.mask ? rleBbox(a.mask) : null;
      return b ? [{ x: b[0], y: b[1] }, { x: b[0] + b[2], y: b[1] + b[3] }] : [];
    }
    default:
      return [];
  }
}

/** The axis-aligned bounds in image pixels, or null when the annotation has no geometry (a tag). */
export function bounds(a: Annotation): Rect | null {
  return boundsOf(outlinePoints(a));
}

/** A cuboid face (top-left, bottom-left, top-right, bottom-right, as Cuboid2D orders it) as a ring. */
export function faceRing<T>(face: readonly T[]): T[] {
  return face.length === 4 ? [face[0], face[1], face[3], face[2]] : face.slice();
}

function pointInRing(p: Point, ring: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i], b = ring[j];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x, dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function nearPolyline(p: Point, pts: Point[], tol: number, closed: boolean): boolean {
  const n = pts.length;
  for (let i = 0; i + 1 < n + (closed ? 1 : 0); i++) {
    if (distanceToSegment(p, pts[i], pts[(i + 1) % n]) <= tol) return true;
  }
  return n === 1 && Math.hypot(p.x - pts[0].x, p.y - pts[0].y) <= tol;
}

/**
 * Whether the image point {@code p} touches the annotation: inside filled shapes (boxes, polygons, ellipses,
 * masks by their bounds), within {@code tol} image pixels of lines and points.
 */
export function hitTest(a: Annotation, p: Point, tol: number): boolean {
  const b = bounds(a);
  if (!b || p.x < b.x - tol || p.x > b.x + b.w + tol || p.y < b.y - tol || p.y > b.y + b.h + tol) return false;
  switch (a.kind) {
    case 'box':
    case 'mask':
      return true;
    case 'rotated_box': {
      const r = a.rotated_box!;
      return pointInRing(p, rotatedCorners(r.cx, r.cy, r.w, r.h, r.angle));
    }
    case 'polygon': {
      let inside = false;
      for (const part of a.polygon ?? []) if (pointInRing(p, pairs(part))) inside = !inside;
      return inside || (a.polygon ?? []).some((part) => nearPolyline(p, pairs(part), tol, true));
    }
    case 'ellipse': {
      const e = a.ellipse!;
      const t = (-e.angle * Math.PI) / 180;
      const dx = p.x - e.cx, dy = p.y - e.cy;
      const u = dx * Math.cos(t) - dy * Math.sin(t), v = dx * Math.sin(t) + dy * Math.cos(t);
      return (u * u) / (e.rx * e.rx || 1) + (v * v) / (e.ry * e.ry || 1) <= 1;
    }
    case 'polyline':
      return nearPolyline(p, pairs(a.points ?? []), tol, false);
    case 'points':
    case 'keypoints':
      return outlinePoints(a).some((q) => Math.hypot(p.x - q.x, p.y - q.y) <= tol);
    case 'cuboid': {
      const c = pairs(a.cuboid ?? []);
      return pointInRing(p, faceRing(c.slice(0, 4))) || pointInRing(p, faceRing(c.slice(4, 8)));
    }
    default:
      return false;
  }
}

/**
 * The topmost annotation under {@code p}: highest z_order first, then the smallest area (so a small box inside
 * a big one can be picked), then the latest drawn. Returns the index, or -1.
 */
export function pick(list: readonly Annotation[], p: Point, tol: number): number {
  let best = -1;
  let bestZ = -Infinity, bestArea = Infinity;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (!hitTest(a, p, tol)) continue;
    const b = bounds(a)!;
    const z = a.z_order ?? 0;
    const ar = b.w * b.h;
    if (z > bestZ || (z === bestZ && ar <= bestArea)) {
      best = i;
      bestZ = z;
      bestArea = ar;
    }
  }
  return best;
}
