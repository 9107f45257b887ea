// The active-learning queue: the next unlabelled images to label by a chosen strategy (uncertainty of the stored
// suggestions, k-center diversity on embeddings, or both).
import { useState } from 'preact/hooks';
import { API, request } from '../api/client';
import type { Project } from '../api/types';
import { ErrorBox, Link, Spinner } from '../app/ui';

export const STRATEGIES = ['entropy', 'least-confidence', 'margin', 'kcenter', 'entropy-kcenter', 'random'] as const;
export interface NextImages { strategy: string; model: string; candidates: number; images: { image_id: string; score: number }[] }

export function NextToLabelPanel({ project }: { project: Project }) {
  const [strategy, setStrategy] = useState<string>('entropy');
  const [n, setN] = useState(20);
  const [next, setNext] = useState<NextImages | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const load = () => {
    setBusy(true);
    setError(null);
    request<NextImages>('GET', `/projects/${encodeURIComponent(project.id)}/quality/next`, undefined, { strategy, n })
      .then(setNext, setError).finally(() => setBusy(false));
  };
  return (
    <section class="panel" aria-label="Next to label">
      <h2>Next to label</h2>
      <label>Strategy <select value={strategy} onChange={(e) => setStrategy((e.target as HTMLSelectElement).value)}>
        {STRATEGIES.map((s) => <option key={s} value={s}>{s}</option>)}
      </select></label>{' '}
      <label>Images <input type="number" min={1} max={1000} value={n}
                           onInput={(e) => setN(Number((e.target as HTMLInputElement).value))} /></label>{' '}
      <button type="button" onClick={load} disabled={busy}>Show queue</button>
      {busy && <Spinner />}
      {error !== null && <ErrorBox error={error} />}
      {next && (
        <ol class="queue" aria-label={`Next images by ${next.strategy}`}>
          {next.images.length === 0 && <li class="muted">No unlabelled image can be ranked by {next.strategy} yet.</li>}
          {next.images.map((i) => (
            <li key={i.image_id}>
              <Link href={`/projects/${encodeURIComponent(project.id)}/images/${encodeURIComponent(i.image_id)}`}
                    aria-label={`Label image ${i.image_id}`}>
                <img src={`${API}/images/${encodeURIComponent(i.image_id)}/thumbnail`} alt="" width={64} height={48} />
              </Link> <span class="muted">{i.score.toFixed(3)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
