// Moving annotations: every kind's geometry translated by (dx, dy), kept inside the image where the kind has
// a simple extent. Pure; the select tool uses it, and the next tools (vertex editing, resize) build beside it.
import type { Annotation } from '../api/types';
import { bounds } from '../geometry/shapes';
import { round2 } from './boxTool';

function shiftFlat(flat: number[], dx: number, dy: number): number[] {
  return flat.map((v, i) => round2(i % 2 === 0 ? v + dx : v + dy));
}

/** The translation (dx, dy) limited so that the annotation's bounds stay inside a w × h image. */
export function limitMove(a: Annotation, dx: number, dy: number, w: number, h: number): [number, number] {
  const b = bounds(a);
  if (!b) return [0, 0];
  const ldx = Math.min(Math.max(dx, -b.x), w - (b.x + b.w));
  const ldy = Math.min(Math.max(dy, -b.y), h - (b.y + b.h));
  return [ldx, ldy];
}

export function translate(a: Annotation, dx: number, dy: number): Annotation {
  switch (a.kind) {
    case 'box': {
      const [x, y, w, h] = a.box!;
      return { ...a, box: [round2(x + dx), round2(y + dy), w, h] };
    }
    case 'rotated_box':
      return { ...a, rotated_box: { ...a.rotated_box!, cx: round2(a.rotated_box!.cx + dx), cy: round2(a.rotated_box!.cy + dy) } };
    case 'ellipse':
      return { ...a, ellipse: { ...a.ellipse!, cx: round2(a.ellipse!.cx + dx), cy: round2(a.ellipse!.cy + dy) } };
    case 'polygon':
      return { ...a, polygon: a.polygon!.map((part) => shiftFlat(part, dx, dy)) };
    case 'polyline':
    case 'points':
      return { ...a, points: shiftFlat(a.points!, dx, dy) };
    case 'keypoints': {
      // COCO keeps unlabelled keypoints (v = 0) at (0, 0): they stay there
      const k = a.keypoints!.slice();
      for (let i = 0; i + 2 < k.length; i += 3) {
        if (k[i + 2] > 0) {
          k[i] = round2(k[i] + dx);
          k[i + 1] = round2(k[i + 1] + dy);
        }
      }
      return { ...a, keypoints: k };
    }
    case 'cuboid':
      return { ...a, cuboid: shiftFlat(a.cuboid!, dx, dy) };
    default:
      return a; // tags have no geometry; masks move with the brush tools (next round)
  }
}
