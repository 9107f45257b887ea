// Reviewing one job: the image with the job's annotations (read-only), the comments so far, and accept or
// reject with a comment (a rejected job returns to its annotator with the comment).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AnnotationSet, Comment, ImageInfo, Job, LabelSchema } from '../api/types';
import { CanvasView } from '../canvas/CanvasView';
import { navigate } from '../app/router';
import { ErrorBox, Link, Spinner } from '../app/ui';
import { colourLookup } from '../editor/classes';

export function ReviewJobPage({ projectId, jobId }: { projectId: string; jobId: string }) {
  const [job, setJob] = useState<Job | null>(null);
  const [image, setImage] = useState<ImageInfo | null>(null);
  const [set, setSet] = useState<AnnotationSet | null>(null);
  const [schema, setSchema] = useState<LabelSchema>({ classes: [] });
  const [comments, setComments] = useState<Comment[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    (async () => {
      const j = await api.job(jobId);
      setJob(j);
      const [img, s, sc, cs] = await Promise.all([api.image(j.image_id), api.jobAnnotations(jobId), api.schema(projectId), api.comments(jobId)]);
      setImage(img);
      setSet(s);
      setSchema(sc.schema);
      setComments(cs);
    })().catch(setError);
  }, [jobId]);
  const colourOf = useMemo(() => colourLookup(schema), [schema]);
  const decide = async (accept: boolean) => {
    setBusy(true);
    setError(null);
    try {
      if (accept) await api.acceptJob(jobId, text.trim() || undefined);
      else await api.rejectJob(jobId, text.trim());
      navigate(`/projects/${encodeURIComponent(projectId)}/review`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!job || !image || !set) return <section class="page">{error ? <ErrorBox error={error} /> : <Spinner />}</section>;
  const names = new Map(schema.classes.map((c) => [c.id, c.name]));
  return (
    <section class="workspace">
      <div class="ws-main">
        <div class="ws-toolbar">
          <Link href={`/projects/${encodeURIComponent(projectId)}/review`}>← Review queue</Link>
          <h1 class="ws-title">Review: {image.file_name}</h1>
          <span class="muted">job {job.state.replace('_', ' ')}</span>
        </div>
        <CanvasView src={image.original_url} imageWidth={image.width} imageHeight={image.height} annotations={set.annotations}
                    colourOf={colourOf} selected={-1} tool="select" readOnly
                    label={`${image.file_name} with ${set.annotations.length} annotations to review`} />
      </div>
      <aside class="ws-side" aria-label="Review">
        <h2>Annotations ({set.annotations.length})</h2>
        <ul class="objects plain">
          {set.annotations.map((a, i) => (
            <li key={i}><span class="swatch" style={{ background: colourOf(a.label) }} />{names.get(a.label) ?? `class ${a.label}`} · {a.kind}</li>
          ))}
        </ul>
        <h2>Comments</h2>
        {comments.length === 0 && <p class="muted">No comments yet.</p>}
        <ul class="comments">{comments.map((c) => <li key={c.id}><strong>{c.kind}</strong> {c.text}</li>)}</ul>
        <label>
          Comment (required to reject)
          <textarea name="review-comment" rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error} />
        <div class="row">
          <button type="button" class="primary" disabled={busy || job.state !== 'submitted'} onClick={() => decide(true)}>Accept</button>
          <button type="button" class="danger" disabled={busy || job.state !== 'submitted' || !text.trim()} onClick={() => decide(false)}>Reject</button>
        </div>
      </aside>
    </section>
  );
}
