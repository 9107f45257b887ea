// Upload many images: chosen or dropped files are sent in batches (one multipart request each) with a progress
// bar over all bytes, and every file's fate is listed: added, merged duplicate, flagged near-duplicate, refused.
import { useState } from 'preact/hooks';
import { ApiError, uploadImages } from '../api/client';
import type { ImportReport, Project } from '../api/types';
import { ErrorBox, Link, Progress } from '../app/ui';
import { batches } from '../lib/batches';

export function UploadTab({ project }: { project: Project }) {
  const [files, setFiles] = useState<File[]>([]);
  const [split, setSplit] = useState('');
  const [sent, setSent] = useState(0);
  const [busy, setBusy] = useState(false);
  const [reports, setReports] = useState<ImportReport[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const total = files.reduce((s, f) => s + f.size, 0);

  const upload = async () => {
    setBusy(true);
    setError(null);
    setReports([]);
    setSent(0);
    let done = 0;
    try {
      for (const batch of batches(files, 25, 64 * 1024 * 1024)) {
        const bytes = batch.reduce((s, f) => s + f.size, 0);
        try {
          const r = await uploadImages(project.id, batch, split || undefined, (n, t) => setSent(done + (n / (t || 1)) * bytes));
          setReports((prev) => [...prev, r]);
        } catch (err) {
          // a batch whose every file was refused is a 400 listing them; keep going with the next batch
          if (err instanceof ApiError && err.status === 400) setReports((prev) => [...prev, refused(err)]);
          else throw err;
        }
        done += bytes;
        setSent(done);
      }
      setFiles([]);
      setInputKey((k) => k + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const added = reports.flatMap((r) => r.added);
  const dups = reports.flatMap((r) => r.duplicates);
  const near = reports.flatMap((r) => r.near_duplicates);
  const problems = reports.flatMap((r) => r.problems);
  return (
    <div class="upload">
      <div class={dragging ? 'dropzone over' : 'dropzone'}
           onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
           onDragLeave={() => setDragging(false)}
           onDrop={(e) => {
             e.preventDefault();
             setDragging(false);
             setFiles([...files, ...Array.from(e.dataTransfer?.files ?? [])]);
           }}>
        <label>
          Choose images (or drop them here)
          <input key={inputKey} type="file" name="files" multiple accept="image/*"
                 onChange={(e) => setFiles([...files, ...Array.from(e.currentTarget.files ?? [])])} />
        </label>
        <p class="muted">{files.length} file{files.length === 1 ? '' : 's'} chosen, {(total / 1048576).toFixed(1)} MB</p>
      </div>
      <label>
        Split (optional)
        <input name="split" list="upload-splits" value={split} onInput={(e) => setSplit(e.currentTarget.value.trim())} />
        <datalist id="upload-splits"><option value="train" /><option value="val" /><option value="test" /></datalist>
      </label>
      <button type="button" class="primary" disabled={busy || files.length === 0} onClick={upload}>
        {busy ? 'Uploading…' : `Upload ${files.length} file${files.length === 1 ? '' : 's'}`}
      </button>
      {(busy || sent > 0) && <Progress label="Upload" value={sent} max={busy ? total : Math.max(sent, 1)} />}
      <ErrorBox error={error} />
      {reports.length > 0 && (
        <section class="report" aria-live="polite">
          <h2>Upload report</h2>
          <p role="status" data-testid="upload-summary">
            {added.length} added, {dups.length} duplicate{dups.length === 1 ? '' : 's'} merged, {near.length} flagged as
            near-duplicate{near.length === 1 ? '' : 's'}, {problems.length} refused.
          </p>
          {problems.length > 0 && (
            <ul class="problems">{problems.map((p, i) => <li key={i}>{p.location}: {p.message ?? p.expected}</li>)}</ul>
          )}
          <Link href={`/projects/${encodeURIComponent(project.id)}`}>See the images</Link>
        </section>
      )}
    </div>
  );
}

function refused(err: ApiError): ImportReport {
  return { import_id: '', added: [], duplicates: [], near_duplicates: [], problems: err.problem.errors ?? [{ message: err.message }] };
}
