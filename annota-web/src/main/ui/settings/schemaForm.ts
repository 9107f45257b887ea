// Turning the schema editor's text fields into schema JSON and back. Pure, unit-tested.
import type { AttributeSpec, LabelClass, Skeleton } from '../api/types';

export function parseList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Skeleton edges written with point names, "head-neck, neck-hip", as 0-based index pairs. */
export function parseEdges(text: string, points: readonly string[]): { edges: [number, number][]; error?: string } {
  const edges: [number, number][] = [];
  for (const part of parseList(text)) {
    const m = /^(.+?)\s*-\s*(.+)$/.exec(part);
    if (!m) return { edges, error: `edge "${part}": expected two point names joined by "-", e.g. head-neck` };
    const a = points.indexOf(m[1].trim()), b = points.indexOf(m[2].trim());
    if (a < 0 || b < 0) {
      return { edges, error: `edge "${part}": "${a < 0 ? m[1].trim() : m[2].trim()}" is not one of the points ${points.join(', ')}` };
    }
    edges.push([a, b]);
  }
  return { edges };
}

export function formatEdges(s: Skeleton | null | undefined): string {
  if (!s) return '';
  return s.edges.map(([a, b]) => `${s.points[a]}-${s.points[b]}`).join(', ');
}

/** The fields of {@code after} that differ from {@code before} (what a PATCH must send). */
export function classPatch(before: LabelClass, after: LabelClass): Partial<LabelClass> {
  const patch: Partial<LabelClass> = {};
  if (after.name.trim() !== before.name) patch.name = after.name.trim();
  if (after.colour.toUpperCase() !== before.colour.toUpperCase()) patch.colour = after.colour.toUpperCase();
  if ([...after.kinds].sort().join() !== [...before.kinds].sort().join()) patch.kinds = after.kinds;
  if (JSON.stringify(after.attributes) !== JSON.stringify(before.attributes)) patch.attributes = after.attributes;
  if (JSON.stringify(after.skeleton ?? null) !== JSON.stringify(before.skeleton ?? null)) patch.skeleton = after.skeleton ?? null;
  return patch;
}

/** An attribute with only the fields its type uses (the server refuses unknown ones). */
export function cleanAttribute(a: AttributeSpec): AttributeSpec {
  const out: AttributeSpec = { name: a.name.trim(), type: a.type, required: !!a.required };
  if (a.type === 'select' || a.type === 'multi_select') out.options = a.options ?? [];
  if (a.type === 'number') {
    if (a.min !== undefined && !Number.isNaN(a.min)) out.min = a.min;
    if (a.max !== undefined && !Number.isNaN(a.max)) out.max = a.max;
    out.integer = !!a.integer;
  }
  if (a.type === 'text' && a.max_length !== undefined) out.max_length = a.max_length;
  if (a.default !== undefined && a.default !== '') out.default = a.default;
  return out;
}
