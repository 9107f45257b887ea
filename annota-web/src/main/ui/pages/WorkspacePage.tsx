// The annotation workspace: the image (tiles when it is large) on a canvas with its annotation set, every tool,
// undo/redo, hide/lock, z-order, attributes, copy/paste (also from the previous image), model suggestions,
// next/previous image, and autosave through the outbox — a change is queued locally at once and sent within a
// second; offline it waits (and survives a reload); a conflict is shown with both versions.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, request } from '../api/client';
import type { Annotation, AnnotationSet, ImageInfo, Job, LabelSchema, User } from '../api/types';
import { CanvasView, type ViewController } from '../canvas/CanvasView';
import { wantsTiles, type TileInfo } from '../canvas/tiles';
import { AnnotationDocument } from '../editor/document';
import { classesFor, classForKey, colourLookup } from '../editor/classes';
import { Debounced } from '../editor/debounce';
import { kindOfTool, nextKeypointName, type ClickDraft, type ToolKind } from '../editor/drawTools';
import { initialAttributes, withAttribute } from '../editor/attributes';
import { toggleVisibility } from '../editor/handles';
import { emptyMask, maskOf, paintStroke, isEmpty, toMaskAnnotation } from '../editor/mask';
import { insideImage, pasted, restack, toggleTag } from '../editor/ops';
import {
  acceptAll, acceptEdited, acceptOne, rejectBody, visibleSuggestions, type AcceptBody, type Suggestion, type SuggestionList,
} from '../editor/suggestions';
import { navigate } from '../app/router';
import { neighbourIds, recallListing } from '../lib/listing';
import { currentOutbox } from '../sync/session';
import type { OutboxEntry } from '../sync/outbox';
import { ErrorBox, Link, Spinner } from '../app/ui';
import { ConflictDialog } from './ConflictDialog';
import { ShortcutHelp, WORKSPACE_SHORTCUTS } from './ShortcutHelp';
import { AttributesPanel, ObjectList, SuggestionsPanel, TagBar } from './WorkspacePanels';

type SaveState =
  | { kind: 'saved'; version: number }
  | { kind: 'saving' }
  | { kind: 'waiting'; error?: string }
  | { kind: 'conflict'; entry: OutboxEntry }
  | { kind: 'rejected'; error: string };

/** Autosave delay: a change reaches the outbox within this, and is sent right after. */
const SAVE_DELAY_MS = 400;

export const TOOLS: { tool: ToolKind; name: string; key: string }[] = [
  { tool: 'select', name: 'Select', key: 'V' },
  { tool: 'tag', name: 'Tag', key: 'T' },
  { tool: 'box', name: 'Box', key: 'B' },
  { tool: 'rotated_box', name: 'Rotated box', key: 'R' },
  { tool: 'polygon', name: 'Polygon', key: 'P' },
  { tool: 'polyline', name: 'Polyline', key: 'L' },
  { tool: 'points', name: 'Points', key: 'D' },
  { tool: 'keypoints', name: 'Keypoints', key: 'K' },
  { tool: 'brush', name: 'Brush', key: 'M' },
  { tool: 'eraser', name: 'Eraser', key: 'E' },
  { tool: 'cuboid', name: 'Cuboid', key: 'C' },
  { tool: 'ellipse', name: 'Ellipse', key: 'O' },
];

/** What copy put aside (shared by every image of the tab). */
let clipboard: Annotation[] = [];

const previousKey = (projectId: string) => `annota.previous.${projectId}`;

