// Test data for the journeys: a PNG written row by row (never whole in memory) and many polygons.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createDeflate, crc32 } from 'node:zlib';

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** Writes a w × h RGB PNG whose pixel (x, y) is colour(x, y) → [r, g, b]; resolves when the file is complete. */
export async function writePng(path, w, h, colour) {
  const out = createWriteStream(path);
  out.write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  out.write(chunk('IHDR', ihdr));
  const z = createDeflate({ level: 1 });
  z.on('data', (d) => out.write(chunk('IDAT', d)));
  const row = Buffer.alloc(1 + 3 * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [r, g, b] = colour(x, y);
      row[1 + 3 * x] = r;
      row[2 + 3 * x] = g;
      row[3 + 3 * x] = b;
    }
    if (!z.write(Buffer.from(row))) await once(z, 'drain');
  }
  z.end();
  await once(z, 'end');
  out.end(chunk('IEND', Buffer.alloc(0)));
  await once(out, 'finish');
}

/** n star-shaped polygons (8–16 vertices) spread over a w × h image, deterministic, labels cycling. */
export function polygons(n, w, h, labels) {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = 10 + rnd() * 30;
    const cx = r + rnd() * (w - 2 * r), cy = r + rnd() * (h - 2 * r);
    const k = 8 + Math.floor(rnd() * 9);
    const flat = [];
    for (let j = 0; j < k; j++) {
      const a = (j / k) * Math.PI * 2;
      const rr = r * (0.55 + 0.45 * rnd());
      flat.push(Math.round((cx + rr * Math.cos(a)) * 100) / 100, Math.round((cy + rr * Math.sin(a)) * 100) / 100);
    }
    out.push({ kind: 'polygon', label: labels[i % labels.length], polygon: [flat], source: { type: 'human' } });
  }
  return out;
}
