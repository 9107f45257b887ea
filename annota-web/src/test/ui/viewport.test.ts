import { describe, expect, it } from 'vitest';
import { clampRect, fit, MAX_SCALE, pan, toImage, toScreen, visibleImageRect, wheelFactor, zoomAt } from '../../main/ui/geometry/viewport';

describe('viewport', () => {
  it('keeps_the_image_point_under_the_cursor_when_zooming', () => {
    const v = { scale: 0.5, tx: 10, ty: 20 };
    const cursor = { x: 300, y: 200 };
    const before = toImage(v, cursor);
    const z = zoomAt(v, cursor, 1.7);
    const after = toImage(z, cursor);
    expect(z.scale).toBeCloseTo(0.85);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });

  it('clamps_zoom_to_the_largest_scale', () => {
    expect(zoomAt({ scale: 60, tx: 0, ty: 0 }, { x: 0, y: 0 }, 10).scale).toBe(MAX_SCALE);
  });

  it('fits_a_wide_image_centred_with_a_margin', () => {
    const v = fit(2000, 1000, 1000, 800, 0);
    expect(v.scale).toBeCloseTo(0.5);
    expect(toScreen(v, { x: 0, y: 0 })).toEqual({ x: 0, y: 150 });
    expect(toScreen(v, { x: 2000, y: 1000 })).toEqual({ x: 1000, y: 650 });
  });

  it('pans_in_screen_pixels', () => {
    const v = pan({ scale: 2, tx: 0, ty: 0 }, 10, -4);
    expect(toImage(v, { x: 10, y: -4 })).toEqual({ x: 0, y: 0 });
  });

  it('reports_the_visible_part_of_the_image', () => {
    const r = visibleImageRect({ scale: 2, tx: -100, ty: -50 }, 400, 300);
    expect(r).toEqual({ x: 50, y: 25, w: 200, h: 150 });
  });

  it('zooms_in_for_a_wheel_turned_up_and_out_for_down', () => {
    expect(wheelFactor(-100)).toBeCloseTo(1.2);
    expect(wheelFactor(100)).toBeCloseTo(1 / 1.2);
    expect(wheelFactor(-3, 1)).toBeGreaterThan(1);
  });

  it('cuts_a_rectangle_to_the_image', () => {
    expect(clampRect({ x: -5, y: 10, w: 20, h: 200 }, 100, 50)).toEqual({ x: 0, y: 10, w: 15, h: 40 });
    expect(clampRect({ x: 120, y: 0, w: 5, h: 5 }, 100, 50).w).toBe(0);
  });
});
