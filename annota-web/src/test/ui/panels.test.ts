import { describe, expect, it } from 'vitest';
import type { Annotation, AttributeSpec, LabelClass } from '../../main/ui/api/types';
import { initialAttributes, parseInput, problem, withAttribute } from '../../main/ui/editor/attributes';
import { drawOrder, insideImage, pasted, restack, toggleTag } from '../../main/ui/editor/ops';
import { acceptAll, acceptEdited, acceptOne, visibleSuggestions, type Suggestion } from '../../main/ui/editor/suggestions';
import { GridIndex } from '../../main/ui/geometry/spatialIndex';
import { pickIndexed } from '../../main/ui/geometry/pick';
import { pick } from '../../main/ui/geometry/shapes';
import { levelFor, visibleTiles, wantsTiles, type TileInfo } from '../../main/ui/canvas/tiles';
import { neighbourIds } from '../../main/ui/lib/listing';

const box = (x: number, y: number, w = 10, h = 10, label = 1): Annotation => ({ kind: 'box', label, box: [x, y, w, h] });

describe('attributes', () => {
  const specs: AttributeSpec[] = [
    { name: 'colour', type: 'select', options: ['red', 'blue'], required: true },
    { name: 'count', type: 'number', min: 0, max: 9, integer: true },
    { name: 'parked', type: 'checkbox', default: false },
    { name: 'flags', type: 'multi_select', options: ['a', 'b'] },
    { name: 'note', type: 'text', max_length: 5 },
  ];
  const cls: LabelClass = { id: 1, name: 'car', colour: '#000000', kinds: ['box'], attributes: specs };

  it('starts_with_defaults_and_required_values', () => {
    expect(initialAttributes(cls)).toEqual({ colour: 'red', parked: false });
  });

  it('checks_values_as_the_server_does', () => {
    expect(problem(specs[0], undefined)).toBe('a value is required');
    expect(problem(specs[0], 'green')).toBe('expected one of red, blue');
    expect(problem(specs[1], 2.5)).toBe('expected a whole number');
    expect(problem(specs[1], 10)).toBe('expected at most 9');
    expect(problem(specs[3], ['a', 'z'])).toBe('expected some of a, b');
    expect(problem(specs[4], 'too long')).toBe('expected at most 5 characters');
    expect(problem(specs[4], 'ok')).toBeNull();
  });

  it('converts_form_input_and_keeps_attributes_sorted', () => {
    expect(parseInput(specs[1], '3')).toBe(3);
    expect(parseInput(specs[1], '')).toBeUndefined();
    const a = withAttribute(withAttribute(box(0, 0), 'note', 'x'), 'colour', 'blue');
    expect(Object.keys(a.attributes!)).toEqual(['colour', 'note']);
    expect(withAttribute(withAttribute(box(0, 0), 'note', 'x'), 'note', undefined)).not.toHaveProperty('attributes');
  });
});

describe('z-order, paste and tags', () => {
  it('brings_forward_and_sends_back_by_z_order', () => {
    const list = [box(0, 0), box(1, 1), box(2, 2)];
    const up = restack(list, 0, 1);
    expect(up[0].z_order).toBe(1);
    expect(drawOrder(up)).toEqual([1, 2, 0]);
    const down = restack(up, 0, -1);
    expect(down[0].z_order).toBe(-1);
    expect(drawOrder(down)).toEqual([0, 1, 2]);
    expect(restack([box(0, 0, 5, 5, 1)], 0, -1)[0].z_order).toBe(-1);
  });

  it('pastes_shifted_as_human_work_and_skips_what_does_not_fit', () => {
    const model: Annotation = { ...box(0, 0), source: { type: 'model', name: 'm', version: '1' }, confidence: 0.8 };
    const { added, skipped } = pasted([model, box(95, 95, 10, 10)], 100, 100, 10);
    expect(added[0]).toEqual({ kind: 'box', label: 1, box: [10, 10, 10, 10], source: { type: 'human' } });
    expect(skipped).toBe(1);
    // near the edge: pasted unshifted rather than outside
    expect(pasted([box(85, 85)], 100, 100, 10).added[0].box).toEqual([85, 85, 10, 10]);
    expect(insideImage(box(95, 0), 100, 100)).toBe(false);
  });

  it('tags_an_image_with_one_label_or_several', () => {
    const one = toggleTag(toggleTag([], 1, false), 2, false);
    expect(one.map((a) => a.label)).toEqual([2]);
    const many = toggleTag(toggleTag([box(0, 0)], 1, true), 2, true);
    expect(many.filter((a) => a.kind === 'tag').map((a) => a.label)).toEqual([1, 2]);
    expect(toggleTag(many, 1, true).filter((a) => a.kind === 'tag').map((a) => a.label)).toEqual([2]);
  });
});

