// The outbox: every annotation save goes here first, is stored (IndexedDB in the browser), and is sent when the
// server can be reached. It survives a reload and a network outage; per image only the latest set waits; a
// conflict or a refusal stays in the outbox, shown to the user, until they choose — nothing is dropped silently.
// Storage, sending and time are injected, so the logic is unit-tested without a browser.
import type { Annotation, AnnotationSet } from '../api/types';

export type EntryState = 'pending' | 'conflict' | 'rejected';

export interface OutboxEntry {
  readonly imageId: string;
  /** Increases with every enqueue for the image; tells a stored entry from the one that was sent. */
  readonly seq: number;
  /** The server version that these edits build on (sent as "version"). */
  readonly baseVersion: number;
  readonly annotations: readonly Annotation[];
  readonly queuedAt: number;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly state: EntryState;
  /** The server's set when a save met a newer version (state "conflict"). */
  readonly conflict?: AnnotationSet;
  /** Why the last attempt failed. */
  readonly error?: string;
}

export interface OutboxStore {
  all(): Promise<OutboxEntry[]>;
  get(imageId: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  delete(imageId: string): Promise<void>;
}

export type SendResult =
  | { kind: 'saved'; set: AnnotationSet }
  | { kind: 'conflict'; current: AnnotationSet }
  /** The server refused the set itself (400, 403, 404): retrying cannot help; the user must act. */
  | { kind: 'rejected'; message: string }
  /** Not reached, or a temporary failure (network, 5xx, 401 until signed in again): retry later. */
  | { kind: 'retry'; message: string };

export type Send = (entry: OutboxEntry) => Promise<SendResult>;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type OutboxEvent =
  | { type: 'queued'; entry: OutboxEntry }
  | { type: 'sending'; imageId: string }
  | { type: 'saved'; imageId: string; set: AnnotationSet; stillPending: boolean }
  | { type: 'retrying'; entry: OutboxEntry }
  | { type: 'conflict'; entry: OutboxEntry }
  | { type: 'rejected'; entry: OutboxEntry }
  | { type: 'resolved'; imageId: string };

export interface OutboxOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** 0..1; the delay is scaled by 0.75 + 0.5 × random, so many tabs do not retry in step. */
  random?: () => number;
}

/** The delay before attempt {@code attempts + 1}: doubling from base, at most max. */
export function backoff(attempts: number, baseMs: number, maxMs: number, random: number): number {
  const exp = Math.min(maxMs, baseMs * Math.pow(2, Math.max(0, attempts - 1)));
  return Math.round(exp * (0.75 + 0.5 * random));
}

