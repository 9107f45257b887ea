// Picking through the spatial index: only the objects whose bounds are near the pointer are hit-tested, so a
// click on an image with thousands of objects tests a handful. Same rule as shapes.pick: the highest z_order,
// then the smallest area, then the latest drawn.
import type { Annotation } from '../api/types';
import { bounds, hitTest } from './shapes';
import type { GridIndex } from './spatialIndex';
import type { Point } from './viewport';

export function pickIndexed(list: readonly Annotation[], index: GridIndex, p: Point, tol: number,
                            skip?: (i: number) => boolean): number {
  let best = -1;
  let bestZ = -Infinity, bestArea = Infinity;
  for (const i of index.query({ x: p.x - tol, y: p.y - tol, w: 2 * tol, h: 2 * tol })) {
    const a = list[i];
    if (skip?.(i) || !hitTest(a, p, tol)) continue;
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
