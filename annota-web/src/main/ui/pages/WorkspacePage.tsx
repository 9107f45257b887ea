// The annotation workspace (first round): the image on a canvas with its annotation set, the select and box
// tools, undo/redo, and autosave through the outbox — a change is queued locally at once and sent within a
// second; offline it waits (and survives a reload); a conflict is shown with both versions.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Annotation, AnnotationSet, ImageInfo, Job, LabelSchema, User } from '../api/types';
import { CanvasView, type Tool, type ViewController } from '../canvas/CanvasView';
import { AnnotationDocument } from '../editor/document';
import { classesFor, classForKey, colourLookup } from '../editor/classes';
import { Debounced } from '../editor/debounce';
import { newBox } from '../editor/boxTool';
import { translate } from '../editor/transform';
import { currentOutbox } from '../sync/session';
import type { OutboxEntry } from '../sync/outbox';
import { ErrorBox, Link, Spinner } from '../app/ui';
import { ConflictDialog } from './ConflictDialog';
import { ShortcutHelp, WORKSPACE_SHORTCUTS } from './ShortcutHelp';

type SaveState =
  | { kind: 'saved'; version: number }
  | { kind: 'saving' }
  | { kind: 'waiting'; error?: string }
  | { kind: 'conflict'; entry: OutboxEntry }
  | { kind: 'rejected'; error: string };

/** Autosave delay: a change reaches the outbox within this, and is sent right after. */
const SAVE_DELAY_MS = 400;

