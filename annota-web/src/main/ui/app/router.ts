// Client-side routes: parsing a path into a route and back are pure functions (unit-tested); navigation uses
// the History API, and the server answers index.html for any of these paths.

export type ProjectTab = 'images' | 'upload' | 'review' | 'training' | 'quality' | 'settings';
export const PROJECT_TABS: readonly ProjectTab[] = ['images', 'upload', 'review', 'training', 'quality', 'settings'];

export type Route =
  | { name: 'projects' }
  | { name: 'project'; projectId: string; tab: ProjectTab }
  | { name: 'workspace'; projectId: string; imageId: string }
  | { name: 'reviewJob'; projectId: string; jobId: string }
  | { name: 'soon'; page: 'models' | 'training' | 'quality' }
  | { name: 'notFound'; path: string };

export function parseRoute(path: string): Route {
  const parts = path.split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'projects')) return { name: 'projects' };
  if (parts.length === 1 && (parts[0] === 'models' || parts[0] === 'training' || parts[0] === 'quality')) {
    return { name: 'soon', page: parts[0] };
  }
  if (parts[0] === 'projects' && parts.length >= 2) {
    const projectId = parts[1];
    if (parts.length === 2) return { name: 'project', projectId, tab: 'images' };
    if (parts.length === 3 && (PROJECT_TABS as readonly string[]).includes(parts[2])) {
      return { name: 'project', projectId, tab: parts[2] as ProjectTab };
    }
    if (parts.length === 4 && parts[2] === 'images') return { name: 'workspace', projectId, imageId: parts[3] };
    if (parts.length === 4 && parts[2] === 'review') return { name: 'reviewJob', projectId, jobId: parts[3] };
  }
  return { name: 'notFound', path };
}

export function routePath(r: Route): string {
  const e = encodeURIComponent;
  switch (r.name) {
    case 'projects':
      return '/projects';
    case 'project':
      return r.tab === 'images' ? `/projects/${e(r.projectId)}` : `/projects/${e(r.projectId)}/${r.tab}`;
    case 'workspace':
      return `/projects/${e(r.projectId)}/images/${e(r.imageId)}`;
    case 'reviewJob':
      return `/projects/${e(r.projectId)}/review/${e(r.jobId)}`;
    case 'soon':
      return `/${r.page}`;
    case 'notFound':
      return r.path;
  }
}

const listeners = new Set<() => void>();

export function navigate(path: string, replace = false): void {
  if (path === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((l) => l());
}

export function onNavigate(l: () => void): () => void {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
}

/** For <a href> clicks: navigates in the app unless the user asked for a new tab or window. */
export function linkClick(e: MouseEvent): void {
  const a = (e.currentTarget as HTMLAnchorElement);
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute('href') ?? '/');
}