export function WorkspacePage(props: { user: User; projectId: string; imageId: string }) {
  const outbox = currentOutbox()!;
  const [image, setImage] = useState<ImageInfo | null>(null);
  const [tiles, setTiles] = useState<TileInfo | null>(null);
  const [schema, setSchema] = useState<LabelSchema>({ classes: [] });
  const [error, setError] = useState<unknown>(null);
  const [, setRevision] = useState(0);
  const [selected, setSelected] = useState(-1);
  const [tool, setTool] = useState<ToolKind>('box');
  const [classByKind, setClassByKind] = useState<Record<string, number>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'saved', version: 0 });
  const [preview, setPreview] = useState<'mine' | 'theirs'>('mine');
  const [help, setHelp] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const [locked, setLocked] = useState<ReadonlySet<number>>(new Set());
  const [multiTag, setMultiTag] = useState(() => localStorage.getItem(`annota.multitag.${props.projectId}`) === '1');
  const [brush, setBrush] = useState(12);
  const [notice, setNotice] = useState('');
  const [draft, setDraft] = useState<ClickDraft | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [threshold, setThreshold] = useState(0.5);
  const [focused, setFocused] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; doc: AnnotationDocument } | null>(null);
  const [busy, setBusy] = useState(false);
  const doc = useRef(new AnnotationDocument());
  const serverVersion = useRef(0);
  const view = useRef<ViewController>();
  const debounce = useRef(new Debounced(() => {
    void outbox.enqueue(props.imageId, serverVersion.current, doc.current.annotations);
  }, SAVE_DELAY_MS));

  // load the image, schema and set; a set still waiting in the outbox wins over the server's (it is newer)
  useEffect(() => {
    setImage(null);
    setTiles(null);
    setSelected(-1);
    setHidden(new Set());
    setLocked(new Set());
    setSuggestions(null);
    setEditing(null);
    (async () => {
      const [img, sc, set, pending] = await Promise.all([
        api.image(props.imageId), api.schema(props.projectId), api.annotations(props.imageId), outbox.entry(props.imageId),
      ]);
      const forceOriginal = new URLSearchParams(location.search).get('tiles') === 'off';
      const info = wantsTiles(img.width, img.height) && !forceOriginal
        ? await request<TileInfo>('GET', `/images/${encodeURIComponent(img.id)}/tiles`).catch(() => null) : null;
      setTiles(info);
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
      api.members(props.projectId).then((ms) => setPeople(new Map(ms.map((m) => [m.user_id, m.username]))), () => undefined);
      request<SuggestionList>('GET', `/images/${encodeURIComponent(props.imageId)}/suggestions`)
        .then((s) => setSuggestions(s.suggestions), () => setSuggestions(null));
      const jobs = await api.jobs(props.projectId, { image: props.imageId, assignee: 'me' }).catch(() => null);
      setJob(jobs?.items.find((j) => j.state === 'in_progress' || j.state === 'rejected' || j.state === 'new') ?? jobs?.items[0] ?? null);
    })().catch(setError);
    return () => {
      // "paste from previous image" takes this image's objects
      try {
        sessionStorage.setItem(previousKey(props.projectId), JSON.stringify({ imageId: props.imageId, annotations: doc.current.annotations }));
      } catch {
        // storage full: the previous image cannot be pasted from
      }
    };
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
    const hiddenTab = () => document.visibilityState === 'hidden' && leave();
    document.addEventListener('visibilitychange', hiddenTab);
    return () => {
      offDoc();
      offBox();
      leave();
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hiddenTab);
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

  const colourOf = useMemo(() => colourLookup(schema), [schema]);
  const classOf = useMemo(() => new Map(schema.classes.map((c) => [c.id, c])), [schema]);
  const nameOf = (label: number) => classOf.get(label)?.name ?? `class ${label}`;
  const skeletonOf = (label: number) => classOf.get(label)?.skeleton;
  const kind = kindOfTool(tool);
  const toolClasses = useMemo(() => (kind ? classesFor(schema, kind) : schema.classes), [schema, kind]);
  const tagClasses = useMemo(() => classesFor(schema, 'tag'), [schema]);
  const drawLabel = kind ? (toolClasses.find((c) => c.id === classByKind[kind]) ?? toolClasses[0])?.id ?? null : null;
  const setDrawClass = (id: number) => kind && setClassByKind((m) => ({ ...m, [kind]: id }));

  const target = editing ? editing.doc : doc.current;
  const list = target.annotations;
  const keyOf = (i: number) => (list[i] ? target.keyOf(list[i]) : -1);
  const isHidden = (i: number) => hidden.has(keyOf(i));
  const isLocked = (i: number) => locked.has(keyOf(i));
  const toggleIn = (set: ReadonlySet<number>, k: number) => {
    const next = new Set(set);
    if (!next.delete(k)) next.add(k);
    return next;
  };
  const commit = (d: AnnotationDocument, f: () => void) => (d === doc.current ? edit(f) : (f(), setRevision((r) => r + 1)));

  const create = (a: Annotation, what: string) => {
    const cls = classOf.get(a.label);
    const attrs = initialAttributes(cls);
    const full = attrs ? { ...a, attributes: attrs } : a;
    let index = -1;
    commit(target, () => (index = target.add(what, full)));
    setSelected(index);
  };
  const replace = (i: number, a: Annotation, what: string) => {
    if (!insideImage(a, image!.width, image!.height)) {
      setNotice('That would take the object outside the image');
      return;
    }
    commit(target, () => target.replace(what, i, a));
  };
  const remove = (i: number) => {
    commit(target, () => target.remove('Delete object', i));
    setSelected(-1);
  };
  const stroke = (points: { x: number; y: number }[], radius: number, erase: boolean) => {
    const sel = selected >= 0 ? list[selected] : undefined;
    const onMask = sel?.kind === 'mask' && !isLocked(selected) ? sel : undefined;
    if (erase && !onMask) {
      setNotice('Select a mask to erase from');
      return;
    }
    if (!onMask && drawLabel === null) return;
    try {
      const m = onMask ? maskOf(onMask) : emptyMask(image!.width, image!.height);
      for (let k = 0; k < points.length; k++) paintStroke(m, points[Math.max(0, k - 1)], points[k], radius, erase ? 0 : 1);
      if (onMask && isEmpty(m)) remove(selected);
      else if (onMask) replace(selected, toMaskAnnotation(m, onMask.label, onMask), erase ? 'Erase' : 'Paint');
      else if (!isEmpty(m)) create(toMaskAnnotation(m, drawLabel!), 'Paint mask');
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    }
  };
  const copy = () => {
    if (selected >= 0 && list[selected]) {
      clipboard = [list[selected]];
      setNotice('Copied 1 object');
    }
  };
  const paste = (from: readonly Annotation[], what: string) => {
    const { added, skipped } = pasted(from, image!.width, image!.height, from === clipboard ? 10 : 0);
    if (added.length) commit(target, () => target.apply(what, [...target.annotations, ...added]));
    setNotice(`${what}: ${added.length} object${added.length === 1 ? '' : 's'}${skipped ? `, ${skipped} did not fit this image` : ''}`);
    if (added.length) setSelected(target.annotations.length - 1);
  };
  const pastePrevious = () => {
    try {
      const prev = JSON.parse(sessionStorage.getItem(previousKey(props.projectId)) ?? 'null') as { imageId: string; annotations: Annotation[] } | null;
      if (!prev || prev.imageId === props.imageId) {
        setNotice('No previous image in this tab to paste from');
        return;
      }
      paste(prev.annotations.filter((a) => a.kind !== 'tag' || !list.some((t) => t.kind === 'tag' && t.label === a.label)), 'Paste from previous image');
    } catch {
      setNotice('The previous image could not be read');
    }
  };
  const tag = (label: number) => commit(target, () => target.apply('Tag image', toggleTag(target.annotations, label, multiTag)));
  const go = async (step: 1 | -1) => {
    debounce.current.flush();
    const listing = recallListing(props.projectId);
    let ids = listing?.ids ?? [];
    let { prev, next, at } = neighbourIds(ids, props.imageId);
    if (at < 0 || (step > 0 && !next && listing?.nextCursor)) {
      // not in the remembered listing (or at its end): page through the listing from the server
      const query = listing?.query ?? { sort: 'created_at' };
      let cursor: string | null | undefined = at < 0 ? undefined : listing?.nextCursor;
      for (let pages = 0; pages < 20; pages++) {
        const page = await api.images(props.projectId, { ...query, limit: 200, cursor: cursor ?? undefined });
        ids = [...ids, ...page.images.map((i) => i.id)];
        ({ prev, next, at } = neighbourIds(ids, props.imageId));
        cursor = page.next_cursor;
        if ((at >= 0 && (step < 0 || next)) || !cursor) break;
      }
    }
    const to = step > 0 ? next : prev;
    if (to) navigate(`/projects/${encodeURIComponent(props.projectId)}/images/${encodeURIComponent(to)}`);
    else setNotice(step > 0 ? 'This is the last image of the listing' : 'This is the first image of the listing');
  };

  // suggestions: accept and reject go to the server, after this tab's own pending save
  const suggestionCall = async (path: 'accept' | 'reject', body: AcceptBody | { ids: string[] } | { all: boolean; min_confidence: number }) => {
    setBusy(true);
    try {
      debounce.current.flush();
      await outbox.flush();
      if (await outbox.entry(props.imageId)) throw new Error('Your own changes are not saved yet; try again once they are');
      await request('POST', `/images/${encodeURIComponent(props.imageId)}/suggestions/${path}`,
        path === 'accept' ? { ...body, version: serverVersion.current } : body);
      const [set, s] = await Promise.all([
        api.annotations(props.imageId),
        request<SuggestionList>('GET', `/images/${encodeURIComponent(props.imageId)}/suggestions`),
      ]);
      serverVersion.current = set.version;
      doc.current.reset(set.annotations);
      setSuggestions(s.suggestions);
      setSave({ kind: 'saved', version: set.version });
      setEditing(null);
      setSelected(-1);
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const shownSuggestions = useMemo(() => visibleSuggestions(suggestions ?? [], threshold), [suggestions, threshold]);

  // keyboard shortcuts (not while typing in a field); the listener calls the latest render's handler, so a key
  // pressed right after another (a tool, then its class) sees the state the first one set
  const onKey = useRef<(e: KeyboardEvent) => void>();
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current?.(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  {
    onKey.current = (e: KeyboardEvent) => {
      if (!image) return; // still loading: an edit now would be replaced by the loaded set
      const t = e.target as HTMLElement;
      if (t.closest('input, textarea, select, [contenteditable]')) return;
      if (!e.ctrlKey && !e.metaKey && !e.altKey && view.current?.draftKey(e.key)) {
        e.preventDefault();
        return;
      }
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      const sel = selected >= 0 && selected < list.length ? selected : -1;
      if (mod && k === 'z') {
        if (e.shiftKey ? target.redo() : target.undo()) commit(target, () => undefined);
      } else if (mod && k === 'y') {
        if (target.redo()) commit(target, () => undefined);
      } else if (mod && k === 'c') copy();
      else if (mod && k === 'v') {
        if (e.shiftKey) pastePrevious();
        else if (clipboard.length) paste(clipboard, 'Paste');
      } else if (mod) {
        return;
      } else if (e.key === '?') setHelp((h) => !h);
      else if (e.key === 'Escape') { setSelected(-1); setHelp(false); }
      else if ((e.key === 'Delete' || e.key === 'Backspace') && sel >= 0 && !isLocked(sel)) remove(sel);
      else if (e.key === 'PageUp' && sel >= 0) commit(target, () => target.apply('Bring to front', restack(list, sel, 1)));
      else if (e.key === 'PageDown' && sel >= 0) commit(target, () => target.apply('Send to back', restack(list, sel, -1)));
      else if (e.key === 'h' && sel >= 0) setHidden((h) => toggleIn(h, keyOf(sel)));
      else if (e.key === 'H') setHidden(new Set());
      else if (e.key === 'L' && sel >= 0) setLocked((l) => toggleIn(l, keyOf(sel)));
      else if (e.key === 'w' && sel >= 0 && list[sel].kind === 'keypoints') {
        const v = view.current?.activeVertex();
        if (v) replace(sel, toggleVisibility(list[sel], v.index), 'Toggle keypoint visibility');
      } else if (e.key === '.') void go(1);
      else if (e.key === ',') void go(-1);
      else if (e.key === '[') setBrush((b) => Math.max(1, Math.round(b / 1.25)));
      else if (e.key === ']') setBrush((b) => Math.min(500, Math.round(b * 1.25) + 1));
      else if (k === 'f' && !e.shiftKey) view.current?.fit();
      else if (e.key === '+' || e.key === '=') view.current?.zoom(1.25);
      else if (e.key === '-') view.current?.zoom(0.8);
      else if (e.key === '0') view.current?.actualSize();
      else if (/^[1-9]$/.test(e.key)) {
        if (tool === 'tag') {
          const c = classForKey(tagClasses, e.key);
          if (c) tag(c.id);
        } else if (sel >= 0 && tool === 'select') {
          const c = classForKey(classesFor(schema, list[sel].kind), e.key);
          if (c) replace(sel, { ...list[sel], label: c.id }, 'Change class');
        } else {
          const c = classForKey(toolClasses, e.key);
          if (c) setDrawClass(c.id);
        }
      } else {
        const found = TOOLS.find((x) => x.key.toLowerCase() === e.key && !e.shiftKey);
        if (!found) return;
        setTool(found.tool);
      }
      e.preventDefault();
    };
  }

  if (error) return <section class="page"><ErrorBox error={error} /></section>;
  if (!image) return <section class="page"><Spinner /></section>;

  const conflict = save.kind === 'conflict' ? save.entry.conflict : undefined;
  const shown: readonly Annotation[] = conflict && preview === 'theirs' ? conflict.annotations : list;
  const tags = new Set(doc.current.annotations.filter((a) => a.kind === 'tag').map((a) => a.label));
  const sel = selected >= 0 && selected < list.length ? list[selected] : undefined;
  const keypointPrompt = draft?.tool === 'keypoints' ? nextKeypointName(draft, skeletonOf(draft.label)) : undefined;

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
  const startEdit = (id: string) => {
    const s = suggestions?.find((x) => x.id === id);
    if (!s) return;
    setEditing({ id, doc: new AnnotationDocument([s.annotation]) });
    setSelected(0);
    setTool('select');
  };

  return (
    <section class="workspace">
      <div class="ws-main">
        <div class="ws-toolbar" role="toolbar" aria-label="Tools">
          <Link href={`/projects/${encodeURIComponent(props.projectId)}`}>← Images</Link>
          <button type="button" onClick={() => go(-1)} aria-label="Previous image" title="Previous image (,)">‹</button>
          <button type="button" onClick={() => go(1)} aria-label="Next image" title="Next image (.)">›</button>
          <h1 class="ws-title" title={image.file_name}>{image.file_name}</h1>
          <div class="seg" role="radiogroup" aria-label="Tool">
            {TOOLS.map((x) => (
              <button key={x.tool} type="button" role="radio" aria-checked={tool === x.tool} onClick={() => setTool(x.tool)}
                      title={`${x.name} (${x.key})`}>{x.name}</button>
            ))}
          </div>
          <button type="button" onClick={() => target.undo() && commit(target, () => undefined)} disabled={!target.canUndo}
                  title={`Undo ${target.undoLabel ?? ''} (Ctrl+Z)`}>Undo</button>
          <button type="button" onClick={() => target.redo() && commit(target, () => undefined)} disabled={!target.canRedo}
                  title={`Redo ${target.redoLabel ?? ''} (Ctrl+Shift+Z)`}>Redo</button>
          <button type="button" onClick={() => view.current?.fit()} title="Fit the image (F)">Fit</button>
          <button type="button" onClick={() => view.current?.zoom(1.25)} aria-label="Zoom in" title="Zoom in (+)">+</button>
          <button type="button" onClick={() => view.current?.zoom(0.8)} aria-label="Zoom out" title="Zoom out (−)">−</button>
          <button type="button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
          <SaveBadge state={save} />
        </div>
        <TagBar classes={tagClasses} tags={tags} multi={multiTag} onToggle={tag}
                onMulti={(m) => { setMultiTag(m); localStorage.setItem(`annota.multitag.${props.projectId}`, m ? '1' : '0'); }} />
        {(notice || keypointPrompt || draft) && (
          <p class="ws-notice" role="status" data-testid="ws-notice">
            {keypointPrompt ? `Place “${keypointPrompt}” (N skips it). ` : draft ? `${draft.points.length} point(s): Enter or double-click finishes, Backspace removes the last, Esc cancels. ` : ''}
            {notice}
          </p>
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
        <CanvasView src={image.original_url} tiles={tiles} imageWidth={image.width} imageHeight={image.height} annotations={shown}
                    colourOf={colourOf} skeletonOf={skeletonOf} selected={preview === 'mine' ? selected : -1} tool={tool}
                    drawLabel={drawLabel} brushRadius={brush} isHidden={isHidden} isLocked={isLocked}
                    readOnly={preview === 'theirs'} dimmed={preview === 'theirs'}
                    suggestions={editing ? undefined : shownSuggestions.map((s) => ({ annotation: s.annotation, confidence: s.confidence, focused: s.id === focused }))}
                    label={`${image.file_name}, ${image.width} by ${image.height} pixels, ${list.length} annotations`}
                    controller={(c) => {
                      view.current = c;
                      // for the browser measurements (journeys.mjs): pan scripted frame by frame, time the first paint
                      (window as unknown as { annotaView?: ViewController }).annotaView = c;
                    }}
                    onPick={(i) => { setSelected(i); setNotice(''); }}
                    onCreate={create} onReplace={replace} onDelete={remove} onStroke={stroke} onDraft={setDraft} onNotice={setNotice} />
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
        <h2 id="classes-title">Class{kind ? ` (${kind.replace('_', ' ')})` : ''}</h2>
        {kind && toolClasses.length === 0 && <p class="muted">No class allows {kind.replace('_', ' ')}s. Add one in the project's settings.</p>}
        <ul class="classes" role="radiogroup" aria-labelledby="classes-title">
          {(tool === 'tag' ? tagClasses : toolClasses).map((c, i) => (
            <li key={c.id}>
              <label>
                <input type="radio" name="class" checked={tool === 'tag' ? tags.has(c.id) : drawLabel === c.id}
                       onChange={() => (tool === 'tag' ? tag(c.id) : setDrawClass(c.id))} />
                <span class="swatch" style={{ background: c.colour }} />
                {c.name} {i < 9 && <kbd>{i + 1}</kbd>}
              </label>
            </li>
          ))}
        </ul>
        {(tool === 'brush' || tool === 'eraser') && (
          <div class="field">
            <label for="brush-size">Brush radius: {brush} px ([ and ])</label>
            <input id="brush-size" type="range" min={1} max={200} value={brush} onInput={(e) => setBrush(Number((e.target as HTMLInputElement).value))} />
          </div>
        )}
        {sel && (
          <>
            <div class="row">
              <button type="button" onClick={() => commit(target, () => target.apply('Bring to front', restack(list, selected, 1)))} title="Bring to front (PageUp)">Bring to front</button>
              <button type="button" onClick={() => commit(target, () => target.apply('Send to back', restack(list, selected, -1)))} title="Send to back (PageDown)">Send to back</button>
            </div>
            <AttributesPanel annotation={sel} cls={classOf.get(sel.label)} readOnly={isLocked(selected)}
                             onChange={(name, v) => replace(selected, withAttribute(sel, name, v), 'Edit attribute')} />
          </>
        )}
        {suggestions && suggestions.length > 0 && (
          <SuggestionsPanel all={suggestions} shown={shownSuggestions} threshold={threshold} focused={focused}
                            editing={editing?.id ?? null} busy={busy} nameOf={nameOf}
                            onThreshold={setThreshold} onFocus={setFocused}
                            onAccept={(id) => suggestionCall('accept', acceptOne(serverVersion.current, id))}
                            onReject={(id) => suggestionCall('reject', rejectBody([id]))}
                            onEdit={startEdit}
                            onAcceptEdited={() => editing && suggestionCall('accept', acceptEdited(serverVersion.current, editing.id, editing.doc.annotations[0]))}
                            onCancelEdit={() => { setEditing(null); setSelected(-1); }}
                            onAcceptAll={() => suggestionCall('accept', acceptAll(serverVersion.current, threshold))}
                            onRejectAll={() => suggestionCall('reject', { all: true, min_confidence: threshold })} />
        )}
        <ObjectList list={list} selected={selected} nameOf={nameOf} colourOf={colourOf} isHidden={isHidden} isLocked={isLocked}
                    onSelect={setSelected} onHide={(i) => setHidden((h) => toggleIn(h, keyOf(i)))}
                    onLock={(i) => setLocked((l) => toggleIn(l, keyOf(i)))} onDelete={remove} />
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
