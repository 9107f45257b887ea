// The annotation guidelines in Markdown, edited beside a live preview.
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Project } from '../api/types';
import { ErrorBox } from '../app/ui';
import { renderMarkdown } from '../lib/markdown';

export function GuidelinesEditor(props: { project: Project; onChanged: (p: Project) => void }) {
  const [text, setText] = useState(props.project.guidelines ?? '');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const html = useMemo(() => renderMarkdown(text), [text]);
  const dirty = text !== (props.project.guidelines ?? '');
  const save = async () => {
    setError(null);
    try {
      const p = await api.patchProject(props.project.id, { guidelines: text });
      props.onChanged(p);
      setStatus('Guidelines saved.');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="panel" aria-labelledby="guidelines-title">
      <h2 id="guidelines-title">Guidelines</h2>
      <div class="split">
        <label>
          Guidelines (Markdown)
          <textarea name="guidelines" rows={12} value={text} onInput={(e) => { setText(e.currentTarget.value); setStatus(''); }} />
        </label>
        <div>
          <span class="label" id="preview-title">Preview</span>
          {/* renderMarkdown escapes all text and allows only safe links */}
          <div class="markdown" aria-labelledby="preview-title" dangerouslySetInnerHTML={{ __html: html }} />
        </div>
      </div>
      <ErrorBox error={error} />
      <div class="row">
        <button type="button" class="primary" disabled={!dirty} onClick={save}>Save guidelines</button>
        <span role="status">{status}</span>
      </div>
    </section>
  );
}
