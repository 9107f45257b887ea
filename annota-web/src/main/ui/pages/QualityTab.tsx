// The quality page of a project: agreement of the annotators on overlapping images (per class and per
// annotator), accuracy on gold images, the disputed images (each opens in the workspace), and a button that runs
// the consensus (managers). Annotators see only their own row (the server restricts the report).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Project } from '../api/types';
import { ErrorBox, Link, Progress, Spinner } from '../app/ui';
import {
  fmt, finished, level, pairName, percent, qualityApi, rankAnnotators, workspaceHref, type AgreementReport, type QualityOperation,
} from '../lib/quality';

function Figure(props: { label: string; value: number | null; text?: string }) {
  return (
    <div class={`figure level-${level(props.value)}`}>
      <dt>{props.label}</dt>
      <dd>{props.text ?? fmt(props.value)}</dd>
    </div>
  );
}

export function QualityTab({ project }: { project: Project }) {
  const [report, setReport] = useState<AgreementReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [op, setOp] = useState<QualityOperation | null>(null);
  const load = useCallback(() => qualityApi.agreement(project.id).then(setReport, setError), [project.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const runConsensus = async () => {
    setError(null);
    try {
      let current = await qualityApi.consensus(project.id, { weighting: 'equal' });
      setOp(current);
      while (!finished(current)) {
        await new Promise((r) => setTimeout(r, 500));
        current = await qualityApi.operation(current.id);
        setOp(current);
      }
      await load();
    } catch (e) {
      setError(e);
    }
  };

  if (!report) return error ? <ErrorBox error={error} /> : <Spinner />;
  const p = report.project;
  return (
    <div class="quality">
      {error !== null && <ErrorBox error={error} />}
      {p.images === 0 && p.gold_images === 0 && (
        <p class="muted">No image has been finished by several annotators yet: give images an overlap of 2 or more in the
          workflow, or mark gold images, to measure agreement.</p>
      )}
      <h2>Project</h2>
      <dl class="figures" aria-label="Project agreement">
        <Figure label="Images with overlap" value={null} text={String(p.images)} />
        <Figure label="Fleiss' κ (tags)" value={p.fleiss_kappa} />
        <Figure label="Krippendorff's α (tags)" value={p.krippendorff_alpha} />
        <Figure label="Mean IoU" value={p.mean_iou} />
        <Figure label="Consensus agreement" value={p.consensus_agreement} />
        <Figure label="Gold accuracy" value={p.gold_accuracy} text={`${percent(p.gold_accuracy)} (${p.gold_images} images)`} />
      </dl>

      <h2>Per class</h2>
      <table class="table" aria-label="Agreement per class">
        <thead><tr><th scope="col">Class</th><th scope="col">Tag α</th><th scope="col">Objects</th><th scope="col">Mean IoU</th><th scope="col">Consensus</th></tr></thead>
        <tbody>
          {report.classes.map((c) => (
            <tr key={c.label}>
              <td>{c.name}</td>
              <td class={`level-${level(c.tag_alpha)}`}>{fmt(c.tag_alpha)}</td>
              <td>{c.objects}</td>
              <td class={`level-${level(c.mean_iou)}`}>{fmt(c.mean_iou)}</td>
              <td class={`level-${level(c.consensus_agreement)}`}>{fmt(c.consensus_agreement)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{report.restricted ? 'Your scores' : 'Per annotator'}</h2>
      <table class="table" aria-label="Agreement per annotator">
        <thead><tr><th scope="col">Annotator</th><th scope="col">Images</th><th scope="col">With consensus</th><th scope="col">Mean IoU</th><th scope="col">Cohen's κ</th><th scope="col">Gold accuracy</th></tr></thead>
        <tbody>
          {rankAnnotators(report.annotators).map((a) => (
            <tr key={a.user_id}>
              <td>{a.username}</td>
              <td>{a.images}</td>
              <td class={`level-${level(a.consensus_agreement)}`}>{fmt(a.consensus_agreement)}</td>
              <td class={`level-${level(a.mean_iou)}`}>{fmt(a.mean_iou)}</td>
              <td class={`level-${level(a.mean_cohen_kappa)}`}>{fmt(a.mean_cohen_kappa)}</td>
              <td class={`level-${level(a.gold_accuracy)}`}>{a.gold_images ? `${percent(a.gold_accuracy)} of ${a.gold_images}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {!report.restricted && report.pairs.length > 0 && (
        <details>
          <summary>Pairs of annotators ({report.pairs.length})</summary>
          <table class="table" aria-label="Agreement per pair">
            <thead><tr><th scope="col">Pair</th><th scope="col">Images</th><th scope="col">Cohen's κ</th><th scope="col">Mean IoU</th></tr></thead>
            <tbody>
              {report.pairs.map((pair) => (
                <tr key={`${pair.user_a}-${pair.user_b}`}>
                  <td>{pairName(pair, report.annotators)}</td>
                  <td>{pair.images}</td>
                  <td>{fmt(pair.cohen_kappa)}</td>
                  <td>{fmt(pair.mean_iou)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}

      {!report.restricted && (
        <>
          <h2>Disagreements</h2>
          <p>
            <button type="button" class="button" onClick={() => void runConsensus()} disabled={op !== null && !finished(op)}>
              Run consensus
            </button>{' '}
            <span class="muted">merges each overlapping image's answers into its annotations; disputed images go to review.</span>
          </p>
          {op && !finished(op) && <Progress label="Consensus" value={op.done} max={Math.max(op.total, 1)} />}
          {op && op.result && (
            <p role="status">Consensus: {op.result.merged} images merged, {op.result.needs_review} sent to review.</p>
          )}
          {report.disagreements.length === 0 ? (
            <p class="muted">The annotators agree on every image.</p>
          ) : (
            <table class="table" aria-label="Disputed images">
              <thead><tr><th scope="col">Image</th><th scope="col">Annotators</th><th scope="col">Agreement</th><th scope="col">Disputed items</th></tr></thead>
              <tbody>
                {report.disagreements.map((d) => (
                  <tr key={d.image_id}>
                    <td><Link href={workspaceHref(project.id, d.image_id)}>{d.file_name}</Link></td>
                    <td>{d.annotators}</td>
                    <td class={`level-${level(d.agreement)}`}>{fmt(d.agreement)}</td>
                    <td>{d.disputed_items}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
