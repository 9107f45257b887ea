// The quality page's data: the agreement report and consensus API (/projects/{p}/quality/...), and the pure
// helpers the page uses to format, rank and link its figures (unit-tested).
import { request } from '../api/client';

export interface QualityOverview {
  images: number;
  finished_jobs: number;
  gold_images: number;
  fleiss_kappa: number | null;
  fleiss_items: number;
  krippendorff_alpha: number | null;
  mean_iou: number | null;
  consensus_agreement: number | null;
  disputed_images: number;
  gold_accuracy: number | null;
}

export interface ClassAgreement {
  label: number;
  name: string;
  tag_alpha: number | null;
  objects: number;
  matched: number;
  mean_iou: number | null;
  consensus_agreement: number | null;
}

export interface AnnotatorAgreement {
  user_id: string;
  username: string;
  images: number;
  consensus_agreement: number | null;
  mean_iou: number | null;
  mean_cohen_kappa: number | null;
  gold_images: number;
  gold_accuracy: number | null;
}

export interface PairAgreement {
  user_a: string;
  user_b: string;
  images: number;
  tag_items: number;
  cohen_kappa: number | null;
  matched: number;
  mean_iou: number | null;
}

export interface Disagreement {
  image_id: string;
  file_name: string;
  annotators: number;
  agreement: number;
  disputed_items: number;
}

export interface AgreementReport {
  project_id: string;
  restricted: boolean;
  project: QualityOverview;
  classes: ClassAgreement[];
  annotators: AnnotatorAgreement[];
  pairs: PairAgreement[];
  disagreements: Disagreement[];
}

export interface QualityOperation {
  id: string;
  state: string;
  phase: string;
  done: number;
  total: number;
  message: string;
  result: { merged: number; needs_review: number; conflicts: number; mean_agreement: number | null } | null;
}

const enc = encodeURIComponent;

export const qualityApi = {
  agreement: (projectId: string, iouThreshold?: number) =>
    request<AgreementReport>('GET', `/projects/${enc(projectId)}/quality/agreement`, undefined, { iou_threshold: iouThreshold }),
  consensus: (projectId: string, body: { iou_threshold?: number; weighting?: 'equal' | 'gold' }) =>
    request<QualityOperation>('POST', `/projects/${enc(projectId)}/quality/consensus`, body),
  operation: (id: string) => request<QualityOperation>('GET', `/operations/${enc(id)}`),
};

/** A figure with three decimals, or "n/a" when the server could not compute it. */
export function fmt(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : v.toFixed(digits);
}

/** A share as a percentage, or "n/a". */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : `${Math.round(v * 100)} %`;
}

export type Level = 'good' | 'fair' | 'poor' | 'none';

/** A coarse reading of an agreement figure (κ, α, IoU or accuracy): ≥ 0.8 good, ≥ 0.6 fair, else poor. */
export function level(v: number | null | undefined): Level {
  if (v === null || v === undefined || !Number.isFinite(v)) return 'none';
  return v >= 0.8 ? 'good' : v >= 0.6 ? 'fair' : 'poor';
}

/** Annotators, least agreement with the consensus first (so who needs help is on top); unknown figures last. */
export function rankAnnotators(rows: AnnotatorAgreement[]): AnnotatorAgreement[] {
  const key = (a: AnnotatorAgreement) => a.consensus_agreement ?? Number.POSITIVE_INFINITY;
  return [...rows].sort((a, b) => key(a) - key(b) || a.username.localeCompare(b.username));
}

/** A pair's display name with the usernames the report gives for its annotators. */
export function pairName(pair: PairAgreement, annotators: AnnotatorAgreement[]): string {
  const name = (id: string) => annotators.find((a) => a.user_id === id)?.username ?? id;
  return `${name(pair.user_a)} – ${name(pair.user_b)}`;
}

/** Where a disputed image opens: the annotation workspace of the project. */
export function workspaceHref(projectId: string, imageId: string): string {
  return `/projects/${enc(projectId)}/images/${enc(imageId)}`;
}

/** Whether an operation has finished (whatever its outcome). */
export function finished(op: QualityOperation): boolean {
  return op.state === 'succeeded' || op.state === 'failed' || op.state === 'cancelled';
}
