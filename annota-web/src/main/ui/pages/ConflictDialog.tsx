// A save met a newer version on the server. Both versions are shown (counts per class, and either can be
// previewed on the canvas); the user keeps theirs (saved over the server's) or takes the server's.
import type { Annotation, AnnotationSet, LabelSchema } from '../api/types';
import { useEffect, useRef } from 'preact/hooks';

function counts(list: readonly Annotation[], schema: LabelSchema): string[] {
  const names = new Map(schema.classes.map((c) => [c.id, c.name]));
  const m = new Map<string, number>();
  for (const a of list) {
    const k = `${names.get(a.label) ?? `class ${a.label}`} ${a.kind.replace('_', ' ')}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.entries()].sort().map(([k, n]) => `${n} × ${k}`);
}

export function ConflictDialog(props: {
  mine: readonly Annotation[];
  theirs: AnnotationSet;
  schema: LabelSchema;
  preview: 'mine' | 'theirs';
  nameOf: (userId: string) => string;
  onPreview: (which: 'mine' | 'theirs') => void;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const who = props.theirs.updated_by ? ` by ${props.nameOf(props.theirs.updated_by)}` : '';
  const when = props.theirs.updated_at ? ` at ${new Date(props.theirs.updated_at).toLocaleString()}` : '';
  const first = useRef<HTMLHeadingElement>(null);
  useEffect(() => first.current?.focus(), []);
  // not modal: the user must be able to look at the image while comparing
  return (
    <section class="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-desc">
      <h2 id="conflict-title" tabIndex={-1} ref={first}>This image was changed elsewhere</h2>
      <p id="conflict-desc">
        Someone saved version {props.theirs.version}{who}{when} while you were editing. Nothing has been overwritten:
        choose which version to keep.
      </p>
      <div class="compare">
        <section aria-labelledby="mine-title">
          <h3 id="mine-title">Your version ({props.mine.length} objects)</h3>
          <ul>{counts(props.mine, props.schema).map((c) => <li key={c}>{c}</li>)}</ul>
          <button type="button" aria-pressed={props.preview === 'mine'} onClick={() => props.onPreview('mine')}>Show yours on the image</button>
        </section>
        <section aria-labelledby="theirs-title">
          <h3 id="theirs-title">Server version {props.theirs.version} ({props.theirs.annotations.length} objects)</h3>
          <ul>{counts(props.theirs.annotations, props.schema).map((c) => <li key={c}>{c}</li>)}</ul>
          <button type="button" aria-pressed={props.preview === 'theirs'} onClick={() => props.onPreview('theirs')}>Show theirs on the image</button>
        </section>
      </div>
      <div class="row end">
        <button type="button" onClick={props.onTakeTheirs}>Use the server's version</button>
        <button type="button" class="primary" onClick={props.onKeepMine}>Keep my version</button>
      </div>
    </section>
  );
}
