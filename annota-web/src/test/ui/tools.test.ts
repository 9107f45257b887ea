import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../main/ui/api/types';
import {
  addClick, beginClicks, finishClicks, keypointsComplete, nextKeypointName, shapeFromDrag, skipKeypoint, undoClick,
} from '../../main/ui/editor/drawTools';
import { deleteVertex, dragHandle, edgeAt, handleAt, handlesOf, insertVertex, toggleVisibility } from '../../main/ui/editor/handles';
import { emptyMask, maskOf, paintDisc, paintStroke, toMaskAnnotation } from '../../main/ui/editor/mask';
import { area, bbox } from '../../main/ui/geometry/rle';
import { bounds, hitTest } from '../../main/ui/geometry/shapes';
import { AnnotationDocument } from '../../main/ui/editor/document';

const skeleton = { points: ['head', 'neck', 'tail'], edges: [[0, 1], [1, 2]] as [number, number][] };

describe('drawing every kind', () => {
  it('draws_box_rotated_box_ellipse_and_cuboid_from_one_drag', () => {
    const a = { x: 10, y: 20 }, b = { x: 50, y: 60 };
    expect(shapeFromDrag('box', 1, b, a, 100, 100, 2)).toEqual({ kind: 'box', label: 1, box: [10, 20, 40, 40], source: { type: 'human' } });
    expect(shapeFromDrag('rotated_box', 1, a, b, 100, 100, 2)!.rotated_box).toEqual({ cx: 30, cy: 40, w: 40, h: 40, angle: 0 });
    expect(shapeFromDrag('ellipse', 1, a, b, 100, 100, 2)!.ellipse).toEqual({ cx: 30, cy: 40, rx: 20, ry: 20, angle: 0 });
    const c = shapeFromDrag('cuboid', 1, a, b, 100, 100, 2)!.cuboid!;
    expect(c).toHaveLength(16);
    // front face: top-left, bottom-left, top-right, bottom-right (Cuboid2D's order); back face shifted up-right
    expect(c.slice(0, 8)).toEqual([10, 20, 10, 60, 50, 20, 50, 60]);
    expect(c.slice(8, 10)).toEqual([20, 10]);
    expect(shapeFromDrag('box', 1, a, { x: 11, y: 21 }, 100, 100, 2)).toBeNull();
  });

  it('clicks_a_polygon_polyline_and_points_and_needs_enough_of_them', () => {
    let d = beginClicks('polygon', 2);
    d = addClick(addClick(d, { x: 1, y: 1 }), { x: 10.005, y: 1 });
    expect(finishClicks(d)).toBeNull();
    d = addClick(d, { x: 5, y: 8 });
    expect(finishClicks(d)).toEqual({ kind: 'polygon', label: 2, polygon: [[1, 1, 10.01, 1, 5, 8]], source: { type: 'human' } });
    expect(finishClicks(undoClick(d))).toBeNull();
    const line = addClick(addClick(beginClicks('polyline', 1), { x: 0, y: 0 }), { x: 3, y: 4 });
    expect(finishClicks(line)!.points).toEqual([0, 0, 3, 4]);
    expect(finishClicks(addClick(beginClicks('points', 1), { x: 7, y: 7 }))!.points).toEqual([7, 7]);
  });

  it('places_keypoints_in_skeleton_order_skipping_unlabelled_ones', () => {
    let d = beginClicks('keypoints', 3);
    expect(nextKeypointName(d, skeleton)).toBe('head');
    d = addClick(d, { x: 5, y: 5 });
    d = skipKeypoint(d);
    expect(nextKeypointName(d, skeleton)).toBe('tail');
    expect(keypointsComplete(d, skeleton)).toBe(false);
    d = addClick(d, { x: 9, y: 1 });
    expect(keypointsComplete(d, skeleton)).toBe(true);
    expect(finishClicks(d, skeleton)!.keypoints).toEqual([5, 5, 2, 0, 0, 0, 9, 1, 2]);
    // finished early: padded to the skeleton's length
    expect(finishClicks(addClick(beginClicks('keypoints', 3), { x: 1, y: 2 }), skeleton)!.keypoints).toEqual([1, 2, 2, 0, 0, 0, 0, 0, 0]);
  });
});

