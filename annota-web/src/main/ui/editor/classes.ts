// Label classes as the workspace uses them: colours by id, the classes a tool may draw, keys 1–9.
import type { AnnotationKind, LabelClass, LabelSchema } from '../api/types';

export const UNKNOWN_CLASS_COLOUR = '#999999';

export function colourLookup(schema: LabelSchema): (label: number) => string {
  const m = new Map(schema.classes.map((c) => [c.id, c.colour]));
  return (label) => m.get(label) ?? UNKNOWN_CLASS_COLOUR;
}

/** The classes that allow {@code kind}, in schema order. */
export function classesFor(schema: LabelSchema, kind: AnnotationKind): LabelClass[] {
  return schema.classes.filter((c) => !c.kinds || c.kinds.length === 0 || c.kinds.includes(kind));
}

/** The class that key "1".."9" picks among {@code classes}, or undefined. */
export function classForKey(classes: readonly LabelClass[], key: string): LabelClass | undefined {
  if (!/^[1-9]$/.test(key)) return undefined;
  return classes[Number(key) - 1];
}
