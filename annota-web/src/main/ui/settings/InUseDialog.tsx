// A schema change that touches existing annotations: say how many, and let the user choose what happens to them.
import { useState } from 'preact/hooks';
import type { InUse } from '../api/client';
import type { LabelClass } from '../api/types';
import { Dialog } from '../app/ui';

export interface Refusal {
  what: string;
  deleting: boolean;
  detail: string;
  annotations: number;
  images: number;
  retry: (choice: InUse) => Promise<void>;
}

export function InUseDialog(props: { refusal: Refusal; classes: LabelClass[]; onCancel: () => void }) {
  const r = props.refusal;
  const [choice, setChoice] = useState<'delete_annotations' | 'keep_annotations' | 'reassign_to'>(r.deleting ? 'reassign_to' : 'keep_annotations');
  const [target, setTarget] = useState<number>(props.classes[0]?.id ?? 0);
  const go = () => void r.retry(choice === 'reassign_to' ? { kind: 'reassign_to', classId: target } : { kind: choice });
  return (
    <Dialog open title="This change affects existing annotations" onClose={props.onCancel}>
      <p>{r.detail}</p>
      <p><strong>{r.annotations}</strong> annotation{r.annotations === 1 ? '' : 's'} on <strong>{r.images}</strong> image{r.images === 1 ? '' : 's'}. What should happen to them?</p>
      <fieldset>
        <legend>Existing annotations</legend>
        <label><input type="radio" name="on-use" checked={choice === 'reassign_to'} onChange={() => setChoice('reassign_to')} /> Move them to another class</label>
        {choice === 'reassign_to' && (
          <label class="indent">
            Class
            <select value={target} onChange={(e) => setTarget(Number(e.currentTarget.value))}>
              {props.classes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        )}
        {!r.deleting && (
          <label><input type="radio" name="on-use" checked={choice === 'keep_annotations'} onChange={() => setChoice('keep_annotations')} /> Keep them as they are</label>
        )}
        <label><input type="radio" name="on-use" checked={choice === 'delete_annotations'} onChange={() => setChoice('delete_annotations')} /> Delete them (history keeps the old versions)</label>
      </fieldset>
      <div class="row end">
        <button type="button" onClick={props.onCancel}>Cancel</button>
        <button type="button" class={choice === 'delete_annotations' ? 'danger' : 'primary'} onClick={go}>Apply</button>
      </div>
    </Dialog>
  );
}
