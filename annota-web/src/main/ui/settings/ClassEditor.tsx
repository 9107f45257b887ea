// One class of the schema: name, colour, allowed kinds, attributes and (for keypoints) a skeleton.
import { useState } from 'preact/hooks';
import { ANNOTATION_KINDS, ATTRIBUTE_TYPES, type AnnotationKind, type AttributeSpec, type AttributeType, type LabelClass } from '../api/types';
import { classPatch, cleanAttribute, formatEdges, parseEdges, parseList } from './schemaForm';

export function ClassEditor(props: { cls: LabelClass; onSave: (patch: Partial<LabelClass>) => void; onDelete: () => void }) {
  const c = props.cls;
  const [name, setName] = useState(c.name);
  const [colour, setColour] = useState(c.colour);
  const [kinds, setKinds] = useState<AnnotationKind[]>(c.kinds);
  const [attrs, setAttrs] = useState<AttributeSpec[]>(c.attributes ?? []);
  const [points, setPoints] = useState((c.skeleton?.points ?? []).join(', '));
  const [edges, setEdges] = useState(formatEdges(c.skeleton));
  const [formError, setFormError] = useState('');
  const id = `class-${c.id}`;

  const save = (e: Event) => {
    e.preventDefault();
    setFormError('');
    let skeleton = null;
    if (kinds.includes('keypoints') && points.trim()) {
      const pts = parseList(points);
      const parsed = parseEdges(edges, pts);
      if (parsed.error) {
        setFormError(parsed.error);
        return;
      }
      skeleton = { points: pts, edges: parsed.edges };
    }
    const after: LabelClass = { ...c, name, colour, kinds, attributes: attrs.map(cleanAttribute), skeleton };
    const patch = classPatch({ ...c, skeleton: c.skeleton ?? null }, after);
    if (Object.keys(patch).length === 0) {
      setFormError('Nothing changed.');
      return;
    }
    props.onSave(patch);
  };
  const setAttr = (i: number, patch: Partial<AttributeSpec>) => setAttrs(attrs.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <details class="class-editor">
      <summary>
        <span class="swatch" style={{ background: c.colour }} /> <strong>{c.name}</strong>
        <span class="muted small"> · {c.kinds.length === ANNOTATION_KINDS.length ? 'all kinds' : c.kinds.join(', ')}
          {c.attributes?.length ? ` · ${c.attributes.length} attribute${c.attributes.length === 1 ? '' : 's'}` : ''}</span>
      </summary>
      <form onSubmit={save} aria-label={`Edit class ${c.name}`}>
        <div class="row">
          <label>Name <input name={`${id}-name`} value={name} onInput={(e) => setName(e.currentTarget.value)} required /></label>
          <label>Colour <input type="color" name={`${id}-colour`} value={colour} onInput={(e) => setColour(e.currentTarget.value)} /></label>
        </div>
        <fieldset>
          <legend>Allowed kinds</legend>
          <div class="checks">
            {ANNOTATION_KINDS.map((k) => (
              <label key={k}>
                <input type="checkbox" checked={kinds.includes(k)}
                       onChange={(e) => setKinds(e.currentTarget.checked ? [...kinds, k] : kinds.filter((x) => x !== k))} />
                {k.replace('_', ' ')}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Attributes</legend>
          {attrs.length === 0 && <p class="muted small">None.</p>}
          {attrs.map((a, i) => (
            <div class="row attr" key={i}>
              <label>Name <input value={a.name} onInput={(e) => setAttr(i, { name: e.currentTarget.value })} required /></label>
              <label>
                Type
                <select value={a.type} onChange={(e) => setAttr(i, { type: e.currentTarget.value as AttributeType })}>
                  {ATTRIBUTE_TYPES.map((t) => <option key={t} value={t}>{t.replace('_', ' ')}</option>)}
                </select>
              </label>
              {(a.type === 'select' || a.type === 'multi_select') && (
                <label>Options (comma-separated)
                  <input value={(a.options ?? []).join(', ')} onInput={(e) => setAttr(i, { options: parseList(e.currentTarget.value) })} />
                </label>
              )}
              {a.type === 'number' && (
                <>
                  <label>Min <input type="number" value={a.min ?? ''} onInput={(e) => setAttr(i, { min: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })} /></label>
                  <label>Max <input type="number" value={a.max ?? ''} onInput={(e) => setAttr(i, { max: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })} /></label>
                </>
              )}
              <label class="inline"><input type="checkbox" checked={!!a.required} onChange={(e) => setAttr(i, { required: e.currentTarget.checked })} /> required</label>
              <button type="button" class="link" onClick={() => setAttrs(attrs.filter((_, j) => j !== i))} aria-label={`Remove attribute ${a.name || i + 1}`}>Remove</button>
            </div>
          ))}
          <button type="button" onClick={() => setAttrs([...attrs, { name: '', type: 'select', options: [], required: false }])}>Add attribute</button>
        </fieldset>
        {kinds.includes('keypoints') && (
          <fieldset>
            <legend>Skeleton (keypoints)</legend>
            <label>Points (comma-separated) <input value={points} onInput={(e) => setPoints(e.currentTarget.value)} placeholder="head, neck, hip" /></label>
            <label>Edges <input value={edges} onInput={(e) => setEdges(e.currentTarget.value)} placeholder="head-neck, neck-hip" /></label>
          </fieldset>
        )}
        {formError && <p class="error" role="alert">{formError}</p>}
        <div class="row">
          <button type="submit" class="primary">Save class</button>
          <button type="button" class="danger" onClick={props.onDelete}>Delete class</button>
        </div>
      </form>
    </details>
  );
}