describe('handles and vertex editing', () => {
  const poly: Annotation = { kind: 'polygon', label: 1, polygon: [[0, 0, 10, 0, 10, 10, 0, 10]] };

  it('resizes_a_box_from_a_corner_keeping_the_opposite_one', () => {
    const box: Annotation = { kind: 'box', label: 1, box: [10, 10, 20, 20] };
    const h = handleAt(box, { x: 30.5, y: 30 }, 2)!;
    expect(h.index).toBe(2);
    expect(dragHandle(box, h, { x: 40, y: 35 }, 100, 100).box).toEqual([10, 10, 30, 25]);
    // dragged past the opposite corner: the box flips instead of getting a negative size
    expect(dragHandle(box, h, { x: 5, y: 5 }, 100, 100).box).toEqual([5, 5, 5, 5]);
  });

  it('rotates_and_resizes_a_rotated_box_in_its_own_frame', () => {
    const r: Annotation = { kind: 'rotated_box', label: 1, rotated_box: { cx: 50, cy: 50, w: 20, h: 10, angle: 0 } };
    const knob = handlesOf(r, 10).find((h) => h.type === 'rotate')!;
    expect(knob).toMatchObject({ x: 50, y: 35 });
    expect(dragHandle(r, knob, { x: 70, y: 50 }, 100, 100).rotated_box!.angle).toBe(90);
    const turned: Annotation = { ...r, rotated_box: { ...r.rotated_box!, angle: 90 } };
    const corner = handlesOf(turned).find((h) => h.type === 'corner' && h.index === 2)!;
    const resized = dragHandle(turned, corner, { x: corner.x - 5, y: corner.y + 10 }, 100, 100).rotated_box!;
    expect(resized.w).toBeCloseTo(30, 5); // along the rotated width (screen y)
    expect(resized.h).toBeCloseTo(15, 5);
  });

  it('moves_inserts_and_deletes_polygon_vertices', () => {
    const h = handleAt(poly, { x: 10, y: 10 }, 1)!;
    expect(dragHandle(poly, h, { x: 12, y: 14 }, 100, 100).polygon).toEqual([[0, 0, 10, 0, 12, 14, 0, 10]]);
    const edge = edgeAt(poly, { x: 5, y: 0.4 }, 1)!;
    expect(edge).toEqual({ part: 0, index: 0 });
    const more = insertVertex(poly, edge.part, edge.index, { x: 5, y: 0 });
    expect(more.polygon).toEqual([[0, 0, 5, 0, 10, 0, 10, 10, 0, 10]]);
    expect(deleteVertex(more, { type: 'vertex', part: 0, index: 1, x: 5, y: 0 })!.polygon).toEqual(poly.polygon);
    const tri: Annotation = { kind: 'polygon', label: 1, polygon: [[0, 0, 1, 0, 0, 1]] };
    expect(deleteVertex(tri, { type: 'vertex', part: 0, index: 0, x: 0, y: 0 })).toBeNull();
  });

  it('keeps_edits_inside_the_image', () => {
    const h = handleAt(poly, { x: 10, y: 10 }, 1)!;
    expect(dragHandle(poly, h, { x: 500, y: -3 }, 100, 100).polygon).toEqual([[0, 0, 10, 0, 100, 0, 0, 10]]);
  });

  it('toggles_keypoint_visibility_and_unlabels_a_deleted_keypoint', () => {
    const k: Annotation = { kind: 'keypoints', label: 3, keypoints: [1, 1, 2, 5, 5, 2] };
    expect(toggleVisibility(k, 1).keypoints).toEqual([1, 1, 2, 5, 5, 1]);
    expect(toggleVisibility(toggleVisibility(k, 1), 1).keypoints).toEqual(k.keypoints);
    expect(deleteVertex(k, { type: 'vertex', part: 0, index: 0, x: 1, y: 1 })!.keypoints).toEqual([0, 0, 0, 5, 5, 2]);
  });

  it('hit_tests_a_cuboid_face_in_cuboid2d_point_order', () => {
    const c = shapeFromDrag('cuboid', 1, { x: 10, y: 20 }, { x: 50, y: 60 }, 100, 100, 2)!;
    expect(hitTest(c, { x: 30, y: 40 }, 0)).toBe(true);
    expect(bounds(c)).toEqual({ x: 10, y: 10, w: 50, h: 50 });
  });
});

describe('brush and eraser', () => {
  it('paints_a_disc_and_stores_it_as_coco_rle_that_reads_back', () => {
    const m = emptyMask(40, 30);
    paintDisc(m, { x: 20, y: 15 }, 5, 1);
    const a = toMaskAnnotation(m, 4);
    expect(a.mask!.size).toEqual([30, 40]);
    expect(typeof a.mask!.counts).toBe('string');
    expect(area(a.mask!)).toBe(m.bits.reduce((s, b) => s + b, 0));
    expect(bbox(a.mask!)).toEqual([15, 10, 10, 10]);
    expect(maskOf(a).bits).toEqual(m.bits);
  });

  it('erases_along_a_stroke_without_gaps', () => {
    const m = emptyMask(100, 20);
    paintStroke(m, { x: 5, y: 10 }, { x: 95, y: 10 }, 4, 1);
    for (let x = 5; x < 95; x++) expect(m.bits[10 * 100 + x]).toBe(1);
    paintStroke(m, { x: 50, y: 0 }, { x: 50, y: 20 }, 3, 0);
    expect(m.bits[10 * 100 + 50]).toBe(0);
    expect(m.bits[10 * 100 + 60]).toBe(1);
  });

  it('refuses_a_brush_bitmap_larger_than_the_limit', () => {
    expect(() => emptyMask(20_000, 20_000)).toThrow(/at most 64 megapixels/);
  });
});

describe('stable keys for hide and lock', () => {
  it('keeps_an_objects_key_across_edits_undo_and_redo', () => {
    const d = new AnnotationDocument([{ kind: 'box', label: 1, box: [0, 0, 5, 5] }, { kind: 'box', label: 1, box: [9, 9, 5, 5] }]);
    const k = d.keyOf(d.annotations[1]);
    d.replace('Move', 1, { ...d.annotations[1], box: [10, 10, 5, 5] });
    expect(d.keyOf(d.annotations[1])).toBe(k);
    d.remove('Delete', 0);
    expect(d.keyOf(d.annotations[0])).toBe(k);
    d.undo();
    d.undo();
    expect(d.keyOf(d.annotations[1])).toBe(k);
  });
});
