// Editing a selected annotation's geometry: the handles it shows (vertices, corners, a rotation knob), what
// dragging one does, inserting a vertex on an edge and deleting one. Pure; coordinates in image pixels, results
// rounded to 1/100 pixel and kept inside the image.
import type { Annotation } from '../api/types';
import { distanceToSegment, rotatedCorners } from '../geometry/shapes';
import type { Point } from '../geometry/viewport';
import { round2 } from './boxTool';
import { clampPoint } from './drawTools';

/**
 * A handle: {@code vertex} moves one point ({@code part} = polygon part, {@code index} = point index);
 * {@code corner} resizes a box-like shape keeping the opposite corner ({@code index} 0–3: top-left, top-right,
 * bottom-right, bottom-left); {@code rotate} turns it about its centre.
 */
export interface Handle {
  readonly type: 'vertex' | 'corner' | 'rotate';
  readonly part: number;
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

function vertices(flat: readonly number[], part: number, stride = 2): Handle[] {
  const out: Handle[] = [];
  for (let i = 0; i + 1 < flat.length; i += stride) out.push({ type: 'vertex', part, index: i / stride, x: flat[i], y: flat[i + 1] });
  return out;
}

/** Distance in image pixels of the rotation knob above the top edge (scaled by the caller's zoom). */
export const ROTATE_KNOB = 24;

export function handlesOf(a: Annotation, knob = ROTATE_KNOB): Handle[] {
  switch (a.kind) {
    case 'box': {
      const [x, y, w, h] = a.box!;
      return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]].map(([hx, hy], index) => ({ type: 'corner', part: 0, index, x: hx, y: hy }));
    }
    case 'rotated_box': {
      const r = a.rotated_box!;
      const c = rotatedCorners(r.cx, r.cy, r.w, r.h, r.angle);
      const t = (r.angle * Math.PI) / 180;
      const top = { x: r.cx + (r.h / 2 + knob) * Math.sin(t), y: r.cy - (r.h / 2 + knob) * Math.cos(t) };
      return [...c.map((p, index) => ({ type: 'corner' as const, part: 0, index, x: p.x, y: p.y })), { type: 'rotate', part: 0, index: 0, ...top }];
    }
    case 'ellipse': {
      const e = a.ellipse!;
      const t = (e.angle * Math.PI) / 180;
      const along = (d: number, ang: number) => ({ x: e.cx + d * Math.cos(ang), y: e.cy + d * Math.sin(ang) });
      // corners of the ellipse's own (rotated) bounding box
      const c = rotatedCorners(e.cx, e.cy, 2 * e.rx, 2 * e.ry, e.angle);
      const top = along(e.ry + knob, t - Math.PI / 2);
      return [...c.map((p, index) => ({ type: 'corner' as const, part: 0, index, x: p.x, y: p.y })), { type: 'rotate', part: 0, index: 0, ...top }];
    }
    case 'polygon':
      return a.polygon!.flatMap((part, i) => vertices(part, i));
    case 'polyline':
    case 'points':
      return vertices(a.points!, 0);
    case 'keypoints':
      return vertices(a.keypoints!, 0, 3).filter((h) => a.keypoints![h.index * 3 + 2] > 0);
    case 'cuboid':
      return vertices(a.cuboid!, 0);
    default:
      return [];
  }
}

/** The handle within {@code tol} of {@code p} (the rotation knob first, then the nearest), or undefined. */
export function handleAt(a: Annotation, p: Point, tol: number, knob = ROTATE_KNOB): Handle | undefined {
  let best: Handle | undefined;
  let bestD = Infinity;
  for (const h of handlesOf(a, knob)) {
    const d = Math.hypot(h.x - p.x, h.y - p.y);
    if (d > tol) continue;
    if (h.type === 'rotate') return h;
    if (d < bestD) {
      best = h;
      bestD = d;
    }
  }
  return best;
}

function setFlat(flat: readonly number[], index: number, p: Point, stride = 2): number[] {
  const out = flat.slice();
  out[index * stride] = p.x;
  out[index * stride + 1] = p.y;
  return out;
}

/** A box-like shape's centre frame resized so that corner {@code index} is at {@code p} and the opposite stays. */
function resizeInFrame(cx: number, cy: number, w: number, h: number, angleDeg: number, index: number, p: Point) {
  const t = (angleDeg * Math.PI) / 180, cos = Math.cos(t), sin = Math.sin(t);
  const signs = [[-1, -1], [1, -1], [1, 1], [-1, 1]][index];
  // the opposite corner, fixed
  const ox = cx - (signs[0] * w / 2) * cos + (signs[1] * h / 2) * sin;
  const oy = cy - (signs[0] * w / 2) * sin - (signs[1] * h / 2) * cos;
  // p in the shape's frame relative to the opposite corner
  const dx = p.x - ox, dy = p.y - oy;
  const u = dx * cos + dy * sin, v = -dx * sin + dy * cos;
  const nw = Math.max(1, Math.abs(u)), nh = Math.max(1, Math.abs(v));
  const su = Math.sign(u) || signs[0], sv = Math.sign(v) || signs[1];
  const ncx = ox + (su * nw / 2) * cos - (sv * nh / 2) * sin;
  const ncy = oy + (su * nw / 2) * sin + (sv * nh / 2) * cos;
  return { cx: round2(ncx), cy: round2(ncy), w: round2(nw), h: round2(nh) };
}

