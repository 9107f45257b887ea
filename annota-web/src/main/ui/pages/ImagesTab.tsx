// The dataset browser: a thumbnail grid loaded page by page (keyset cursors, more pages as the user scrolls),
// the filters and sort orders the API offers, and multi-select to hand images to annotators.
import { useEffect, useRef, useState } from 'preact/hooks';
import { rememberListing } from '../lib/listing';
import { api } from '../api/client';
import type { ImageInfo, Member, Project, User } from '../api/types';
import { ErrorBox, Link, Spinner } from '../app/ui';

interface Filters {
  split: string;
  hasAnnotations: '' | 'true' | 'false';
  nearDuplicate: '' | 'true' | 'false';
  sort: string;
}

const SORTS: [string, string][] = [
  ['created_at', 'Oldest first'], ['-created_at', 'Newest first'], ['file_name', 'File name A–Z'],
  ['-file_name', 'File name Z–A'], ['-width', 'Widest first'], ['-height', 'Tallest first'],
];

const PAGE = 60;

export function ImagesTab({ project, user }: { project: Project; user: User }) {
  const [filters, setFilters] = useState<Filters>({ split: '', hasAnnotations: '', nearDuplicate: '', sort: 'created_at' });
  const [images, setImages] = useState<ImageInfo[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined); // undefined: first page not loaded
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const generation = useRef(0);
  const sentinel = useRef<HTMLDivElement>(null);

  const load = async (reset: boolean) => {
    const gen = reset ? ++generation.current : generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await api.images(project.id, {
        limit: PAGE, cursor: reset ? undefined : cursor ?? undefined, sort: filters.sort, split: filters.split || undefined,
        has_annotations: filters.hasAnnotations || undefined, near_duplicate: filters.nearDuplicate || undefined,
      });
      if (gen !== generation.current) return; // the filters changed meanwhile
      setImages((prev) => (reset ? page.images : [...prev, ...page.images]));
      setCursor(page.next_cursor);
    } catch (err) {
      setError(err);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  };

  useEffect(() => {
    setSelected(new Set());
    void load(true);
  }, [filters, project.id]);

  // the workspace's next/previous image follow this listing
  useEffect(() => {
    if (cursor === undefined) return;
    const query: Record<string, string> = { sort: filters.sort };
    if (filters.split) query.split = filters.split;
    if (filters.hasAnnotations) query.has_annotations = filters.hasAnnotations;
    if (filters.nearDuplicate) query.near_duplicate = filters.nearDuplicate;
    rememberListing(project.id, { query, ids: images.map((i) => i.id), nextCursor: cursor });
  }, [images, cursor]);

  // infinite scroll: load the next page when the end of the grid comes into view
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !cursor || loading) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void load(false);
    }, { rootMargin: '400px' });
    io.observe(el);
    return () => io.disconnect();
  }, [cursor, loading]);

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  return (
    <div class="images-tab">
      <form class="filters" aria-label="Filter and sort images" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="f-split">Split</label>
          <input id="f-split" list="splits" name="split" placeholder="any" value={filters.split}
                 onChange={(e) => setFilters({ ...filters, split: e.currentTarget.value.trim() })} />
          <datalist id="splits"><option value="train" /><option value="val" /><option value="test" /></datalist>
        </div>
        {/* selects get an explicit label (for=id): a wrapping label would fold the option texts into the name */}
        <div class="field">
          <label for="f-annotated">Annotated</label>
          <select id="f-annotated" name="has_annotations" value={filters.hasAnnotations}
                  onChange={(e) => setFilters({ ...filters, hasAnnotations: e.currentTarget.value as Filters['hasAnnotations'] })}>
            <option value="">any</option><option value="true">yes</option><option value="false">no</option>
          </select>
        </div>
        <div class="field">
          <label for="f-near">Near-duplicates</label>
          <select id="f-near" name="near_duplicate" value={filters.nearDuplicate}
                  onChange={(e) => setFilters({ ...filters, nearDuplicate: e.currentTarget.value as Filters['nearDuplicate'] })}>
            <option value="">any</option><option value="true">only flagged</option><option value="false">not flagged</option>
          </select>
        </div>
        <div class="field">
          <label for="f-sort">Sort</label>
          <select id="f-sort" name="sort" value={filters.sort} onChange={(e) => setFilters({ ...filters, sort: e.currentTarget.value })}>
            {SORTS.map(([v, t]) => <option key={v} value={v}>{t}</option>)}
          </select>
        </div>
      </form>
      {selected.size > 0 && (
        <AssignBar project={project} user={user} selected={[...selected]} onDone={() => setSelected(new Set())} />
      )}
      <ErrorBox error={error} />
      {images.length === 0 && !loading && !error && (
        <p class="muted">No images match. <Link href={`/projects/${encodeURIComponent(project.id)}/upload`}>Upload images</Link>.</p>
      )}
      <ul class="grid" aria-label="Images">
        {images.map((img) => (
          <li key={img.id} class={selected.has(img.id) ? 'tile selected' : 'tile'}>
            <Link href={`/projects/${encodeURIComponent(project.id)}/images/${encodeURIComponent(img.id)}`}
                  aria-label={`Annotate ${img.file_name}`}>
              <img src={img.thumbnail_url} alt="" loading="lazy" width={200} height={150} />
            </Link>
            <label class="tile-caption">
              <input type="checkbox" checked={selected.has(img.id)} onChange={() => toggle(img.id)}
                     aria-label={`Select ${img.file_name}`} />
              <span title={img.file_name}>{img.file_name}</span>
            </label>
            <span class="muted small">{img.width}×{img.height}{img.split ? ` · ${img.split}` : ''}</span>
          </li>
        ))}
      </ul>
      <div ref={sentinel} />
      {loading && <Spinner label="Loading images…" />}
      {cursor && !loading && <button type="button" onClick={() => void load(false)}>Load more images</button>}
    </div>
  );
}

/**
 * Bulk actions on the selection. The API offers assignment (workflow tasks, then round-robin to the chosen
 * annotators); setting the split or deleting images in bulk has no endpoint yet.
 */
function AssignBar(props: { project: Project; user: User; selected: string[]; onDone: () => void }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [to, setTo] = useState<string>('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.members(props.project.id).then((m) => {
      const annotators = m.filter((x) => x.role !== 'reviewer');
      setMembers(annotators);
      setTo(annotators[0]?.user_id ?? '');
    }, setError);
  }, [props.project.id]);
  const assign = async () => {
    setError(null);
    try {
      await api.ensureTasks(props.project.id, props.selected, 1);
      const r = await api.assign(props.project.id, props.selected, [to]);
      setMessage(`Assigned ${r.assigned.length} job${r.assigned.length === 1 ? '' : 's'}` + (r.skipped ? `, ${r.skipped} already taken` : ''));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div class="bulkbar" role="region" aria-label="Selected images">
      <strong>{props.selected.length} selected</strong>
      <div class="field">
        <label for="assign-to">Assign to</label>
        <select id="assign-to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          {members.map((m) => <option key={m.user_id} value={m.user_id}>{m.username} ({m.role})</option>)}
        </select>
      </div>
      <button type="button" class="primary" disabled={!to} onClick={assign}>Assign</button>
      <button type="button" class="link" onClick={props.onDone}>Clear selection</button>
      {message && <span role="status">{message}</span>}
      <ErrorBox error={error} />
    </div>
  );
}