export function WorkspacePage(props: { user: User; projectId: string; imageId: string }) {
  const outbox = currentOutbox()!;
  const [image, setImage] = useState<ImageInfo | null>(null);
  const [schema, setSchema] = useState<LabelSchema>({ classes: [] });
  const [error, setError] = useState<unknown>(null);
  const [, setRevision] = useState(0);
  const [selected, setSelected] = useState(-1);
  const [tool, setTool] = useState<Tool>('box');
  const [classId, setClassId] = useState<number | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'saved', version: 0 });
  const [preview, setPreview] = useState<'mine' | 'theirs'>('mine');
  const [help, setHelp] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  const doc = useRef(new AnnotationDocument());
  const serverVersion = useRef(0);
  const view = useRef<ViewController>();
  const debounce = useRef(new Debounced(() => {
    void outbox.enqueue(props.imageId, serverVersion.current, doc.current.annotations);
  }, SAVE_DELAY_MS));

  // load the image, schema and set; a set still waiting in the outbox wins over the server's (it is newer)
  useEffect(() => {
    (async () => {
      const [img, sc, set, pending] = await Promise.all([
        api.image(props.imageId), api.schema(props.projectId), api.annotations(props.imageId), outbox.entry(props.imageId),
      ]);
      setImage(img);
      setSchema(sc.schema);
      serverVersion.current = set.version;
      if (pending) {
        doc.current.reset(pending.annotations);
        setSave(stateOf(pending));
        // it may have been sent before this page listened: ask again once the outbox has tried
        void outbox.flush().then(async () => {
          if (await outbox.entry(props.imageId)) return;
          const now = await api.annotations(props.imageId);
          serverVersion.current = now.version;
          if (!debounce.current.waiting) setSave({ kind: 'saved', version: now.version });
        });
      } else {
        doc.current.reset(set.annotations);
        setSave({ kind: 'saved', version: set.version });
      }
      const boxes = classesFor(sc.schema, 'box');
      setClassId(boxes[0]?.id ?? null);
      api.members(props.projectId).then((ms) => setPeople(new Map(ms.map((m) => [m.user_id, m.username]))), () => undefined);
      const jobs = await api.jobs(props.projectId, { image: props.imageId, assignee: 'me' }).catch(() => null);
      setJob(jobs?.items.find((j) => j.state === 'in_progress' || j.state === 'rejected' || j.state === 'new') ?? jobs?.items[0] ?? null);
    })().catch(setError);
  }, [props.imageId]);

  useEffect(() => {
    const offDoc = doc.current.onChange(() => setRevision((r) => r + 1));
    const offBox = outbox.subscribe((e) => {
      if ('imageId' in e && e.imageId !== props.imageId) return;
      if ('entry' in e && e.entry.imageId !== props.imageId) return;
      switch (e.type) {
        case 'queued':
          setSave(e.entry.state === 'conflict' ? stateOf(e.entry) : { kind: 'saving' });
          break;
        case 'sending':
          setSave({ kind: 'saving' });
          break;
        case 'saved':
          serverVersion.current = e.set.version;
          if (!e.stillPending && !debounce.current.waiting) setSave({ kind: 'saved', version: e.set.version });
          break;
        case 'retrying':
          setSave({ kind: 'waiting', error: e.entry.error });
          break;
        case 'conflict':
        case 'rejected':
          setSave(stateOf(e.entry));
          setPreview('mine');
          break;
        case 'resolved':
          break;
      }
    });
    // a change made just before a reload or tab close still reaches the outbox
    const leave = () => debounce.current.flush();
    window.addEventListener('pagehide', leave);
    const hidden = () => document.visibilityState === 'hidden' && leave();
    document.addEventListener('visibilitychange', hidden);
    return () => {
      offDoc();
      offBox();
      leave();
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [props.imageId]);

  const changed = () => {
    setSave((s) => (s.kind === 'conflict' ? s : { kind: 'saving' }));
    debounce.current.trigger();
  };
  const edit = (f: () => void) => {
    f();
    changed();
  };

  const boxClasses = useMemo(() => classesFor(schema, 'box'), [schema]);
  const colourOf = useMemo(() => colourLookup(schema), [schema]);
  const names = useMemo(() => new Map(schema.classes.map((c) => [c.id, c.name])), [schema]);

  // keyboard shortcuts (not while typing in a field)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (t.closest('input, textarea, select, [contenteditable]')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        if (e.shiftKey ? doc.current.redo() : doc.current.undo()) changed();
      } else if (mod && e.key.toLowerCase() === 'y') {
        if (doc.current.redo()) changed();
      } else if (mod) {
        return;
      } else if (e.key === 'b' || e.key === 'B') setTool('box');
      else if (e.key === 'v' || e.key === 'V') setTool('select');
      else if (e.key === 'f' || e.key === 'F') view.current?.fit();
      else if (e.key === '+' || e.key === '=') view.current?.zoom(1.25);
      else if (e.key === '-') view.current?.zoom(0.8);
      else if (e.key === '0') view.current?.actualSize();
      else if (e.key === '?') setHelp((h) => !h);
      else if (e.key === 'Escape') { setSelected(-1); setHelp(false); }
      else if ((e.key === 'Delete' || e.key === 'Backspace') && selected >= 0) {
        edit(() => doc.current.remove('Delete object', selected));
        setSelected(-1);
      } else if (classForKey(boxClasses, e.key)) {
        const c = classForKey(boxClasses, e.key)!;
        if (selected >= 0) edit(() => doc.current.replace('Change class', selected, { ...doc.current.annotations[selected], label: c.id }));
        setClassId(c.id);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, boxClasses]);

  if (error) return <section class="page"><ErrorBox error={error} /></section>;
  if (!image) return <section class="page"><Spinner /></section>;

  const list = doc.current.annotations;
  const conflict = save.kind === 'conflict' ? save.entry.conflict : undefined;
  const shown: readonly Annotation[] = conflict && preview === 'theirs' ? conflict.annotations : list;
  const tags = list.filter((a) => a.kind === 'tag');

  const keepMine = async () => {
    debounce.current.flush();
    await outbox.keepMine(props.imageId);
    setPreview('mine');
  };
  const takeTheirs = async () => {
    debounce.current.cancel();
    const theirs: AnnotationSet | undefined = await outbox.takeTheirs(props.imageId);
    const fresh = theirs ?? (await api.annotations(props.imageId));
    serverVersion.current = fresh.version;
    doc.current.reset(fresh.annotations);
    setSelected(-1);
    setPreview('mine');
    setSave({ kind: 'saved', version: fresh.version });
  };
  const submitJob = async () => {
    if (!job) return;
    debounce.current.flush();
    await outbox.flush();
    try {
      setJob(await api.submitJob(job.id));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section class="workspace">
      <div class="ws-main">
        <div class="ws-toolbar" role="toolbar" aria-label="Tools">
          <Link href={`/projects/${encodeURIComponent(props.projectId)}`}>← Images</Link>
          <h1 class="ws-title" title={image.file_name}>{image.file_name}</h1>
          <div class="seg" role="radiogroup" aria-label="Tool">
            <button type="button" role="radio" aria-checked={tool === 'select'} onClick={() => setTool('select')} title="Select and move (V)">Select</button>
            <button type="button" role="radio" aria-checked={tool === 'box'} onClick={() => setTool('box')} title="Draw boxes (B)">Box</button>
          </div>
          <button type="button" onClick={() => doc.current.undo() && changed()} disabled={!doc.current.canUndo}
                  title={`Undo ${doc.current.undoLabel ?? ''} (Ctrl+Z)`}>Undo</button>
          <button type="button" onClick={() => doc.current.redo() && changed()} disabled={!doc.current.canRedo}
                  title={`Redo ${doc.current.redoLabel ?? ''} (Ctrl+Shift+Z)`}>Redo</button>
          <button type="button" onClick={() => view.current?.fit()} title="Fit the image (F)">Fit</button>
          <button type="button" onClick={() => view.current?.zoom(1.25)} aria-label="Zoom in" title="Zoom in (+)">+</button>
          <button type="button" onClick={() => view.current?.zoom(0.8)} aria-label="Zoom out" title="Zoom out (−)">−</button>
          <button type="button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
          <SaveBadge state={save} />
        </div>
        {tags.length > 0 && (
          <p class="tags" aria-label="Image tags">{tags.map((t, i) => <span key={i} class="chip" style={{ borderColor: colourOf(t.label) }}>{names.get(t.label) ?? t.label}</span>)}</p>
        )}
        {conflict && save.kind === 'conflict' && (
          <ConflictDialog mine={save.entry.annotations} theirs={conflict} schema={schema} preview={preview}
                          nameOf={(id) => people.get(id) ?? (id === props.user.id ? props.user.username : id)}
                          onPreview={setPreview} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />
        )}
        {save.kind === 'rejected' && (
          <div class="error" role="alert">
            <strong>The server refused this image's annotations:</strong> {save.error}
            <div class="row"><button type="button" onClick={takeTheirs}>Discard my changes and reload</button></div>
          </div>
        )}
        <CanvasView src={image.original_url} imageWidth={image.width} imageHeight={image.height} annotations={shown}
                    colourOf={colourOf} selected={preview === 'mine' ? selected : -1} tool={tool}
                    readOnly={preview === 'theirs'} dimmed={preview === 'theirs'}
                    draftColour={classId !== null ? colourOf(classId) : undefined}
                    label={`${image.file_name}, ${image.width} by ${image.height} pixels, ${list.length} annotations`}
                    controller={(c) => (view.current = c)}
                    onPick={setSelected}
                    onBox={(box) => {
                      if (classId === null) return;
                      let index = -1;
                      edit(() => (index = doc.current.add('Draw box', newBox(classId, box))));
                      setSelected(index);
                    }}
                    onMove={(i, dx, dy) => edit(() => doc.current.replace('Move object', i, translate(doc.current.annotations[i], dx, dy)))} />
      </div>
      <aside class="ws-side" aria-label="Classes and objects">
        {job && (
          <div class="job">
            <p>Your job: <strong>{job.state.replace('_', ' ')}</strong></p>
            {(job.state === 'in_progress' || job.state === 'rejected') && (
              <button type="button" class="primary" onClick={submitJob}>Submit for review</button>
            )}
          </div>
        )}
        <h2 id="classes-title">Class</h2>
        {boxClasses.length === 0 && <p class="muted">No class allows boxes. Add one in the project's settings.</p>}
        <ul class="classes" role="radiogroup" aria-labelledby="classes-title">
          {boxClasses.map((c, i) => (
            <li key={c.id}>
              <label>
                <input type="radio" name="class" checked={classId === c.id} onChange={() => setClassId(c.id)} />
                <span class="swatch" style={{ background: c.colour }} />
                {c.name} {i < 9 && <kbd>{i + 1}</kbd>}
              </label>
            </li>
          ))}
        </ul>
        <h2>Objects ({list.length})</h2>
        <ol class="objects" aria-label="Objects on this image">
          {list.map((a, i) => (
            <li key={i} class={i === selected ? 'selected' : ''}>
              <button type="button" class="link" aria-pressed={i === selected} onClick={() => setSelected(i)}>
                <span class="swatch" style={{ background: colourOf(a.label) }} />
                {names.get(a.label) ?? `class ${a.label}`} · {a.kind.replace('_', ' ')}
                {a.source?.type === 'model' && <small> (model{a.confidence !== undefined ? ` ${Math.round(a.confidence * 100)}%` : ''})</small>}
              </button>
              <button type="button" class="link" aria-label={`Delete object ${i + 1}`}
                      onClick={() => { edit(() => doc.current.remove('Delete object', i)); setSelected(-1); }}>✕</button>
            </li>
          ))}
        </ol>
      </aside>
      {help && <ShortcutHelp shortcuts={WORKSPACE_SHORTCUTS} onClose={() => setHelp(false)} />}
    </section>
  );
}

function stateOf(e: OutboxEntry): SaveState {
  if (e.state === 'conflict') return { kind: 'conflict', entry: e };
  if (e.state === 'rejected') return { kind: 'rejected', error: e.error ?? 'refused' };
  return e.attempts > 0 ? { kind: 'waiting', error: e.error } : { kind: 'saving' };
}

function SaveBadge({ state }: { state: SaveState }) {
  const [text, cls] = (() => {
    switch (state.kind) {
      case 'saved':
        return [`Saved${state.version ? ` · v${state.version}` : ''}`, 'ok'];
      case 'saving':
        return ['Saving…', 'warn'];
      case 'waiting':
        return ['Offline — kept on this device, will sync', 'warn'];
      case 'conflict':
        return ['Conflict — choose a version', 'bad'];
      case 'rejected':
        return ['Not saved — see the message', 'bad'];
    }
  })();
  return <span class={`badge ${cls}`} role="status" aria-live="polite" data-testid="save-badge" data-state={state.kind}>{text}</span>;
}
