// Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2008), without black, in the order that
// keeps neighbours most distinct; new classes take these in turn.
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'] as const;

export function paletteColour(i: number): string {
  return OKABE_ITO[((i % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length];
}

/** The first palette colour not used yet (cycling when all are). */
export function nextColour(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toUpperCase()));
  return OKABE_ITO.find((c) => !taken.has(c)) ?? paletteColour(used.length);
}

/** "#RRGGBB" with alpha as an rgba() string. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return `rgba(128,128,128,${alpha})`;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** Black or white, whichever reads better on {@code hex} (WCAG relative luminance). */
export function textOn(hex: string): '#000000' | '#FFFFFF' {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return '#000000';
  const n = parseInt(m[1], 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  const L = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return L > 0.179 ? '#000000' : '#FFFFFF';
}
