// The outbox of the signed-in user, shared by every screen, and a summary of what it holds for the status bar.
import { MemoryStore, Outbox, type OutboxEntry } from './outbox';
import { openIdbStore } from './idbStore';
import { sendToServer } from './sender';

let current: { userId: string; outbox: Outbox } | undefined;

export async function outboxFor(userId: string): Promise<Outbox> {
  if (current?.userId === userId) return current.outbox;
  current?.outbox.close();
  let store;
  try {
    store = await openIdbStore(userId);
  } catch (err) {
    console.warn('IndexedDB unavailable; queued saves will not survive a reload', err);
    store = new MemoryStore();
  }
  const outbox = new Outbox(store, sendToServer);
  current = { userId, outbox };
  window.addEventListener('online', () => void outbox.retryNow());
  void outbox.flush(); // whatever was left from the last visit
  return outbox;
}

export function currentOutbox(): Outbox | undefined {
  return current?.outbox;
}

export function closeOutbox(): void {
  current?.outbox.close();
  current = undefined;
}

export interface OutboxSummary {
  pending: number;
  conflicts: number;
  rejected: number;
}

export function summarise(entries: readonly OutboxEntry[]): OutboxSummary {
  return {
    pending: entries.filter((e) => e.state === 'pending').length,
    conflicts: entries.filter((e) => e.state === 'conflict').length,
    rejected: entries.filter((e) => e.state === 'rejected').length,
  };
}
