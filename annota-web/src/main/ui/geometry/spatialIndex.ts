// A uniform-grid spatial index over annotation bounds: the renderer asks it which objects meet the view (so a
// frame's cost follows what is visible), and hit testing asks it which objects are near the pointer (so a click
// tests a handful of shapes, not thousands). Built in one pass, O(n); rebuilt when the annotation list changes.
import type { Rect } from './viewport';

export class GridIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly cols: number;
  private readonly rows: number;
  /** Objects whose bounds span more cells than this are kept apart and always returned. */
  private readonly large: number[] = [];

  /**
   * @param boxes the bounds of each object by index (null for objects without geometry: never returned)
   * @param width, height the extent covered (the image); objects outside are clamped to the border cells
   * @param cell the cell size in the same units
   */
  constructor(private readonly boxes: readonly (Rect | null)[], width: number, height: number, private readonly cell = 256) {
    this.cols = Math.max(1, Math.ceil(width / cell));
    this.rows = Math.max(1, Math.ceil(height / cell));
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i];
      if (!b) continue;
      const [c0, r0, c1, r1] = this.span(b);
      if ((c1 - c0 + 1) * (r1 - r0 + 1) > 64) {
        this.large.push(i);
        continue;
      }
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const k = r * this.cols + c;
          let list = this.cells.get(k);
          if (!list) this.cells.set(k, (list = []));
          list.push(i);
        }
      }
    }
  }

  get size(): number {
    return this.boxes.length;
  }

  private span(b: Rect): [number, number, number, number] {
    const clampC = (v: number) => Math.min(this.cols - 1, Math.max(0, Math.floor(v / this.cell)));
    const clampR = (v: number) => Math.min(this.rows - 1, Math.max(0, Math.floor(v / this.cell)));
    return [clampC(b.x), clampR(b.y), clampC(b.x + b.w), clampR(b.y + b.h)];
  }

  /** The indices of objects whose bounds meet {@code q}, ascending (drawing order), each once. */
  query(q: Rect): number[] {
    const [c0, r0, c1, r1] = this.span(q);
    const seen = new Uint8Array(this.boxes.length);
    const out: number[] = [];
    const consider = (i: number) => {
      if (seen[i]) return;
      seen[i] = 1;
      const b = this.boxes[i]!;
      if (b.x <= q.x + q.w && q.x <= b.x + b.w && b.y <= q.y + q.h && q.y <= b.y + b.h) out.push(i);
    };
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const list = this.cells.get(r * this.cols + c);
        if (list) for (const i of list) consider(i);
      }
    }
    for (const i of this.large) consider(i);
    return out.sort((a, b) => a - b);
  }
}
