// The workspace's side panels: the object list (select, hide, lock, z-order, delete), the attributes of the
// selected object (typed by the class's definitions), the image tags, and the model suggestions.
import type { Annotation, AttributeSpec, LabelClass } from '../api/types';
import { parseInput, problem, type AttributeValue } from '../editor/attributes';
import { percent, type Suggestion } from '../editor/suggestions';

export function ObjectList(props: {
  list: readonly Annotation[];
  selected: number;
  nameOf: (label: number) => string;
  colourOf: (label: number) => string;
  isHidden: (i: number) => boolean;
  isLocked: (i: number) => boolean;
  onSelect: (i: number) => void;
  onHide: (i: number) => void;
  onLock: (i: number) => void;
  onDelete: (i: number) => void;
}) {
  const rows = props.list.map((a, i) => ({ a, i })).filter(({ a }) => a.kind !== 'tag');
  const shown = rows.slice(0, 300);
  return (
    <>
      <h2>Objects ({rows.length})</h2>
      <ol class="objects" aria-label="Objects on this image">
        {shown.map(({ a, i }) => (
          <li key={i} class={`${i === props.selected ? 'selected' : ''} ${props.isHidden(i) ? 'is-hidden' : ''}`}>
            <button type="button" class="link" aria-pressed={i === props.selected} onClick={() => props.onSelect(i)}>
              <span class="swatch" style={{ background: props.colourOf(a.label) }} />
              {props.nameOf(a.label)} · {a.kind.replace('_', ' ')}
              {a.z_order ? <small> z{a.z_order}</small> : null}
            </button>
            <button type="button" class="link icon" aria-pressed={props.isHidden(i)} aria-label={`${props.isHidden(i) ? 'Show' : 'Hide'} object ${i + 1}`}
                    title="Hide (H)" onClick={() => props.onHide(i)}>{props.isHidden(i) ? '◌' : '●'}</button>
            <button type="button" class="link icon" aria-pressed={props.isLocked(i)} aria-label={`${props.isLocked(i) ? 'Unlock' : 'Lock'} object ${i + 1}`}
                    title="Lock (Shift+L)" onClick={() => props.onLock(i)}>{props.isLocked(i) ? '🔒' : '🔓'}</button>
            <button type="button" class="link icon" aria-label={`Delete object ${i + 1}`} onClick={() => props.onDelete(i)}>✕</button>
          </li>
        ))}
      </ol>
      {rows.length > shown.length && <p class="muted">and {rows.length - shown.length} more (select them on the image)</p>}
    </>
  );
}

export function AttributesPanel(props: {
  annotation: Annotation;
  cls: LabelClass | undefined;
  readOnly: boolean;
  onChange: (name: string, value: AttributeValue | undefined) => void;
}) {
  const specs = props.cls?.attributes ?? [];
  return (
    <section class="attributes" aria-labelledby="attrs-title">
      <h2 id="attrs-title">Attributes</h2>
      {specs.length === 0 && <p class="muted">Class {props.cls?.name ?? props.annotation.label} has no attributes.</p>}
      {specs.map((spec) => (
        <AttributeField key={spec.name} spec={spec} value={props.annotation.attributes?.[spec.name]} disabled={props.readOnly}
                        onChange={(v) => props.onChange(spec.name, v)} />
      ))}
    </section>
  );
}

