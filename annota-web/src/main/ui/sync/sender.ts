// How the outbox sends a set: PUT /images/{id}/annotations with the base version, and what each answer means.
import { api, ApiError } from '../api/client';
import type { AnnotationSet } from '../api/types';
import type { OutboxEntry, SendResult } from './outbox';

export function classify(err: unknown): SendResult {
  if (err instanceof ApiError) {
    const s = err.status;
    if (s === 409 && err.problem.current && typeof err.problem.current === 'object') {
      return { kind: 'conflict', current: err.problem.current as AnnotationSet };
    }
    // 401: the session ended; the entry waits until the user signs in again
    if (s === 401 || s === 408 || s === 429 || s >= 500) return { kind: 'retry', message: err.message };
    const fields = (err.problem.errors ?? []).map((e) => `${e.location ?? ''} ${e.message ?? e.expected ?? ''}`.trim());
    return { kind: 'rejected', message: [err.message, ...fields].join('; ') };
  }
  return { kind: 'retry', message: err instanceof Error ? err.message : String(err) };
}

export async function sendToServer(entry: OutboxEntry): Promise<SendResult> {
  try {
    const set = await api.saveAnnotations(entry.imageId, entry.baseVersion, [...entry.annotations]);
    return { kind: 'saved', set };
  } catch (err) {
    const r = classify(err);
    if (r.kind === 'conflict') return { kind: 'conflict', current: { ...r.current, image_id: entry.imageId } };
    return r;
  }
}
