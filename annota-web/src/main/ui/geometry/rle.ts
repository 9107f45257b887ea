// COCO run-length encoding: counts alternate background/foreground runs over the mask in column-major order
// (down each column, then the next), starting with background. The compressed string form is pycocotools'
// LEB128-like encoding with deltas from the run two before (rleToString / rleFrString in maskApi.c).

export interface Rle {
  /** [height, width] */
  size: [number, number];
  counts: string | number[];
}

/** Decodes pycocotools' compressed counts string. */
export function decodeCounts(s: string): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= s.length) throw new Error(`RLE counts string ends inside a number at character ${p}`);
      const c = s.charCodeAt(p) - 48;
      x |= (c & 0x1f) << (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && (c & 0x10) !== 0) x |= -1 << (5 * k);
    }
    if (counts.length > 2) x += counts[counts.length - 2];
    counts.push(x);
  }
  return counts;
}

/** Encodes counts as pycocotools' compressed string (the inverse of decodeCounts). */
export function encodeCounts(counts: number[]): string {
  let out = '';
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i];
    if (i > 2) x -= counts[i - 2];
    let more = true;
    while (more) {
      let c = x & 0x1f;
      x >>= 5;
      more = (c & 0x10) !== 0 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      out += String.fromCharCode(c + 48);
    }
  }
  return out;
}

export function countsOf(rle: Rle): number[] {
  return typeof rle.counts === 'string' ? decodeCounts(rle.counts) : rle.counts;
}

/** The mask as one byte per pixel, row-major (index y * width + x): 1 inside, 0 outside. */
export function toBitmap(rle: Rle): Uint8Array {
  const [h, w] = rle.size;
  const out = new Uint8Array(w * h);
  const counts = countsOf(rle);
  let pos = 0;
  let value = 0;
  for (const run of counts) {
    if (value === 1) {
      for (let i = pos; i < pos + run && i < w * h; i++) {
        const x = Math.floor(i / h);
        const y = i - x * h;
        out[y * w + x] = 1;
      }
    }
    pos += run;
    value ^= 1;
  }
  return out;
}

/** Counts of a row-major bitmap (the inverse of toBitmap). */
export function fromBitmap(bits: Uint8Array, w: number, h: number): number[] {
  const counts: number[] = [];
  let value = 0;
  let run = 0;
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      const b = bits[y * w + x] ? 1 : 0;
      if (b !== value) {
        counts.push(run);
        run = 0;
        value = b;
      }
      run++;
    }
  }
  counts.push(run);
  return counts;
}

export function area(rle: Rle): number {
  const counts = countsOf(rle);
  let a = 0;
  for (let i = 1; i < counts.length; i += 2) a += counts[i];
  return a;
}

/** The tight bounding box [x, y, w, h] of the foreground, or null for an empty mask. */
export function bbox(rle: Rle): [number, number, number, number] | null {
  const [h] = rle.size;
  const counts = countsOf(rle);
  let pos = 0;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < counts.length; i++) {
    const run = counts[i];
    if (i % 2 === 1 && run > 0) {
      const start = pos, end = pos + run - 1;
      const x0 = Math.floor(start / h), x1 = Math.floor(end / h);
      minX = Math.min(minX, x0);
      maxX = Math.max(maxX, x1);
      if (x0 === x1) {
        minY = Math.min(minY, start - x0 * h);
        maxY = Math.max(maxY, end - x1 * h);
      } else {
        minY = 0;
        maxY = h - 1;
      }
    }
    pos += run;
  }
  return minX === Infinity ? null : [minX, minY, maxX - minX + 1, maxY - minY + 1];
}