describe('suggestions', () => {
  const s = (id: string, c: number): Suggestion => ({ id, model: 'yolox', model_version: '1', confidence: c, created_at: '', annotation: { ...box(0, 0), confidence: c, source: { type: 'model', name: 'yolox', version: '1' } } });

  it('shows_those_above_the_threshold_most_confident_first', () => {
    expect(visibleSuggestions([s('a', 0.4), s('b', 0.9), s('c', 0.6)], 0.5).map((x) => x.id)).toEqual(['b', 'c']);
  });

  it('builds_the_accept_bodies_of_the_api', () => {
    expect(acceptOne(3, 'a')).toEqual({ version: 3, ids: ['a'] });
    expect(acceptAll(3, 0.7)).toEqual({ version: 3, all: true, min_confidence: 0.7 });
    const edited = { ...s('a', 0.9).annotation, box: [1, 1, 5, 5] as [number, number, number, number] };
    expect(acceptEdited(3, 'a', edited)).toEqual({ version: 3, ids: ['a'], annotation: { kind: 'box', label: 1, box: [1, 1, 5, 5], source: { type: 'human' } } });
  });
});

describe('spatial index', () => {
  it('finds_the_same_objects_as_a_full_scan', () => {
    const list: Annotation[] = [];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 2000; i++) list.push(box(rnd() * 4000, rnd() * 3000, 5 + rnd() * 200, 5 + rnd() * 200));
    list.push(box(0, 0, 4000, 3000)); // spans every cell
    const idx = new GridIndex(list.map((a) => ({ x: a.box![0], y: a.box![1], w: a.box![2], h: a.box![3] })), 4000, 3000, 128);
    const q = { x: 1000, y: 800, w: 500, h: 300 };
    const scan = list.map((a, i) => i).filter((i) => {
      const [x, y, w, h] = list[i].box!;
      return x <= q.x + q.w && q.x <= x + w && y <= q.y + q.h && q.y <= y + h;
    });
    expect(idx.query(q)).toEqual(scan);
    for (const p of [{ x: 1200, y: 900 }, { x: 10, y: 10 }, { x: 3999, y: 2999 }]) {
      expect(pickIndexed(list, idx, p, 2)).toBe(pick(list, p, 2));
    }
  });
});

describe('tiles', () => {
  const info: TileInfo = { image_id: 'i', width: 10000, height: 10000, tile_size: 512, levels: 6, format: 'jpeg', url_template: '/t/{level}/{x}/{y}' };

  it('opens_large_images_from_tiles_only', () => {
    expect(wantsTiles(10000, 10000)).toBe(true);
    expect(wantsTiles(4000, 3000)).toBe(false);
  });

  it('chooses_the_level_that_matches_the_zoom', () => {
    expect(levelFor(info, 1)).toBe(0);
    expect(levelFor(info, 0.5)).toBe(1);
    expect(levelFor(info, 0.3)).toBe(1);
    expect(levelFor(info, 0.08)).toBe(3);
    expect(levelFor(info, 0.001)).toBe(5);
    expect(levelFor(info, 0.5, 2)).toBe(0);
  });

  it('loads_only_the_visible_tiles_centre_first', () => {
    const t = visibleTiles(info, 0, { scale: 1, tx: -1000, ty: -1000 }, 800, 600);
    expect(t.map((x) => `${x.x},${x.y}`).sort()).toEqual(['1,1', '1,2', '1,3', '2,1', '2,2', '2,3', '3,1', '3,2', '3,3']);
    expect(t[0].url).toBe('/t/0/2/2');
    const edge = visibleTiles(info, 0, { scale: 1, tx: -9800, ty: -9800 }, 800, 600).find((x) => x.x === 19 && x.y === 19)!;
    expect(edge.rect).toEqual({ x: 9728, y: 9728, w: 272, h: 272 });
  });
});

describe('listing', () => {
  it('finds_the_previous_and_next_image', () => {
    expect(neighbourIds(['a', 'b', 'c'], 'b')).toEqual({ prev: 'a', next: 'c', at: 1 });
    expect(neighbourIds(['a'], 'z').at).toBe(-1);
  });
});
