import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationSet } from '../../main/ui/api/types';
import { backoff, MemoryStore, Outbox, type Clock, type OutboxEntry, type OutboxEvent, type SendResult } from '../../main/ui/sync/outbox';

/** A clock whose time only moves when the test says so. */
class FakeClock implements Clock {
  t = 1000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  now() {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = this.next++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown) {
    this.timers = this.timers.filter((x) => x.id !== h);
  }
  /** Moves time forward, running due timers, and lets the promises they start settle. */
  async advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
      await settle();
    }
    this.t = end;
    await settle();
  }
}

async function settle() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const box = (label: number): Annotation => ({ kind: 'box', label, box: [0, 0, 1, 1], source: { type: 'human' } });

/** A fake server: one image's set with a version; can be offline; records what it received. */
class FakeServer {
  version = 3;
  annotations: Annotation[] = [];
  online = true;
  received: { version: number; labels: number[] }[] = [];
  /** When set, the next send waits for this promise (to change things while a save is in flight). */
  gate: Promise<void> | undefined;

  send = async (e: OutboxEntry): Promise<SendResult> => {
    if (this.gate) {
      const g = this.gate;
      this.gate = undefined;
      await g;
    }
    if (!this.online) return { kind: 'retry', message: 'the server cannot be reached' };
    this.received.push({ version: e.baseVersion, labels: e.annotations.map((a) => a.label) });
    if (e.annotations.some((a) => a.label < 0)) return { kind: 'rejected', message: '/annotations/0: label -1 is not in the schema' };
    if (e.baseVersion !== this.version) return { kind: 'conflict', current: this.set() };
    this.version++;
    this.annotations = [...e.annotations];
    return { kind: 'saved', set: this.set() };
  };

  set(): AnnotationSet {
    return { image_id: 'img', version: this.version, annotations: this.annotations };
  }
}

function setup() {
  const clock = new FakeClock();
  const server = new FakeServer();
  const store = new MemoryStore();
  const outbox = new Outbox(store, server.send, clock, { baseDelayMs: 1000, maxDelayMs: 8000, random: () => 0.5 });
  const events: OutboxEvent[] = [];
  outbox.subscribe((e) => events.push(e));
  return { clock, server, store, outbox, events };
}

