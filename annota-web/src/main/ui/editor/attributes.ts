// Attribute values for the attributes panel, typed by the class's attribute definitions (text, number,
// checkbox, select, multi-select) as the server checks them (AttributeSpec in annota-core). Pure.
import type { Annotation, AttributeSpec, LabelClass } from '../api/types';

export type AttributeValue = string | number | boolean | string[];

/** The value a new annotation starts with: the spec's default, or nothing (undefined) for optional ones. */
export function defaultValue(spec: AttributeSpec): AttributeValue | undefined {
  if (spec.default !== undefined && spec.default !== null && spec.default !== '') return spec.default as AttributeValue;
  if (!spec.required) return undefined;
  switch (spec.type) {
    case 'checkbox':
      return false;
    case 'select':
      return spec.options?.[0];
    case 'multi_select':
      return [];
    case 'number':
      return spec.min ?? 0;
    case 'text':
      return '';
  }
}

/** The attributes a new annotation of {@code cls} gets (defaults and required values), or undefined when none. */
export function initialAttributes(cls: LabelClass | undefined): Record<string, AttributeValue> | undefined {
  const out: Record<string, AttributeValue> = {};
  for (const spec of cls?.attributes ?? []) {
    const v = defaultValue(spec);
    if (v !== undefined) out[spec.name] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** What is wrong with {@code value} for {@code spec} (in the server's words), or null when it fits. */
export function problem(spec: AttributeSpec, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return spec.required ? 'a value is required' : null;
  switch (spec.type) {
    case 'checkbox':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'text':
      if (typeof value !== 'string') return 'expected text';
      return spec.max_length !== undefined && value.length > spec.max_length ? `expected at most ${spec.max_length} characters` : null;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
      if (spec.integer && !Number.isInteger(value)) return 'expected a whole number';
      if (spec.min !== undefined && value < spec.min) return `expected at least ${spec.min}`;
      if (spec.max !== undefined && value > spec.max) return `expected at most ${spec.max}`;
      return null;
    }
    case 'select':
      return typeof value === 'string' && (spec.options ?? []).includes(value) ? null : `expected one of ${(spec.options ?? []).join(', ')}`;
    case 'multi_select':
      return Array.isArray(value) && value.every((v) => (spec.options ?? []).includes(v)) ? null : `expected some of ${(spec.options ?? []).join(', ')}`;
  }
}

/** The value typed into a form control, converted for {@code spec} ("" clears an optional value). */
export function parseInput(spec: AttributeSpec, raw: string | boolean | string[]): AttributeValue | undefined {
  switch (spec.type) {
    case 'checkbox':
      return Boolean(raw);
    case 'multi_select':
      return Array.isArray(raw) ? raw : [String(raw)];
    case 'number': {
      if (raw === '') return undefined;
      const n = Number(raw);
      return Number.isFinite(n) ? n : undefined;
    }
    default:
      return raw === '' ? undefined : String(raw);
  }
}

/** The annotation with attribute {@code name} set (or removed when undefined); attributes stay sorted by name. */
export function withAttribute(a: Annotation, name: string, value: AttributeValue | undefined): Annotation {
  const next: Record<string, unknown> = { ...(a.attributes ?? {}) };
  if (value === undefined) delete next[name];
  else next[name] = value;
  const keys = Object.keys(next).sort();
  if (keys.length === 0) {
    const { attributes: _drop, ...rest } = a;
    return rest;
  }
  return { ...a, attributes: Object.fromEntries(keys.map((k) => [k, next[k]])) };
}
