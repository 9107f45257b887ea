import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../main/ui/api/types';
import { beginBox, dragBox, finishBox, newBox } from '../../main/ui/editor/boxTool';
import { AnnotationDocument } from '../../main/ui/editor/document';
import { limitMove, translate } from '../../main/ui/editor/transform';
import { classesFor, classForKey, colourLookup } from '../../main/ui/editor/classes';

describe('box tool', () => {
  it('draws_a_box_in_any_drag_direction', () => {
    const d = dragBox(beginBox({ x: 50, y: 40 }), { x: 10.123, y: 5 });
    expect(finishBox(d, 100, 100, 2)).toEqual([10.12, 5, 39.88, 35]);
  });

  it('cuts_a_box_dragged_past_the_image_edge', () => {
    expect(finishBox(dragBox(beginBox({ x: 90, y: -10 }), { x: 130, y: 20 }), 100, 50, 2)).toEqual([90, 0, 10, 20]);
  });

  it('ignores_a_click_without_a_drag', () => {
    expect(finishBox(dragBox(beginBox({ x: 5, y: 5 }), { x: 6, y: 5.5 }), 100, 100, 2)).toBeNull();
  });

  it('marks_new_boxes_as_human_work', () => {
    expect(newBox(3, [1, 2, 3, 4])).toEqual({ kind: 'box', label: 3, box: [1, 2, 3, 4], source: { type: 'human' } });
  });
});

describe('moving annotations', () => {
  it('moves_every_kind_by_the_same_offset', () => {
    expect(translate({ kind: 'box', label: 1, box: [1, 1, 5, 5] }, 2, 3).box).toEqual([3, 4, 5, 5]);
    expect(translate({ kind: 'polygon', label: 1, polygon: [[0, 0, 1, 0, 1, 1]] }, 1, 1).polygon).toEqual([[1, 1, 2, 1, 2, 2]]);
    expect(translate({ kind: 'ellipse', label: 1, ellipse: { cx: 1, cy: 1, rx: 1, ry: 1, angle: 0 } }, 1, 0).ellipse?.cx).toBe(2);
  });

  it('leaves_unlabelled_keypoints_at_the_origin', () => {
    const a: Annotation = { kind: 'keypoints', label: 1, keypoints: [10, 10, 2, 0, 0, 0] };
    expect(translate(a, 5, 5).keypoints).toEqual([15, 15, 2, 0, 0, 0]);
  });

  it('stops_a_move_at_the_image_edge', () => {
    expect(limitMove({ kind: 'box', label: 1, box: [10, 10, 20, 20] }, -50, 100, 100, 40)).toEqual([-10, 10]);
  });
});

describe('annotation document', () => {
  it('undoes_and_redoes_in_order', () => {
    const doc = new AnnotationDocument();
    doc.add('Draw box', newBox(1, [0, 0, 1, 1]));
    doc.add('Draw box', newBox(2, [0, 0, 2, 2]));
    doc.remove('Delete object', 0);
    expect(doc.annotations.map((a) => a.label)).toEqual([2]);
    doc.undo();
    expect(doc.annotations.map((a) => a.label)).toEqual([1, 2]);
    doc.undo();
    doc.undo();
    expect(doc.annotations).toEqual([]);
    expect(doc.undo()).toBe(false);
    doc.redo();
    expect(doc.redoLabel).toBe('Draw box');
    doc.redo();
    expect(doc.annotations.length).toBe(2);
  });

  it('forgets_the_redo_history_after_a_new_change', () => {
    const doc = new AnnotationDocument();
    doc.add('a', newBox(1, [0, 0, 1, 1]));
    doc.undo();
    doc.add('b', newBox(2, [0, 0, 1, 1]));
    expect(doc.canRedo).toBe(false);
  });

  it('counts_revisions_and_tells_listeners', () => {
    const doc = new AnnotationDocument();
    let seen = 0;
    doc.onChange(() => seen++);
    doc.add('a', newBox(1, [0, 0, 1, 1]));
    doc.undo();
    doc.reset([newBox(5, [0, 0, 1, 1])]);
    expect(doc.revision).toBe(3);
    expect(seen).toBe(3);
    expect(doc.canUndo).toBe(false);
  });

  it('keeps_at_most_the_configured_history', () => {
    const doc = new AnnotationDocument([], 3);
    for (let i = 0; i < 10; i++) doc.add('a', newBox(i, [0, 0, 1, 1]));
    let undone = 0;
    while (doc.undo()) undone++;
    expect(undone).toBe(3);
    expect(doc.annotations.length).toBe(7);
  });
});

describe('classes', () => {
  const schema = {
    classes: [
      { id: 1, name: 'cat', colour: '#E69F00', kinds: ['box' as const], attributes: [] },
      { id: 4, name: 'tag only', colour: '#56B4E9', kinds: ['tag' as const], attributes: [] },
      { id: 7, name: 'dog', colour: '#009E73', kinds: ['box' as const, 'polygon' as const], attributes: [] },
    ],
  };

  it('offers_only_classes_that_allow_the_tool_kind', () => {
    expect(classesFor(schema, 'box').map((c) => c.id)).toEqual([1, 7]);
    expect(classForKey(classesFor(schema, 'box'), '2')?.name).toBe('dog');
    expect(classForKey(classesFor(schema, 'box'), '3')).toBeUndefined();
    expect(classForKey(classesFor(schema, 'box'), 'x')).toBeUndefined();
  });

  it('colours_unknown_labels_grey', () => {
    const c = colourLookup(schema);
    expect(c(7)).toBe('#009E73');
    expect(c(99)).toBe('#999999');
  });
});
