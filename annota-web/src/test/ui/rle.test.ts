import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { area, bbox, decodeCounts, encodeCounts, fromBitmap, toBitmap } from '../../main/ui/geometry/rle';

// pycocotools output in the shared reference data (beside the checkout); absent elsewhere, and then skipped
const REFERENCE = resolve(process.env.ANNOTA_SHARED_DIR ?? '../../shared', 'reference/cocoeval/cases/segm_polygon/dt.json');

describe('COCO RLE', () => {
  it('decodes_a_hand_made_mask_in_column_major_order', () => {
    // 3 × 3 with only the centre pixel: 4 background, 1 foreground, 4 background
    expect(decodeCounts('414')).toEqual([4, 1, 4]);
    const bits = toBitmap({ size: [3, 3], counts: '414' });
    expect([...bits]).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(bbox({ size: [3, 3], counts: [4, 1, 4] })).toEqual([1, 1, 1, 1]);
  });

  it('reads_column_major_runs_into_row_major_pixels', () => {
    // h = 2, w = 3: the first column is background, the second and third foreground
    const bits = toBitmap({ size: [2, 3], counts: [2, 4] });
    expect([...bits]).toEqual([0, 1, 1, 0, 1, 1]);
    expect(fromBitmap(bits, 3, 2)).toEqual([2, 4]);
  });

  it.skipIf(!existsSync(REFERENCE))('round_trips_pycocotools_strings_from_the_reference_data', () => {
    const dt: { segmentation: unknown }[] = JSON.parse(readFileSync(REFERENCE, 'utf8'));
    const masks = dt.map((d) => d.segmentation).filter((s): s is { size: [number, number]; counts: string } =>
      typeof s === 'object' && s !== null && typeof (s as { counts?: unknown }).counts === 'string');
    expect(masks.length).toBeGreaterThan(0);
    for (const m of masks) {
      const counts = decodeCounts(m.counts);
      expect(encodeCounts(counts)).toBe(m.counts);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(m.size[0] * m.size[1]);
      const bits = toBitmap(m);
      expect(fromBitmap(bits, m.size[1], m.size[0])).toEqual(counts);
      expect(bits.reduce((a, b) => a + b, 0)).toBe(area(m));
      const [x, y, w, h] = bbox(m)!;
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x + w).toBeLessThanOrEqual(m.size[1]);
      expect(y + h).toBeLessThanOrEqual(m.size[0]);
    }
  });

  it('encodes_negative_deltas', () => {
    const counts = [100, 50, 3, 2, 400, 1, 0, 7];
    expect(decodeCounts(encodeCounts(counts))).toEqual(counts);
  });

  it('refuses_a_string_that_ends_inside_a_number', () => {
    expect(() => decodeCounts('4`')).toThrow(/ends inside a number/);
  });

  it('has_no_bounds_when_empty', () => {
    expect(bbox({ size: [4, 4], counts: [16] })).toBeNull();
  });
});
