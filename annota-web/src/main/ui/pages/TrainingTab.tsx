// Training: start a run on the project's accepted tags (mode, backbone, epochs, seed), watch it live through the
// operation's server-sent events (epoch, loss, accuracy, a small learning-curve plot), cancel it, and compare runs.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from '../api/client';
import type { Project } from '../api/types';
import { ErrorBox, Progress } from '../app/ui';
import {
  compareRows, currentEpoch, curvePoints, epochsOf, maxOf, trainingBody,
  type TrainingForm, type TrainingOperation,
} from '../lib/training';

const W = 480;
const H = 180;

export function TrainingTab({ project }: { project: Project }) {
  const [form, setForm] = useState<TrainingForm>({ mode: 'cnn', backbone: '', epochs: '', seed: '1' });
  const [formError, setFormError] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [runs, setRuns] = useState<TrainingOperation[]>([]);
  const [live, setLive] = useState<TrainingOperation | null>(null);
  const base = `/projects/${encodeURIComponent(project.id)}/trainings`;

  const reload = useCallback(() => request<{ trainings: TrainingOperation[] }>('GET', base).then((r) => setRuns(r.trainings), setError), [base]);
  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!live || ['succeeded', 'failed', 'cancelled'].includes(live.state)) return;
    const source = new EventSource(live.events_url);
    const update = (e: MessageEvent) => {
      const op = JSON.parse(e.data as string) as TrainingOperation;
      setLive((prev) => (prev && op.result === null && prev.result ? { ...op, result: prev.result } : op));
      if (['succeeded', 'failed', 'cancelled'].includes(op.state)) {
        source.close();
        void reload();
      }
    };
    source.addEventListener('state', update);
    source.addEventListener('progress', update);
    return () => source.close();
  }, [live?.id, live?.state === 'queued' || live?.state === 'running']);

  const start = async (e: Event) => {
    e.preventDefault();
    const r = trainingBody(form);
    if ('field' in r) {
      setFormError(r.message);
      return;
    }
    setFormError('');
    setError(null);
    try {
      setLive(await request<TrainingOperation>('POST', base, r.body));
    } catch (err) {
      setError(err);
    }
  };
  const cancel = () => live && request<TrainingOperation>('POST', `/operations/${encodeURIComponent(live.id)}/cancel`).catch(setError);

  const epochs = live ? epochsOf(live) : [];
  const losses = epochs.map((x) => x.loss);
  const accs = epochs.map((x) => x.val_accuracy);
  const top = maxOf(losses, 0.1);
  const rows = compareRows(runs);
  return (
    <div class="training">
      <form class="training-form" onSubmit={start} aria-label="Start a training">
        <label>Mode{' '}
          <select name="mode" value={form.mode} onChange={(e) => setForm({ ...form, mode: (e.target as HTMLSelectElement).value as 'head' | 'cnn' })}>
            <option value="cnn">cnn (trained end to end)</option>
            <option value="head">head (on a registered backbone)</option>
          </select>
        </label>
        {form.mode === 'head' && (
          <label>Backbone{' '}
            <input name="backbone" placeholder="registered model id or name" value={form.backbone}
              onInput={(e) => setForm({ ...form, backbone: (e.target as HTMLInputElement).value })} />
          </label>
        )}
        <label>Epochs{' '}
          <input name="epochs" inputMode="numeric" placeholder="default" value={form.epochs} size={6}
            onInput={(e) => setForm({ ...form, epochs: (e.target as HTMLInputElement).value })} />
        </label>
        <label>Seed{' '}
          <input name="seed" inputMode="numeric" value={form.seed} size={6}
            onInput={(e) => setForm({ ...form, seed: (e.target as HTMLInputElement).value })} />
        </label>
        <button type="submit" disabled={live?.state === 'running' || live?.state === 'queued'}>Train</button>
        {formError && <p role="alert" class="error">{formError}</p>}
      </form>
      {error !== null && <ErrorBox error={error} />}
      {live && (
        <section class="training-live" aria-label="Current training">
          <h2>Training {live.state}</h2>
          <p data-testid="training-status">
            {live.state === 'running' && (currentEpoch(live.phase) ? `epoch ${currentEpoch(live.phase)} · ` : `${live.phase} · `)}
            {epochs.length > 0 && `last epoch ${epochs[epochs.length - 1].epoch}: loss ${fmt(losses[losses.length - 1])}, validation accuracy ${fmt(accs[accs.length - 1])}`}
          </p>
          {live.total > 0 && live.state === 'running' && <Progress label="Batches of this epoch" value={live.done} max={live.total} />}
          {(live.state === 'running' || live.state === 'queued') && <button type="button" onClick={cancel}>Cancel</button>}
          {live.state !== 'running' && live.message && <p>{live.message}</p>}
          {epochs.length > 0 && (
            <figure class="curve-figure">
              <svg width={W} height={H} role="img" aria-label="Learning curves: training loss (solid), validation accuracy (dashed)" class="curve">
                <rect x="0" y="0" width={W} height={H} fill="none" stroke="#ccc" />
                <polyline fill="none" stroke="#c33" stroke-width="2" points={curvePoints(losses, W, H, 0, top)} />
                <polyline fill="none" stroke="#36c" stroke-width="2" stroke-dasharray="4 3" points={curvePoints(accs, W, H, 0, 1)} />
              </svg>
              <figcaption>
                <span class="key loss">training loss (0 – {fmt(top)})</span>
                <span class="key acc">validation accuracy (0 – 1)</span>
                <span>epochs 1 – {epochs.length}</span>
              </figcaption>
            </figure>
          )}
        </section>
      )}
      <h2>Runs</h2>
      {rows.length === 0 ? <p>No training yet.</p> : (
        <table class="table runs" aria-label="Training runs">
          <thead><tr><th>started</th><th>state</th><th>mode</th><th>epochs</th><th>val. accuracy</th><th>val. macro F1</th><th>test accuracy</th><th>model</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}><td>{r.started}</td><td>{r.state}</td><td>{r.mode}</td><td>{r.epochs}</td><td>{r.valAccuracy}</td>
                <td>{r.valMacroF1}</td><td>{r.testAccuracy}</td><td>{r.model}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function fmt(v: number | null | undefined): string {
  return v === null || v === undefined ? 'n/a' : v.toFixed(3);
}
