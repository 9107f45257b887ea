// The box tool: press, drag, release. Pure state transitions in image coordinates; the workspace feeds pointer
// positions converted with the viewport and adds the finished box to the document.
import type { Annotation } from '../api/types';
import { clampRect, rectFromCorners, type Point } from '../geometry/viewport';

export interface BoxDrag {
  readonly start: Point;
  readonly current: Point;
}

export function beginBox(p: Point): BoxDrag {
  return { start: p, current: p };
}

export function dragBox(d: BoxDrag, p: Point): BoxDrag {
  return { start: d.start, current: p };
}

/** Rounds to 1/100 pixel: the JSON stays short and the same box reads back identically. */
export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * The box [x, y, w, h] the drag drew, cut to the image, or null when it is smaller than {@code minSize}
 * image pixels on either side (a click, not a drag).
 */
export function finishBox(d: BoxDrag, imageW: number, imageH: number, minSize: number): [number, number, number, number] | null {
  const r = clampRect(rectFromCorners(d.start, d.current), imageW, imageH);
  if (r.w < minSize || r.h < minSize) return null;
  const x = round2(r.x), y = round2(r.y);
  return [x, y, round2(Math.min(r.w, imageW - x)), round2(Math.min(r.h, imageH - y))];
}

export function newBox(label: number, box: [number, number, number, number]): Annotation {
  return { kind: 'box', label, box, source: { type: 'human' } };
}
