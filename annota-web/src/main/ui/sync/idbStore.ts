// The outbox in IndexedDB: one database per signed-in user (so one person's queued work is never sent with
// another's session), one record per image, keyed by image id.
import type { OutboxEntry, OutboxStore } from './outbox';

const STORE = 'outbox';

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function openIdbStore(userId: string): Promise<OutboxStore> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(`annota-outbox-${userId}`, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'imageId' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('the outbox database is blocked by another tab'));
  });
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode).objectStore(STORE);
  // a write is done when its transaction commits, not when the request succeeds
  const write = (f: (s: IDBObjectStore) => void) => new Promise<void>((resolve, reject) => {
    const t = db.transaction(STORE, 'readwrite');
    f(t.objectStore(STORE));
    t.oncomplete = () => resolve();
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error ?? new Error('outbox write aborted'));
  });
  return {
    async all() {
      const list = (await promised(tx('readonly').getAll())) as OutboxEntry[];
      return list.sort((a, b) => a.queuedAt - b.queuedAt);
    },
    get: (imageId) => promised(tx('readonly').get(imageId)) as Promise<OutboxEntry | undefined>,
    put: (entry) => write((s) => s.put(entry)),
    delete: (imageId) => write((s) => s.delete(imageId)),
  };
}
