// The training page's logic, free of the DOM (unit-tested): the request body from the form, the epochs an
// operation reports (in `result.epochs` while it runs and once it is done), learning-curve points, and the rows of
// the run comparison table.

export interface EpochReport {
  epoch: number;
  loss: number | null;
  val_loss: number | null;
  val_accuracy: number | null;
  val_macro_f1: number | null;
  lr?: number;
  seconds?: number;
}

export interface TrainingOperation {
  id: string;
  state: string;
  phase: string;
  done: number;
  total: number;
  message: string;
  request: { mode?: string; backbone?: string; epochs?: number; seed?: number } | null;
  result: {
    epochs?: EpochReport[];
    epochs_planned?: number;
    model_id?: string;
    model_name?: string;
    model_version?: string;
    validation?: Record<string, number | null>;
    test?: Record<string, number | null>;
  } | null;
  created_at: string;
  events_url: string;
}

export interface TrainingForm {
  mode: 'head' | 'cnn';
  backbone: string;
  epochs: string;
  seed: string;
}

export interface TrainingBody {
  mode: 'head' | 'cnn';
  backbone?: string;
  epochs?: number;
  seed?: number;
}

/** The POST body, or the first problem with the form (a field and a message). */
export function trainingBody(f: TrainingForm): { body: TrainingBody } | { field: keyof TrainingForm; message: string } {
  const body: TrainingBody = { mode: f.mode };
  if (f.mode === 'head') {
    if (!f.backbone.trim()) return { field: 'backbone', message: 'Head mode needs a backbone: a registered model.' };
    body.backbone = f.backbone.trim();
  }
  if (f.epochs.trim()) {
    const n = Number(f.epochs);
    if (!Number.isInteger(n) || n < 1 || n > 1000) return { field: 'epochs', message: 'Epochs: a whole number from 1 to 1000.' };
    body.epochs = n;
  }
  if (f.seed.trim()) {
    const s = Number(f.seed);
    if (!Number.isInteger(s)) return { field: 'seed', message: 'Seed: a whole number.' };
    body.seed = s;
  }
  return { body };
}

/** The finished epochs an operation reports so far (none before the first). */
export function epochsOf(op: Pick<TrainingOperation, 'result'>): EpochReport[] {
  return op.result?.epochs ?? [];
}

/** The epoch being trained now, e.g. `3/10`, from a phase `epoch 3/10`; empty when not training an epoch. */
export function currentEpoch(phase: string): string {
  const m = /^epoch (\d+\/\d+)$/.exec(phase);
  return m ? m[1] : '';
}

/**
 * SVG polyline points for one series over the epochs, in a `width`×`height` box: x by epoch, y scaled from `min`
 * to `max` (top = max); missing values are skipped.
 */
export function curvePoints(values: (number | null)[], width: number, height: number, min: number, max: number): string {
  const n = values.length;
  const span = max - min || 1;
  const pts: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const x = n === 1 ? width / 2 : (i / (n - 1)) * width;
    const y = height - ((v - min) / span) * height;
    pts.push(`${round(x)},${round(y)}`);
  });
  return pts.join(' ');
}

/** The largest finite value (for the loss axis), at least `floor`. */
export function maxOf(values: (number | null)[], floor: number): number {
  return values.reduce<number>((m, v) => (v !== null && Number.isFinite(v) && v > m ? v : m), floor);
}

export interface RunRow {
  id: string;
  started: string;
  state: string;
  mode: string;
  epochs: number;
  valAccuracy: string;
  valMacroF1: string;
  testAccuracy: string;
  model: string;
}

/** One comparison row per training, newest first as given. */
export function compareRows(ops: TrainingOperation[]): RunRow[] {
  return ops.map((op) => ({
    id: op.id,
    started: op.created_at.replace('T', ' ').slice(0, 16),
    state: op.state,
    mode: op.request?.mode ?? '',
    epochs: epochsOf(op).length,
    valAccuracy: pct(op.result?.validation?.accuracy ?? op.result?.validation?.subset_accuracy),
    valMacroF1: pct(op.result?.validation?.macro_f1),
    testAccuracy: pct(op.result?.test?.accuracy ?? op.result?.test?.subset_accuracy),
    model: op.result?.model_name ? `${op.result.model_name} ${op.result.model_version ?? ''}`.trim() : '',
  }));
}

function pct(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(1)} %`;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
