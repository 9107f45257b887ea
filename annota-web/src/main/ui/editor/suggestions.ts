// Model suggestions beside the human set (GET /images/{id}/suggestions): which ones the threshold shows, and
// the bodies of accept (one, all above the threshold, or one edited first) and reject. Pure.
import type { Annotation } from '../api/types';

export interface Suggestion {
  id: string;
  model: string;
  model_version: string;
  confidence: number;
  annotation: Annotation;
  created_at: string;
}

export interface SuggestionList {
  image_id: string;
  suggestions: Suggestion[];
}

export interface AcceptBody {
  version: number;
  ids?: string[];
  all?: boolean;
  min_confidence?: number;
  annotation?: Annotation;
}

/** The suggestions at or above {@code threshold}, most confident first. */
export function visibleSuggestions(list: readonly Suggestion[], threshold: number): Suggestion[] {
  return list.filter((s) => s.confidence >= threshold).sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
}

export function acceptOne(version: number, id: string): AcceptBody {
  return { version, ids: [id] };
}

/** Accept every suggestion at or above the threshold (the server applies the same filter). */
export function acceptAll(version: number, threshold: number): AcceptBody {
  return { version, all: true, min_confidence: threshold };
}

/** Accept one suggestion as the user edited it: the edit is sent as human work, the model's confidence dropped. */
export function acceptEdited(version: number, id: string, edited: Annotation): AcceptBody {
  const { confidence: _c, source: _s, ...rest } = edited;
  return { version, ids: [id], annotation: { ...rest, source: { type: 'human' } } };
}

export function rejectBody(ids: readonly string[]): { ids: string[] } {
  return { ids: [...ids] };
}

/** "92 %" for a confidence in [0, 1]. */
export function percent(c: number): string {
  return `${Math.round(c * 100)} %`;
}