function AttributeField(props: { spec: AttributeSpec; value: unknown; disabled: boolean; onChange: (v: AttributeValue | undefined) => void }) {
  const { spec, value } = props;
  const id = `attr-${spec.name.replace(/\W+/g, '-')}`;
  const err = problem(spec, value);
  const label = `${spec.name}${spec.required ? ' (required)' : ''}`;
  const described = err ? `${id}-err` : undefined;
  let control;
  switch (spec.type) {
    case 'checkbox':
      return (
        <div class="field">
          <label><input type="checkbox" checked={value === true} disabled={props.disabled}
                        onChange={(e) => props.onChange(parseInput(spec, (e.target as HTMLInputElement).checked))} /> {label}</label>
        </div>
      );
    case 'select':
      control = (
        <select id={id} value={typeof value === 'string' ? value : ''} disabled={props.disabled} aria-describedby={described}
                onChange={(e) => props.onChange(parseInput(spec, (e.target as HTMLSelectElement).value))}>
          <option value="">—</option>
          {(spec.options ?? []).map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      );
      break;
    case 'multi_select': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset class="field">
          <legend>{label}</legend>
          {(spec.options ?? []).map((o) => (
            <label key={o} class="inline">
              <input type="checkbox" checked={chosen.includes(o)} disabled={props.disabled}
                     onChange={(e) => {
                       const on = (e.target as HTMLInputElement).checked;
                       const next = (spec.options ?? []).filter((x) => (x === o ? on : chosen.includes(x)));
                       props.onChange(next.length ? next : spec.required ? [] : undefined);
                     }} /> {o}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'number':
      control = (
        <input id={id} type="number" value={typeof value === 'number' ? String(value) : ''} disabled={props.disabled}
               min={spec.min} max={spec.max} step={spec.integer ? 1 : 'any'} aria-describedby={described}
               onChange={(e) => props.onChange(parseInput(spec, (e.target as HTMLInputElement).value))} />
      );
      break;
    default:
      control = (
        <input id={id} type="text" value={typeof value === 'string' ? value : ''} disabled={props.disabled}
               maxLength={spec.max_length} aria-describedby={described}
               onChange={(e) => props.onChange(parseInput(spec, (e.target as HTMLInputElement).value))} />
      );
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {control}
      {err && <small id={described} class="error-text">{err}</small>}
    </div>
  );
}

export function TagBar(props: {
  classes: readonly LabelClass[];
  tags: ReadonlySet<number>;
  multi: boolean;
  onToggle: (label: number) => void;
  onMulti: (multi: boolean) => void;
}) {
  if (props.classes.length === 0) return null;
  return (
    <div class="tagbar" role="group" aria-label="Image tags">
      {props.classes.map((c, i) => (
        <button key={c.id} type="button" class={`chip ${props.tags.has(c.id) ? 'on' : ''}`} aria-pressed={props.tags.has(c.id)}
                style={{ borderColor: c.colour }} onClick={() => props.onToggle(c.id)} title={i < 9 ? `Tag tool (T), then ${i + 1}` : undefined}>
          {c.name}
        </button>
      ))}
      <label class="inline muted"><input type="checkbox" checked={props.multi} onChange={(e) => props.onMulti((e.target as HTMLInputElement).checked)} /> several tags per image</label>
    </div>
  );
}

export function SuggestionsPanel(props: {
  all: readonly Suggestion[];
  shown: readonly Suggestion[];
  threshold: number;
  focused: string | null;
  editing: string | null;
  busy: boolean;
  nameOf: (label: number) => string;
  onThreshold: (t: number) => void;
  onFocus: (id: string) => void;
  onAccept: (id: string) => void;
  onReject: (id: string) => void;
  onEdit: (id: string) => void;
  onAcceptEdited: () => void;
  onCancelEdit: () => void;
  onAcceptAll: () => void;
  onRejectAll: () => void;
}) {
  return (
    <section class="suggestions" aria-labelledby="sugg-title">
      <h2 id="sugg-title">Model suggestions ({props.shown.length} of {props.all.length})</h2>
      <div class="field">
        <label for="sugg-threshold">Show at least {percent(props.threshold)} confidence</label>
        <input id="sugg-threshold" type="range" min={0} max={1} step={0.01} value={props.threshold}
               onInput={(e) => props.onThreshold(Number((e.target as HTMLInputElement).value))} />
      </div>
      {props.editing && (
        <div class="row">
          <button type="button" class="primary" disabled={props.busy} onClick={props.onAcceptEdited}>Accept edited</button>
          <button type="button" onClick={props.onCancelEdit}>Cancel edit</button>
        </div>
      )}
      <div class="row">
        <button type="button" disabled={props.busy || props.shown.length === 0} onClick={props.onAcceptAll}>Accept all shown</button>
        <button type="button" disabled={props.busy || props.shown.length === 0} onClick={props.onRejectAll}>Reject all shown</button>
      </div>
      <ol class="objects" aria-label="Suggestions">
        {props.shown.map((s) => (
          <li key={s.id} class={s.id === props.focused ? 'selected' : ''}>
            <button type="button" class="link" aria-pressed={s.id === props.focused} onClick={() => props.onFocus(s.id)}>
              {props.nameOf(s.annotation.label)} · {s.annotation.kind.replace('_', ' ')} <small>{percent(s.confidence)} · {s.model}</small>
            </button>
            <button type="button" class="link icon" disabled={props.busy} aria-label={`Accept suggestion ${props.nameOf(s.annotation.label)} ${percent(s.confidence)}`} onClick={() => props.onAccept(s.id)}>✓</button>
            <button type="button" class="link icon" disabled={props.busy} aria-label={`Edit suggestion ${props.nameOf(s.annotation.label)} ${percent(s.confidence)}`} onClick={() => props.onEdit(s.id)}>✎</button>
            <button type="button" class="link icon" disabled={props.busy} aria-label={`Reject suggestion ${props.nameOf(s.annotation.label)} ${percent(s.confidence)}`} onClick={() => props.onReject(s.id)}>✕</button>
          </li>
        ))}
      </ol>
    </section>
  );
}
