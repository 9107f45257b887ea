// Edits on whole annotations: z-order, copy and paste (also from the previous image), image tags (single- or
// multi-label), and the check that a shape stays inside the image (the server refuses one that does not).
import type { Annotation } from '../api/types';
import { bounds } from '../geometry/shapes';
import { translate } from './transform';
import { newTag } from './drawTools';

/** The annotation's z_order (0 when absent: the server omits 0). */
export function zOf(a: Annotation): number {
  return a.z_order ?? 0;
}

/** {@code a} with z_order {@code z}, written as the server writes it (no field for 0). */
export function withZ(a: Annotation, z: number): Annotation {
  if (z === 0) {
    const { z_order: _z, ...rest } = a;
    return rest;
  }
  return { ...a, z_order: z };
}

/** Brings the annotation above every other (direction 1) or below every other (-1), by z_order. */
export function restack(list: readonly Annotation[], index: number, direction: 1 | -1): Annotation[] {
  const others = list.filter((_, i) => i !== index).map(zOf);
  const z = direction > 0 ? Math.max(0, ...others) + 1 : Math.min(0, ...others) - 1;
  const next = list.slice();
  next[index] = withZ(list[index], z);
  return next;
}

/** Indices in drawing order: lower z_order first, then list order (what is drawn last is on top). */
export function drawOrder(list: readonly Annotation[]): number[] {
  const idx = list.map((_, i) => i);
  if (list.every((a) => !a.z_order)) return idx;
  return idx.sort((a, b) => zOf(list[a]) - zOf(list[b]) || a - b);
}

/** Whether the shape lies inside a w × h image (tags always do). */
export function insideImage(a: Annotation, w: number, h: number): boolean {
  const b = bounds(a);
  if (!b) return true;
  const eps = 0.01;
  return b.x >= -eps && b.y >= -eps && b.x + b.w <= w + eps && b.y + b.h <= h + eps;
}

/** A copy for pasting: human work (a model's source and confidence do not carry over). */
export function copyOf(a: Annotation): Annotation {
  const { source: _s, confidence: _c, ...rest } = a;
  return { ...structuredClone(rest), source: { type: 'human' } };
}

/**
 * The annotations to add when pasting {@code clip} into an image of w × h: shifted by {@code offset} pixels
 * (so a paste on the same image does not hide the original) when it still fits, unshifted otherwise; shapes that
 * do not fit this image at all are left out and counted.
 */
export function pasted(clip: readonly Annotation[], w: number, h: number, offset: number): { added: Annotation[]; skipped: number } {
  const added: Annotation[] = [];
  let skipped = 0;
  for (const a of clip) {
    const c = copyOf(a);
    if (c.kind === 'mask' && (c.mask!.size[0] !== h || c.mask!.size[1] !== w)) {
      skipped++;
      continue;
    }
    const moved = offset ? translate(c, offset, offset) : c;
    if (insideImage(moved, w, h)) added.push(moved);
    else if (insideImage(c, w, h)) added.push(c);
    else skipped++;
  }
  return { added, skipped };
}

/**
 * The list with image tag {@code label} toggled. Single-label: the tag replaces every other tag (pressing the
 * image's current tag removes it). Multi-label: it is added or removed alone.
 */
export function toggleTag(list: readonly Annotation[], label: number, multi: boolean): Annotation[] {
  const has = list.some((a) => a.kind === 'tag' && a.label === label);
  if (has) return list.filter((a) => !(a.kind === 'tag' && a.label === label));
  const kept = multi ? list.slice() : list.filter((a) => a.kind !== 'tag');
  return [...kept, newTag(label)];
}
