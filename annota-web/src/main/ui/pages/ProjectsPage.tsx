// The projects the user belongs to, and (admins) a form to create one with its first classes.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { ProjectSummary, User } from '../api/types';
import { navigate } from '../app/router';
import { ErrorBox, Link, Spinner } from '../app/ui';
import { nextColour } from '../lib/palette';

interface ClassRow {
  name: string;
  colour: string;
}

export function ProjectsPage({ user }: { user: User }) {
  const [projects, setProjects] = useState<ProjectSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.projects().then(setProjects, setError);
  }, []);
  return (
    <section class="page">
      <h1>Projects</h1>
      <ErrorBox error={error} />
      {projects === null && !error && <Spinner />}
      {projects && projects.length === 0 && (
        <p class="muted">{user.role === 'admin' ? 'No projects yet: create the first one below.' : 'You are not a member of any project yet.'}</p>
      )}
      {projects && projects.length > 0 && (
        <ul class="cards" aria-label="Your projects">
          {projects.map((p) => (
            <li key={p.id} class="card">
              <Link href={`/projects/${encodeURIComponent(p.id)}`}><strong>{p.name}</strong></Link>
              <span class="muted">updated {new Date(p.updated_at).toLocaleString()}</span>
            </li>
          ))}
        </ul>
      )}
      {user.role === 'admin' && <CreateProject />}
    </section>
  );
}

function CreateProject() {
  const [name, setName] = useState('');
  const [classes, setClasses] = useState<ClassRow[]>([{ name: '', colour: nextColour([]) }]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const update = (i: number, patch: Partial<ClassRow>) => setClasses(classes.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const rows = classes.filter((c) => c.name.trim() !== '');
      const p = await api.createProject(name.trim(), { classes: rows.map((c) => ({ name: c.name.trim(), colour: c.colour.toUpperCase() })) });
      navigate(`/projects/${encodeURIComponent(p.id)}/upload`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">New project</h2>
      <label>
        Project name
        <input name="project-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>Classes</legend>
        {classes.map((c, i) => (
          <div class="row" key={i}>
            <label>
              Class {i + 1} name
              <input name={`class-${i}`} value={c.name} onInput={(e) => update(i, { name: e.currentTarget.value })} />
            </label>
            <label>
              Colour
              <input type="color" name={`class-${i}-colour`} value={c.colour} onInput={(e) => update(i, { colour: e.currentTarget.value })} />
            </label>
            <button type="button" class="link" aria-label={`Remove class ${i + 1}`} disabled={classes.length === 1}
                    onClick={() => setClasses(classes.filter((_, j) => j !== i))}>Remove</button>
          </div>
        ))}
        <button type="button" onClick={() => setClasses([...classes, { name: '', colour: nextColour(classes.map((c) => c.colour)) }])}>
          Add class
        </button>
      </fieldset>
      <ErrorBox error={error} />
      <button type="submit" class="primary" disabled={busy}>{busy ? 'Creating…' : 'Create project'}</button>
    </form>
  );
}
