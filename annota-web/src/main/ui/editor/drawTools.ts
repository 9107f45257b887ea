// Creating annotations of every kind from pointer input, in image coordinates. Pure functions: the canvas feeds
// points (already converted with the viewport) and adds the result to the document. Coordinates are rounded to
// 1/100 pixel and kept inside the image, so what is saved reads back identically (see AnnotationJson).
import type { Annotation, AnnotationKind, Skeleton } from '../api/types';
import { round2 } from './boxTool';
import type { Point } from '../geometry/viewport';

export type ToolKind =
  | 'select' | 'tag' | 'box' | 'rotated_box' | 'polygon' | 'polyline' | 'points' | 'keypoints'
  | 'brush' | 'eraser' | 'cuboid' | 'ellipse';

/** The annotation kind a tool draws (brush and eraser edit masks; select and tag draw nothing on the canvas). */
export function kindOfTool(t: ToolKind): AnnotationKind | null {
  switch (t) {
    case 'select':
      return null;
    case 'brush':
    case 'eraser':
      return 'mask';
    default:
      return t;
  }
}

/** Tools drawn by dragging a rectangle; the others add one point per click. */
export function isDragTool(t: ToolKind): boolean {
  return t === 'box' || t === 'rotated_box' || t === 'ellipse' || t === 'cuboid';
}

export function clampPoint(p: Point, w: number, h: number): Point {
  return { x: round2(Math.min(w, Math.max(0, p.x))), y: round2(Math.min(h, Math.max(0, p.y))) };
}

function human(kind: AnnotationKind, label: number, geometry: Partial<Annotation>): Annotation {
  return { kind, label, ...geometry, source: { type: 'human' } };
}

/**
 * The shape a drag from {@code a} to {@code b} draws with a rectangle tool, or null for a click (less than
 * {@code minSize} on a side): a box; a rotated box (angle 0, turned afterwards with its handle); an ellipse inside
 * the rectangle; a cuboid whose front face is the rectangle and whose back face is shifted up and right by a
 * quarter of its size (then edited vertex by vertex).
 */
export function shapeFromDrag(tool: ToolKind, label: number, a: Point, b: Point, w: number, h: number, minSize: number): Annotation | null {
  const p = clampPoint(a, w, h), q = clampPoint(b, w, h);
  const x0 = Math.min(p.x, q.x), y0 = Math.min(p.y, q.y), x1 = Math.max(p.x, q.x), y1 = Math.max(p.y, q.y);
  const bw = round2(x1 - x0), bh = round2(y1 - y0);
  if (bw < minSize || bh < minSize) return null;
  switch (tool) {
    case 'box':
      return human('box', label, { box: [x0, y0, bw, bh] });
    case 'rotated_box':
      return human('rotated_box', label, { rotated_box: { cx: round2(x0 + bw / 2), cy: round2(y0 + bh / 2), w: bw, h: bh, angle: 0 } });
    case 'ellipse':
      return human('ellipse', label, { ellipse: { cx: round2(x0 + bw / 2), cy: round2(y0 + bh / 2), rx: round2(bw / 2), ry: round2(bh / 2), angle: 0 } });
    case 'cuboid': {
      const dx = Math.min(round2(bw / 4), round2(w - x1)), dy = Math.min(round2(bh / 4), y0);
      // each face: top-left, bottom-left, top-right, bottom-right (Cuboid2D's order)
      const face = (ox: number, oy: number) => [x0 + ox, y0 - oy, x0 + ox, y1 - oy, x1 + ox, y0 - oy, x1 + ox, y1 - oy].map(round2);
      return human('cuboid', label, { cuboid: [...face(0, 0), ...face(dx, dy)] });
    }
    default:
      return null;
  }
}

/** A shape drawn by clicks (polygon, polyline, points, keypoints): the points placed so far. */
export interface ClickDraft {
  readonly tool: 'polygon' | 'polyline' | 'points' | 'keypoints';
  readonly label: number;
  /** x, y, and for keypoints the visibility (0 = skipped, 2 = visible). */
  readonly points: readonly { x: number; y: number; v: number }[];
}

export function beginClicks(tool: ClickDraft['tool'], label: number): ClickDraft {
  return { tool, label, points: [] };
}

export function addClick(d: ClickDraft, p: Point): ClickDraft {
  return { ...d, points: [...d.points, { x: p.x, y: p.y, v: 2 }] };
}

/** Keypoints: leaves the next skeleton point unlabelled (v = 0, kept at 0,0 as COCO does). */
export function skipKeypoint(d: ClickDraft): ClickDraft {
  return { ...d, points: [...d.points, { x: 0, y: 0, v: 0 }] };
}

export function undoClick(d: ClickDraft): ClickDraft {
  return { ...d, points: d.points.slice(0, -1) };
}

/** The fewest points each click tool needs. */
export function minPoints(tool: ClickDraft['tool']): number {
  return tool === 'polygon' ? 3 : tool === 'polyline' ? 2 : 1;
}

/** Whether a keypoints draft has placed (or skipped) every point of the skeleton. */
export function keypointsComplete(d: ClickDraft, skeleton: Skeleton | null | undefined): boolean {
  return d.tool === 'keypoints' && !!skeleton && d.points.length >= skeleton.points.length;
}

/** The name of the skeleton point that the next click places, or undefined. */
export function nextKeypointName(d: ClickDraft, skeleton: Skeleton | null | undefined): string | undefined {
  return skeleton?.points[d.points.length];
}

/**
 * The annotation a click draft makes, or null when it has too few points. Keypoints are padded with skipped
 * points to the skeleton's length (the server checks the count against the skeleton).
 */
export function finishClicks(d: ClickDraft, skeleton?: Skeleton | null): Annotation | null {
  const flat = (pts: readonly { x: number; y: number }[]) => pts.flatMap((p) => [round2(p.x), round2(p.y)]);
  const placed = d.points.filter((p) => p.v > 0);
  switch (d.tool) {
    case 'polygon':
      return placed.length >= 3 ? human('polygon', d.label, { polygon: [flat(placed)] }) : null;
    case 'polyline':
      return placed.length >= 2 ? human('polyline', d.label, { points: flat(placed) }) : null;
    case 'points':
      return placed.length >= 1 ? human('points', d.label, { points: flat(placed) }) : null;
    case 'keypoints': {
      if (placed.length === 0) return null;
      const n = skeleton ? skeleton.points.length : d.points.length;
      const k: number[] = [];
      for (let i = 0; i < n; i++) {
        const p = d.points[i];
        k.push(...(p && p.v > 0 ? [round2(p.x), round2(p.y), p.v] : [0, 0, 0]));
      }
      return human('keypoints', d.label, { keypoints: k });
    }
  }
}

/** A tag of class {@code label} (an image-level label, no geometry). */
export function newTag(label: number): Annotation {
  return human('tag', label, {});
}