/** The annotation with handle {@code h} dragged to {@code to} (clamped to the image w × h). */
export function dragHandle(a: Annotation, h: Handle, to: Point, w: number, hgt: number): Annotation {
  const p = clampPoint(to, w, hgt);
  switch (a.kind) {
    case 'box': {
      const [x, y, bw, bh] = a.box!;
      const opp = [[x + bw, y + bh], [x, y + bh], [x, y], [x + bw, y]][h.index];
      const x0 = Math.min(opp[0], p.x), y0 = Math.min(opp[1], p.y);
      return { ...a, box: [round2(x0), round2(y0), round2(Math.max(1, Math.abs(opp[0] - p.x))), round2(Math.max(1, Math.abs(opp[1] - p.y)))] };
    }
    case 'rotated_box': {
      const r = a.rotated_box!;
      if (h.type === 'rotate') return { ...a, rotated_box: { ...r, angle: angleTowards(r.cx, r.cy, to) } };
      const f = resizeInFrame(r.cx, r.cy, r.w, r.h, r.angle, h.index, p);
      return { ...a, rotated_box: { ...r, ...f } };
    }
    case 'ellipse': {
      const e = a.ellipse!;
      if (h.type === 'rotate') return { ...a, ellipse: { ...e, angle: angleTowards(e.cx, e.cy, to) } };
      const f = resizeInFrame(e.cx, e.cy, 2 * e.rx, 2 * e.ry, e.angle, h.index, p);
      return { ...a, ellipse: { ...e, cx: f.cx, cy: f.cy, rx: round2(f.w / 2), ry: round2(f.h / 2) } };
    }
    case 'polygon':
      return { ...a, polygon: a.polygon!.map((part, i) => (i === h.part ? setFlat(part, h.index, p) : part)) };
    case 'polyline':
    case 'points':
      return { ...a, points: setFlat(a.points!, h.index, p) };
    case 'keypoints':
      return { ...a, keypoints: setFlat(a.keypoints!, h.index, p, 3) };
    case 'cuboid':
      return { ...a, cuboid: setFlat(a.cuboid!, h.index, p) };
    default:
      return a;
  }
}

/** The angle in degrees (clockwise, y down) that points a shape's "up" from its centre towards {@code p}. */
export function angleTowards(cx: number, cy: number, p: Point): number {
  return round2((Math.atan2(p.x - cx, -(p.y - cy)) * 180) / Math.PI);
}

/** The edge of a polygon or polyline within {@code tol} of {@code p}: insert a vertex after {@code index}. */
export function edgeAt(a: Annotation, p: Point, tol: number): { part: number; index: number } | undefined {
  const test = (flat: readonly number[], part: number, closed: boolean) => {
    const n = flat.length / 2;
    for (let i = 0; i < n - (closed ? 0 : 1); i++) {
      const j = (i + 1) % n;
      if (distanceToSegment(p, { x: flat[2 * i], y: flat[2 * i + 1] }, { x: flat[2 * j], y: flat[2 * j + 1] }) <= tol) return { part, index: i };
    }
    return undefined;
  };
  if (a.kind === 'polygon') {
    for (let k = 0; k < a.polygon!.length; k++) {
      const hit = test(a.polygon![k], k, true);
      if (hit) return hit;
    }
  } else if (a.kind === 'polyline') {
    return test(a.points!, 0, false);
  }
  return undefined;
}

/** The polygon or polyline with a new vertex at {@code p} after vertex {@code index} of {@code part}. */
export function insertVertex(a: Annotation, part: number, index: number, p: Point): Annotation {
  const ins = (flat: readonly number[]) => [...flat.slice(0, 2 * index + 2), round2(p.x), round2(p.y), ...flat.slice(2 * index + 2)];
  if (a.kind === 'polygon') return { ...a, polygon: a.polygon!.map((f, i) => (i === part ? ins(f) : f)) };
  if (a.kind === 'polyline') return { ...a, points: ins(a.points!) };
  return a;
}

/**
 * The annotation without vertex {@code h}, or null when that would leave too few (a polygon part keeps 3
 * points, a polyline 2, a point set 1; a polygon hole that would fall below 3 is removed). Keypoints are not
 * deleted but marked unlabelled (v = 0); box-like shapes have no vertices to delete.
 */
export function deleteVertex(a: Annotation, h: Handle): Annotation | null {
  const drop = (flat: readonly number[], stride = 2) => [...flat.slice(0, h.index * stride), ...flat.slice((h.index + 1) * stride)];
  switch (a.kind) {
    case 'polygon': {
      const part = a.polygon![h.part];
      if (part.length / 2 > 3) return { ...a, polygon: a.polygon!.map((f, i) => (i === h.part ? drop(f) : f)) };
      if (a.polygon!.length > 1) return { ...a, polygon: a.polygon!.filter((_, i) => i !== h.part) };
      return null;
    }
    case 'polyline':
      return a.points!.length / 2 > 2 ? { ...a, points: drop(a.points!) } : null;
    case 'points':
      return a.points!.length / 2 > 1 ? { ...a, points: drop(a.points!) } : null;
    case 'keypoints': {
      const k = a.keypoints!.slice();
      k[3 * h.index] = 0;
      k[3 * h.index + 1] = 0;
      k[3 * h.index + 2] = 0;
      return { ...a, keypoints: k };
    }
    default:
      return null;
  }
}

/** Keypoints: visible (2) ↔ labelled but not visible (1) for point {@code index}. */
export function toggleVisibility(a: Annotation, index: number): Annotation {
  if (a.kind !== 'keypoints') return a;
  const k = a.keypoints!.slice();
  const v = k[3 * index + 2];
  if (v === 0) return a;
  k[3 * index + 2] = v === 2 ? 1 : 2;
  return { ...a, keypoints: k };
}
