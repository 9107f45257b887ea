// Likely label errors (confident learning on k-fold out-of-fold probabilities of a head on the stored embeddings):
// a review list, most suspicious first, each with the given and the suggested class and a link to the image.
import { useState } from 'preact/hooks';
import { API, request } from '../api/client';
import type { Project } from '../api/types';
import { ErrorBox, Link, Spinner } from '../app/ui';

export interface LabelSuspect { image: string; given: string; suggested: string; score: number }
export interface LabelErrorReport {
  method: string; folds: number; labels: string[]; estimated_error_rate: number; suspects: LabelSuspect[];
}

export function LabelErrorsPanel({ project }: { project: Project }) {
  const [folds, setFolds] = useState(5);
  const [report, setReport] = useState<LabelErrorReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const find = () => {
    setBusy(true);
    setError(null);
    request<LabelErrorReport>('GET', `/projects/${encodeURIComponent(project.id)}/quality/label-errors`, undefined, { folds })
      .then(setReport, setError).finally(() => setBusy(false));
  };
  return (
    <section class="panel" aria-label="Likely label errors">
      <h2>Likely label errors</h2>
      <p class="muted">Cross-validates a classifier on the images' embeddings and lists the images whose class it doubts.</p>
      <label>Folds <input type="number" min={2} max={20} value={folds}
                          onInput={(e) => setFolds(Number((e.target as HTMLInputElement).value))} /></label>{' '}
      <button type="button" onClick={find} disabled={busy}>Find label errors</button>
      {busy && <Spinner label="Cross-validating…" />}
      {error !== null && <ErrorBox error={error} />}
      {report && (
        <table class="table">
          <caption>{report.suspects.length} suspect{report.suspects.length === 1 ? '' : 's'} ({report.method}, {report.folds} folds;
            estimated error rate {(report.estimated_error_rate * 100).toFixed(1)} %)</caption>
          <thead><tr><th scope="col">Image</th><th scope="col">Given</th><th scope="col">Suggested</th><th scope="col">Score</th></tr></thead>
          <tbody>
            {report.suspects.map((s) => (
              <tr key={s.image}>
                <td><Link href={`/projects/${encodeURIComponent(project.id)}/images/${encodeURIComponent(s.image)}`}
                          aria-label={`Open image ${s.image}`}>
                  <img src={`${API}/images/${encodeURIComponent(s.image)}/thumbnail`} alt="" width={64} height={48} /></Link></td>
                <td>{s.given}</td>
                <td>{s.suggested}</td>
                <td>{s.score.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
