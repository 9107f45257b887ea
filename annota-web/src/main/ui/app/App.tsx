// The application: who is signed in, which route is shown, and the shell around it.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { User } from '../api/types';
import { closeOutbox, outboxFor } from '../sync/session';
import { onNavigate, parseRoute, type Route } from './router';
import { Shell } from './Shell';
import { Spinner } from './ui';
import { SignIn } from '../pages/SignIn';
import { ProjectsPage } from '../pages/ProjectsPage';
import { ProjectPage } from '../pages/ProjectPage';
import { WorkspacePage } from '../pages/WorkspacePage';
import { ReviewJobPage } from '../pages/ReviewJobPage';
import { ComingSoon, NotFound } from '../pages/Placeholders';

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  const [ready, setReady] = useState(false);

  useEffect(() => onNavigate(() => setRoute(parseRoute(location.pathname))), []);
  useEffect(() => {
    api.me().then(setUser, (err) => {
      if (!(err instanceof ApiError && err.status === 401)) console.warn('could not ask who is signed in', err);
      setUser(null);
    });
  }, []);
  useEffect(() => {
    if (!user) return;
    setReady(false);
    void outboxFor(user.id).then(() => setReady(true));
  }, [user?.id]);

  useEffect(() => {
    document.title = titleOf(route);
  }, [route]);

  if (user === undefined) return <Spinner />;
  if (user === null) return <SignIn onSignedIn={setUser} />;
  if (!ready) return <Spinner label="Opening your saved work…" />;

  const signOut = async () => {
    try {
      await api.logout();
    } finally {
      closeOutbox();
      setUser(null);
    }
  };
  return (
    <Shell user={user} route={route} onSignOut={signOut}>
      {page(route, user)}
    </Shell>
  );
}

function page(route: Route, user: User) {
  switch (route.name) {
    case 'projects':
      return <ProjectsPage user={user} />;
    case 'project':
      return <ProjectPage key={route.projectId} user={user} projectId={route.projectId} tab={route.tab} />;
    case 'workspace':
      return <WorkspacePage key={route.imageId} user={user} projectId={route.projectId} imageId={route.imageId} />;
    case 'reviewJob':
      return <ReviewJobPage key={route.jobId} projectId={route.projectId} jobId={route.jobId} />;
    case 'soon':
      return <ComingSoon page={route.page} />;
    case 'notFound':
      return <NotFound path={route.path} />;
  }
}

function titleOf(r: Route): string {
  const base = 'Annota';
  switch (r.name) {
    case 'projects':
      return `Projects · ${base}`;
    case 'project':
      return `${r.tab[0].toUpperCase()}${r.tab.slice(1)} · ${base}`;
    case 'workspace':
      return `Annotate · ${base}`;
    case 'reviewJob':
      return `Review · ${base}`;
    case 'soon':
      return `${r.page[0].toUpperCase()}${r.page.slice(1)} · ${base}`;
    default:
      return base;
  }
}
