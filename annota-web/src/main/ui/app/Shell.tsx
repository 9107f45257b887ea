// The frame of every page: a skip link, the navigation (with room for the model, training and quality pages that
// come later), the account, and the state of the outbox so the user always knows whether their work is saved.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { User } from '../api/types';
import { currentOutbox, summarise, type OutboxSummary } from '../sync/session';
import type { Route } from './router';
import { Link } from './ui';

export function Shell(props: { user: User; route: Route; onSignOut: () => void; children: ComponentChildren }) {
  const section = props.route.name === 'soon' ? props.route.page : 'projects';
  return (
    <div class="app">
      <a class="skip" href="#main">Skip to content</a>
      <header class="topbar">
        <Link href="/projects" class="brand" aria-label="Annota — projects">Annota</Link>
        <nav aria-label="Main">
          <ul>
            <li><Link href="/projects" aria-current={section === 'projects' ? 'page' : undefined}>Projects</Link></li>
            {(['models', 'training', 'quality'] as const).map((p) => (
              <li key={p}>
                <span class="nav-soon" aria-disabled="true" title="Coming soon">
                  {p[0].toUpperCase() + p.slice(1)} <small>soon</small>
                </span>
              </li>
            ))}
          </ul>
        </nav>
        <SaveStatus />
        <div class="account">
          <span aria-label="Signed in as">{props.user.username}</span>
          <button type="button" class="link" onClick={props.onSignOut}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{props.children}</main>
    </div>
  );
}

function SaveStatus() {
  const [s, setS] = useState<OutboxSummary>({ pending: 0, conflicts: 0, rejected: 0 });
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const outbox = currentOutbox();
    if (!outbox) return;
    const refresh = () => void outbox.entries().then((e) => setS(summarise(e)));
    refresh();
    const off = outbox.subscribe(refresh);
    const on = () => setOnline(navigator.onLine);
    window.addEventListener('online', on);
    window.addEventListener('offline', on);
    return () => {
      off();
      window.removeEventListener('online', on);
      window.removeEventListener('offline', on);
    };
  }, []);
  let text = 'All changes saved';
  let cls = 'ok';
  if (s.conflicts + s.rejected > 0) {
    text = `${s.conflicts + s.rejected} image${s.conflicts + s.rejected > 1 ? 's need' : ' needs'} your decision`;
    cls = 'bad';
  } else if (s.pending > 0) {
    text = `${s.pending} image${s.pending > 1 ? 's' : ''} waiting to save${online ? '' : ' (offline)'}`;
    cls = 'warn';
  } else if (!online) {
    text = 'Offline — changes will be kept';
    cls = 'warn';
  }
  return <p class={`save-status ${cls}`} role="status" aria-live="polite" data-testid="save-status">{text}</p>;
}