describe('outbox', () => {
  it('sends_a_queued_set_at_once_and_empties', async () => {
    const { clock, server, outbox } = setup();
    await outbox.enqueue('img', 3, [box(1)]);
    await clock.advance(0);
    expect(server.received).toEqual([{ version: 3, labels: [1] }]);
    expect(server.version).toBe(4);
    expect(await outbox.entries()).toEqual([]);
  });

  it('keeps_only_the_latest_set_per_image_while_offline', async () => {
    const { clock, server, outbox } = setup();
    server.online = false;
    await outbox.enqueue('img', 3, [box(1)]);
    await clock.advance(0);
    await outbox.enqueue('img', 3, [box(1), box(2)]);
    await outbox.enqueue('other', 0, [box(9)]);
    const entries = await outbox.entries();
    expect(entries.map((e) => [e.imageId, e.annotations.length])).toEqual([['img', 2], ['other', 1]]);
    expect(server.received).toEqual([]);
  });

  it('retries_with_doubling_delays_and_syncs_when_the_network_is_back', async () => {
    const { clock, server, outbox, events } = setup();
    server.online = false;
    await outbox.enqueue('img', 3, [box(1)]);
    await clock.advance(0); // attempt 1 fails: next in 1 s
    await clock.advance(999);
    expect((await outbox.entry('img'))?.attempts).toBe(1);
    await clock.advance(1); // attempt 2 fails: next in 2 s
    expect((await outbox.entry('img'))?.attempts).toBe(2);
    await clock.advance(2000); // attempt 3 fails: next in 4 s
    expect((await outbox.entry('img'))?.attempts).toBe(3);
    server.online = true;
    await clock.advance(4000);
    expect(server.received).toEqual([{ version: 3, labels: [1] }]);
    expect(await outbox.entries()).toEqual([]);
    expect(events.filter((e) => e.type === 'retrying').length).toBe(3);
  });

  it('retries_at_once_when_told_the_network_is_back', async () => {
    const { clock, server, outbox } = setup();
    server.online = false;
    await outbox.enqueue('img', 3, [box(1)]);
    await clock.advance(0);
    server.online = true;
    await outbox.retryNow();
    expect(server.received.length).toBe(1);
  });

  it('survives_a_reload_because_the_store_keeps_the_entry', async () => {
    const { clock, server, store, outbox } = setup();
    server.online = false;
    await outbox.enqueue('img', 3, [box(1)]);
    await clock.advance(0);
    outbox.close(); // the page goes away
    server.online = true;
    const reloaded = new Outbox(store, server.send, clock, { random: () => 0.5 });
    await reloaded.flush(); // not yet due: the backoff still holds
    await clock.advance(1000);
    expect(server.received).toEqual([{ version: 3, labels: [1] }]);
    expect(await reloaded.entries()).toEqual([]);
  });

  it('rebases_edits_made_while_a_save_was_in_flight', async () => {
    const { clock, server, outbox } = setup();
    let open!: () => void;
    server.gate = new Promise((r) => (open = r));
    await outbox.enqueue('img', 3, [box(1)]);
    await clock.advance(0); // the save of [1] is in flight
    await outbox.enqueue('img', 3, [box(1), box(2)]);
    open();
    await clock.advance(0);
    await clock.advance(0);
    // the second set was sent on top of version 4, not as a conflict with our own save
    expect(server.received).toEqual([{ version: 3, labels: [1] }, { version: 4, labels: [1, 2] }]);
    expect(server.version).toBe(5);
    expect(await outbox.entries()).toEqual([]);
  });

  it('keeps_a_conflict_until_the_user_chooses_and_never_drops_it', async () => {
    const { clock, server, outbox, events } = setup();
    server.version = 7; // someone else saved meanwhile
    server.annotations = [box(5)];
    await outbox.enqueue('img', 3, [box(1)]);
    await clock.advance(0);
    const e = await outbox.entry('img');
    expect(e?.state).toBe('conflict');
    expect(e?.conflict?.version).toBe(7);
    expect(events.some((x) => x.type === 'conflict')).toBe(true);
    // more edits and time do not send it, nor lose it
    await outbox.enqueue('img', 3, [box(1), box(2)]);
    await clock.advance(60_000);
    expect(server.received.length).toBe(1);
    expect((await outbox.entry('img'))?.annotations.length).toBe(2);
    // keep mine: saved over version 7
    await outbox.keepMine('img');
    expect(server.received[1]).toEqual({ version: 7, labels: [1, 2] });
    expect(server.annotations.map((a) => a.label)).toEqual([1, 2]);
    expect(await outbox.entries()).toEqual([]);
  });

  it('takes_the_servers_version_when_the_user_says_so', async () => {
    const { clock, server, outbox } = setup();
    server.version = 9;
    server.annotations = [box(5)];
    await outbox.enqueue('img', 3, [box(1)]);
    await clock.advance(0);
    const theirs = await outbox.takeTheirs('img');
    expect(theirs?.annotations.map((a) => a.label)).toEqual([5]);
    expect(await outbox.entries()).toEqual([]);
    expect(server.annotations.map((a) => a.label)).toEqual([5]);
  });

  it('holds_a_refused_set_for_the_user_and_sends_it_again_after_a_new_edit', async () => {
    const { clock, server, outbox } = setup();
    await outbox.enqueue('img', 3, [box(-1)]);
    await clock.advance(0);
    const e = await outbox.entry('img');
    expect(e?.state).toBe('rejected');
    expect(e?.error).toMatch(/label -1/);
    await clock.advance(60_000);
    expect(server.received.length).toBe(1);
    await outbox.enqueue('img', 3, [box(2)]);
    await clock.advance(0);
    expect(server.version).toBe(4);
    expect(await outbox.entries()).toEqual([]);
  });

  it('treats_a_throwing_sender_as_a_retry', async () => {
    const clock = new FakeClock();
    const outbox = new Outbox(new MemoryStore(), async () => {
      throw new Error('boom');
    }, clock, { random: () => 0.5 });
    await outbox.enqueue('img', 0, [box(1)]);
    await clock.advance(0);
    const e = await outbox.entry('img');
    expect(e?.state).toBe('pending');
    expect(e?.error).toBe('boom');
  });
});

describe('backoff', () => {
  it('doubles_up_to_the_maximum_with_jitter_around_it', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoff(n, 1000, 8000, 0.5))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoff(1, 1000, 8000, 0)).toBe(750);
    expect(backoff(1, 1000, 8000, 1)).toBe(1250);
  });
});