export class Outbox {
  private readonly listeners = new Set<(e: OutboxEvent) => void>();
  private readonly baseDelay: number;
  private readonly maxDelay: number;
  private readonly random: () => number;
  private timer: unknown = undefined;
  private timerAt = Infinity;
  private flushing: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly store: OutboxStore, private readonly send: Send, private readonly clock: Clock = realClock,
              options: OutboxOptions = {}) {
    this.baseDelay = options.baseDelayMs ?? 1000;
    this.maxDelay = options.maxDelayMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  subscribe(listener: (e: OutboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  entries(): Promise<OutboxEntry[]> {
    return this.store.all();
  }

  entry(imageId: string): Promise<OutboxEntry | undefined> {
    return this.store.get(imageId);
  }

  /**
   * Queues {@code annotations} as the new set of the image, replacing whatever was waiting for it. While an
   * earlier set waits, the new one keeps that set's base version (both build on the same server state). During a
   * conflict it stays a conflict (with the newest edits as "mine") until the user chooses.
   */
  async enqueue(imageId: string, baseVersion: number, annotations: readonly Annotation[]): Promise<OutboxEntry> {
    const old = await this.store.get(imageId);
    const now = this.clock.now();
    const entry: OutboxEntry = {
      imageId,
      seq: (old?.seq ?? 0) + 1,
      baseVersion: old ? old.baseVersion : baseVersion,
      annotations,
      queuedAt: now,
      attempts: old?.state === 'pending' ? old.attempts : 0,
      nextAttemptAt: old?.state === 'pending' ? Math.max(now, old.nextAttemptAt) : now,
      state: old?.state === 'conflict' ? 'conflict' : 'pending',
      conflict: old?.state === 'conflict' ? old.conflict : undefined,
    };
    await this.store.put(entry);
    this.emit({ type: 'queued', entry });
    this.schedule(entry.nextAttemptAt);
    return entry;
  }

  /** Sends every due pending entry now; resolves when done (a flush already running is joined, then rerun). */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      try {
        do {
          this.again = false;
          await this.flushOnce();
        } while (this.again && !this.closed);
      } finally {
        this.flushing = undefined;
      }
    })();
    return this.flushing;
  }

  /** The network is back (or the user asked): every waiting entry is due now. */
  async retryNow(): Promise<void> {
    const now = this.clock.now();
    for (const e of await this.store.all()) {
      if (e.state === 'pending' && e.nextAttemptAt > now) await this.store.put({ ...e, nextAttemptAt: now });
    }
    await this.flush();
  }

  /** Resolves a conflict by saving "mine" over the server's newer version. */
  async keepMine(imageId: string): Promise<void> {
    const e = await this.store.get(imageId);
    if (!e || e.state !== 'conflict' || !e.conflict) return;
    await this.store.put({
      ...e, state: 'pending', baseVersion: e.conflict.version, conflict: undefined, attempts: 0,
      nextAttemptAt: this.clock.now(), error: undefined,
    });
    this.emit({ type: 'resolved', imageId });
    await this.flush();
  }

  /** Resolves a conflict (or a refusal) by giving up "mine"; returns the server's set when known. */
  async takeTheirs(imageId: string): Promise<AnnotationSet | undefined> {
    const e = await this.store.get(imageId);
    if (!e) return undefined;
    await this.store.delete(imageId);
    this.emit({ type: 'resolved', imageId });
    return e.conflict;
  }

  close(): void {
    this.closed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit(e: OutboxEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        console.error('outbox listener failed', err);
      }
    }
  }

  private schedule(at: number): void {
    if (this.closed) return;
    if (this.timer !== undefined && this.timerAt <= at) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      void this.flush();
    }, Math.max(0, at - this.clock.now()));
  }

  private async flushOnce(): Promise<void> {
    const all = await this.store.all();
    let next = Infinity;
    for (const sent of all) {
      if (this.closed) return;
      if (sent.state !== 'pending') continue;
      if (sent.nextAttemptAt > this.clock.now()) {
        next = Math.min(next, sent.nextAttemptAt);
        continue;
      }
      this.emit({ type: 'sending', imageId: sent.imageId });
      let result: SendResult;
      try {
        result = await this.send(sent);
      } catch (err) {
        result = { kind: 'retry', message: err instanceof Error ? err.message : String(err) };
      }
      const retryAt = await this.settle(sent, result);
      if (retryAt !== undefined) next = Math.min(next, retryAt);
    }
    if (next !== Infinity) this.schedule(next);
  }

  /** Records the outcome of sending {@code sent}; returns when to try again, if that is needed. */
  private async settle(sent: OutboxEntry, result: SendResult): Promise<number | undefined> {
    const latest = await this.store.get(sent.imageId);
    const same = latest !== undefined && latest.seq === sent.seq;
    switch (result.kind) {
      case 'saved': {
        if (same) {
          await this.store.delete(sent.imageId);
        } else if (latest && latest.baseVersion === sent.baseVersion) {
          // newer edits arrived while this one was in flight: they now build on the version just saved
          await this.store.put({ ...latest, baseVersion: result.set.version, conflict: undefined,
            state: latest.state === 'conflict' ? 'conflict' : latest.state });
          this.again = true;
        }
        this.emit({ type: 'saved', imageId: sent.imageId, set: result.set, stillPending: !same && latest !== undefined });
        return undefined;
      }
      case 'conflict': {
        if (!latest) return undefined;
        const e: OutboxEntry = { ...latest, state: 'conflict', conflict: result.current, error: undefined };
        await this.store.put(e);
        this.emit({ type: 'conflict', entry: e });
        return undefined;
      }
      case 'rejected': {
        if (!latest) return undefined;
        if (!same) {
          this.again = true; // the user changed the set since; the new one may be fine
          return undefined;
        }
        const e: OutboxEntry = { ...latest, state: 'rejected', error: result.message };
        await this.store.put(e);
        this.emit({ type: 'rejected', entry: e });
        return undefined;
      }
      case 'retry': {
        if (!latest) return undefined;
        const attempts = sent.attempts + 1;
        const at = this.clock.now() + backoff(attempts, this.baseDelay, this.maxDelay, this.random());
        const e: OutboxEntry = { ...latest, attempts, nextAttemptAt: same ? at : Math.max(at, latest.nextAttemptAt), error: result.message };
        await this.store.put(e);
        this.emit({ type: 'retrying', entry: e });
        return e.nextAttemptAt;
      }
    }
  }
}

/** An in-memory store: for tests, and the fallback when IndexedDB is unavailable (private windows in some browsers). */
export class MemoryStore implements OutboxStore {
  private readonly map = new Map<string, OutboxEntry>();

  async all(): Promise<OutboxEntry[]> {
    return [...this.map.values()].sort((a, b) => a.queuedAt - b.queuedAt);
  }

  async get(imageId: string): Promise<OutboxEntry | undefined> {
    return this.map.get(imageId);
  }

  async put(entry: OutboxEntry): Promise<void> {
    this.map.set(entry.imageId, structuredClone(entry));
  }

  async delete(imageId: string): Promise<void> {
    this.map.delete(imageId);
  }
}
