// Which tiles of the server's pyramid (GET /images/{id}/tiles) a view needs: the level whose resolution
// matches the zoom, and the tiles of that level that meet the visible part of the image. Pure; the canvas
// loads those images and draws them (coarser loaded levels first, so something is always on screen).
import type { Rect, Viewport } from '../geometry/viewport';
import { visibleImageRect } from '../geometry/viewport';

export interface TileInfo {
  image_id: string;
  width: number;
  height: number;
  tile_size: number;
  levels: number;
  format: string;
  url_template: string;
}

export interface TileRef {
  level: number;
  x: number;
  y: number;
  /** The part of the image (full-resolution pixels) that the tile shows. */
  rect: Rect;
  url: string;
}

/** Images larger than this (either side, or pixels) open from tiles instead of the original file. */
export const TILE_MIN_SIDE = 6000;
export const TILE_MIN_PIXELS = 24_000_000;

export function wantsTiles(width: number, height: number): boolean {
  return Math.max(width, height) > TILE_MIN_SIDE || width * height > TILE_MIN_PIXELS;
}

/** The level to show at {@code scale} screen pixels per image pixel on a display of {@code dpr}. */
export function levelFor(info: TileInfo, scale: number, dpr = 1): number {
  const ideal = Math.floor(Math.log2(1 / Math.max(1e-9, scale * dpr)));
  return Math.min(info.levels - 1, Math.max(0, ideal));
}

export function tileRef(info: TileInfo, level: number, x: number, y: number): TileRef {
  const span = info.tile_size * 2 ** level;
  const x0 = x * span, y0 = y * span;
  return {
    level, x, y,
    rect: { x: x0, y: y0, w: Math.min(span, info.width - x0), h: Math.min(span, info.height - y0) },
    url: info.url_template.replace('{level}', String(level)).replace('{x}', String(x)).replace('{y}', String(y)),
  };
}

/** The tiles of {@code level} that meet the view, nearest the view's centre first (they load first). */
export function visibleTiles(info: TileInfo, level: number, v: Viewport, viewW: number, viewH: number): TileRef[] {
  const r = visibleImageRect(v, viewW, viewH);
  const span = info.tile_size * 2 ** level;
  const cols = Math.ceil(info.width / span), rows = Math.ceil(info.height / span);
  const c0 = Math.max(0, Math.floor(r.x / span)), c1 = Math.min(cols - 1, Math.floor((r.x + r.w) / span));
  const r0 = Math.max(0, Math.floor(r.y / span)), r1 = Math.min(rows - 1, Math.floor((r.y + r.h) / span));
  const out: TileRef[] = [];
  for (let y = r0; y <= r1; y++) for (let x = c0; x <= c1; x++) out.push(tileRef(info, level, x, y));
  const cx = r.x + r.w / 2, cy = r.y + r.h / 2;
  const d = (t: TileRef) => Math.hypot(t.rect.x + t.rect.w / 2 - cx, t.rect.y + t.rect.h / 2 - cy);
  return out.sort((a, b) => d(a) - d(b));
}
