import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../main/ui/api/types';
import { bounds, hitTest, pick, rotatedCorners } from '../../main/ui/geometry/shapes';

const box = (x: number, y: number, w: number, h: number, label = 1): Annotation => ({ kind: 'box', label, box: [x, y, w, h] });

describe('shapes', () => {
  it('bounds_every_kind', () => {
    expect(bounds(box(1, 2, 3, 4))).toEqual({ x: 1, y: 2, w: 3, h: 4 });
    expect(bounds({ kind: 'polygon', label: 1, polygon: [[0, 0, 10, 0, 10, 5], [20, 20, 21, 22, 20, 21]] })).toEqual({ x: 0, y: 0, w: 21, h: 22 });
    expect(bounds({ kind: 'keypoints', label: 1, keypoints: [5, 5, 2, 0, 0, 0, 9, 7, 1] })).toEqual({ x: 5, y: 5, w: 4, h: 2 });
    expect(bounds({ kind: 'ellipse', label: 1, ellipse: { cx: 10, cy: 10, rx: 4, ry: 2, angle: 90 } })).toMatchObject({ w: expect.closeTo(4), h: expect.closeTo(8) });
    expect(bounds({ kind: 'mask', label: 1, mask: { size: [3, 3], counts: [4, 1, 4] } })).toEqual({ x: 1, y: 1, w: 1, h: 1 });
    expect(bounds({ kind: 'tag', label: 1 })).toBeNull();
  });

  it('rotates_corners_clockwise_on_screen', () => {
    const c = rotatedCorners(0, 0, 4, 2, 90);
    expect(c[0].x).toBeCloseTo(1);
    expect(c[0].y).toBeCloseTo(-2);
  });

  it('hits_inside_a_polygon_but_not_in_its_hole', () => {
    const a: Annotation = { kind: 'polygon', label: 1, polygon: [[0, 0, 10, 0, 10, 10, 0, 10], [3, 3, 7, 3, 7, 7, 3, 7]] };
    expect(hitTest(a, { x: 1, y: 1 }, 0.5)).toBe(true);
    expect(hitTest(a, { x: 5, y: 5 }, 0.5)).toBe(false);
    expect(hitTest(a, { x: 3.2, y: 5 }, 0.5)).toBe(true); // on the hole's edge
  });

  it('hits_a_polyline_only_near_its_segments', () => {
    const a: Annotation = { kind: 'polyline', label: 1, points: [0, 0, 10, 0, 10, 10] };
    expect(hitTest(a, { x: 5, y: 1 }, 2)).toBe(true);
    expect(hitTest(a, { x: 5, y: 5 }, 2)).toBe(false);
  });

  it('picks_the_smaller_of_two_overlapping_boxes', () => {
    const list = [box(0, 0, 100, 100), box(10, 10, 5, 5), box(200, 200, 5, 5)];
    expect(pick(list, { x: 12, y: 12 }, 1)).toBe(1);
    expect(pick(list, { x: 50, y: 50 }, 1)).toBe(0);
    expect(pick(list, { x: 150, y: 150 }, 1)).toBe(-1);
  });

  it('picks_the_higher_z_order_first', () => {
    const list = [{ ...box(10, 10, 5, 5) }, { ...box(0, 0, 100, 100), z_order: 2 }];
    expect(pick(list, { x: 12, y: 12 }, 1)).toBe(1);
  });
});
