// The annotation set being edited, with undo and redo. Each change replaces the list with a new array (the
// annotations themselves are treated as immutable), so a snapshot is cheap to keep and the outbox can store
// exactly what the user saw. No DOM: unit-tested.
import type { Annotation } from '../api/types';

export interface Change {
  /** What the user did, for the undo button's title, e.g. "Draw box". */
  readonly what: string;
  readonly before: readonly Annotation[];
  readonly after: readonly Annotation[];
}

export class AnnotationDocument {
  private list: readonly Annotation[];
  private undoStack: Change[] = [];
  private redoStack: Change[] = [];
  private rev = 0;
  private readonly listeners = new Set<(doc: AnnotationDocument) => void>();
  private readonly keys = new WeakMap<Annotation, number>();
  private nextKey = 1;

  constructor(initial: readonly Annotation[] = [], private readonly maxHistory = 200) {
    this.list = initial;
  }

  get annotations(): readonly Annotation[] {
    return this.list;
  }

  /** Increases with every change, undo and redo; a save can tell whether it is still the latest. */
  get revision(): number {
    return this.rev;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  get undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.what;
  }

  get redoLabel(): string | undefined {
    return this.redoStack[this.redoStack.length - 1]?.what;
  }

  onChange(listener: (doc: AnnotationDocument) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A stable key for an annotation while it is edited (for hide and lock, which are not saved): an edit that
   * replaces an object in place (same list length, same position) keeps its key; undo brings the old object,
   * with its key, back.
   */
  keyOf(a: Annotation): number {
    let k = this.keys.get(a);
    if (k === undefined) this.keys.set(a, (k = this.nextKey++));
    return k;
  }

  /** Replaces the list as one undoable step. */
  apply(what: string, next: readonly Annotation[]): void {
    if (next === this.list) return;
    if (next.length === this.list.length) {
      for (let i = 0; i < next.length; i++) {
        if (next[i] !== this.list[i] && !this.keys.has(next[i])) this.keys.set(next[i], this.keyOf(this.list[i]));
      }
    }
    this.undoStack.push({ what, before: this.list, after: next });
    if (this.undoStack.length > this.maxHistory) this.undoStack.shift();
    this.redoStack = [];
    this.set(next);
  }

  add(what: string, a: Annotation): number {
    this.apply(what, [...this.list, a]);
    return this.list.length - 1;
  }

  replace(what: string, index: number, a: Annotation): void {
    if (index < 0 || index >= this.list.length) throw new RangeError(`no annotation at index ${index}`);
    const next = this.list.slice();
    next[index] = a;
    this.apply(what, next);
  }

  remove(what: string, index: number): void {
    if (index < 0 || index >= this.list.length) throw new RangeError(`no annotation at index ${index}`);
    this.apply(what, this.list.filter((_, i) => i !== index));
  }

  undo(): boolean {
    const c = this.undoStack.pop();
    if (!c) return false;
    this.redoStack.push(c);
    this.set(c.before);
    return true;
  }

  redo(): boolean {
    const c = this.redoStack.pop();
    if (!c) return false;
    this.undoStack.push(c);
    this.set(c.after);
    return true;
  }

  /** Loads a set from elsewhere (the server, a conflict resolution): not undoable, clears the history. */
  reset(list: readonly Annotation[]): void {
    this.undoStack = [];
    this.redoStack = [];
    this.set(list);
  }

  private set(next: readonly Annotation[]): void {
    this.list = next;
    this.rev++;
    for (const l of this.listeners) l(this);
  }
}
