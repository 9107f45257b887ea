/** Splits items into consecutive batches of at most {@code maxCount} items and {@code maxBytes} (one item may exceed it alone). */
export function batches<T extends { size: number }>(items: readonly T[], maxCount: number, maxBytes: number): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let bytes = 0;
  for (const it of items) {
    if (cur.length > 0 && (cur.length >= maxCount || bytes + it.size > maxBytes)) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(it);
    bytes += it.size;
  }
  if (cur.length) out.push(cur);
  return out;
}
