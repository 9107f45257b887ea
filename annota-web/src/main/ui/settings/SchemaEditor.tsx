// The label-schema editor: add, rename, recolour and delete classes, choose the kinds each allows, its
// attributes and skeleton. Every edit names the schema version it is based on; when a change would touch
// existing annotations the server refuses with counts, and the user chooses what happens to them.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type InUse } from '../api/client';
import type { LabelClass, LabelSchema, Project, SchemaResponse } from '../api/types';
import { ErrorBox, Spinner } from '../app/ui';
import { nextColour } from '../lib/palette';
import { ClassEditor } from './ClassEditor';
import { InUseDialog, type Refusal } from './InUseDialog';

export function SchemaEditor({ project, reload }: { project: Project; reload: () => Promise<unknown> }) {
  const [schema, setSchema] = useState<SchemaResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [newName, setNewName] = useState('');

  const load = () => api.schema(project.id).then(setSchema, setError);
  useEffect(() => void load(), [project.id]);

  /** Runs a schema edit; a refusal because of annotations in use opens the choice dialog. */
  const run = async (what: string, f: (version: number, onUse?: InUse) => Promise<{ schema_version: number; schema: LabelSchema; annotations_changed: number }>,
                     onUse?: InUse, deleting = false) => {
    if (!schema) return;
    setError(null);
    setStatus('');
    try {
      const r = await f(schema.schema_version, onUse);
      setSchema({ schema_version: r.schema_version, schema: r.schema });
      setStatus(`${what}${r.annotations_changed ? ` (${r.annotations_changed} annotations changed)` : ''}.`);
      setRefusal(null);
      void reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.problem.type === '/problems/change-refused') {
        setRefusal({
          what, deleting, detail: err.message, annotations: Number(err.problem.annotations ?? 0), images: Number(err.problem.images ?? 0),
          retry: (choice) => run(what, f, choice, deleting),
        });
      } else if (err instanceof ApiError && err.status === 409) {
        setError(new Error(`${err.message} — the schema was changed elsewhere; it has been reloaded, please check and repeat your change.`));
        await load();
      } else {
        setError(err);
      }
    }
  };

  if (!schema) return error ? <ErrorBox error={error} /> : <Spinner />;
  const classes = schema.schema.classes;
  return (
    <section class="panel" aria-labelledby="schema-title">
      <h2 id="schema-title">Label schema <span class="muted small">version {schema.schema_version}</span></h2>
      {classes.length === 0 && <p class="muted">No classes yet.</p>}
      <ul class="class-list">
        {classes.map((c) => (
          <li key={`${c.id}-${schema.schema_version}`}>
            <ClassEditor cls={c}
                         onSave={(patch) => run(`Saved ${patch.name ?? c.name}`, (v, onUse) => api.patchClass(project.id, c.id, v, patch, onUse))}
                         onDelete={() => run(`Deleted ${c.name}`, (v, onUse) => api.deleteClass(project.id, c.id, v, onUse), undefined, true)} />
          </li>
        ))}
      </ul>
      <form class="row" onSubmit={(e) => {
        e.preventDefault();
        const name = newName.trim();
        const colour = nextColour(classes.map((c) => c.colour));
        void run(`Added ${name}`, (v) => api.addClass(project.id, v, { name, colour } as Partial<LabelClass>)).then(() => setNewName(''));
      }}>
        <label>
          New class
          <input name="new-class" value={newName} onInput={(e) => setNewName(e.currentTarget.value)} required />
        </label>
        <button type="submit">Add class</button>
      </form>
      <ErrorBox error={error} />
      <p role="status" class="muted">{status}</p>
      {refusal && <InUseDialog refusal={refusal} classes={classes} onCancel={() => setRefusal(null)} />}
    </section>
  );
}
