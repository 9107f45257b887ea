// A thin, typed client for /api/v1. Every non-2xx answer becomes an ApiError carrying the problem JSON, so
// screens show the server's own words ("detail" and per-field errors) instead of a generic failure.
import type {
  AnnotationSet, Annotation, Comment, ImagePage, ImageInfo, ImportReport, Job, JobPage, Member, Problem, Project,
  ProjectSummary, SchemaChange, SchemaResponse, User, LabelClass,
} from './types';

export const API = '/api/v1';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

/** A failure to reach the server at all (offline, DNS, connection refused): retry later. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(`the server cannot be reached (${cause instanceof Error ? cause.message : String(cause)})`);
    this.name = 'NetworkError';
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  let res: Response;
  try {
    res = await fetch(API + withQuery(path, query), {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const p = (json && typeof json === 'object' ? json : {}) as Problem;
    throw new ApiError({ ...p, status: res.status, detail: p.detail ?? (text || res.statusText) });
  }
  return json as T;
}

export const api = {
  login: (username: string, password: string) =>
    request<{ user: User; expires_at: string }>('POST', '/auth/login', { username, password }),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<User>('GET', '/auth/me'),
  users: () => request<User[]>('GET', '/users'),

  projects: () => request<ProjectSummary[]>('GET', '/projects'),
  project: (id: string) => request<Project>('GET', `/projects/${enc(id)}`),
  createProject: (name: string, schema: { classes: Partial<LabelClass>[] }, guidelines = '') =>
    request<Project>('POST', '/projects', { name, guidelines, schema }),
  patchProject: (id: string, patch: { name?: string; guidelines?: string }) =>
    request<Project>('PATCH', `/projects/${enc(id)}`, patch),

  schema: (projectId: string) => request<SchemaResponse>('GET', `/projects/${enc(projectId)}/schema`),
  addClass: (projectId: string, schemaVersion: number, cls: Partial<LabelClass>) =>
    request<SchemaChange>('POST', `/projects/${enc(projectId)}/schema/classes`, { schema_version: schemaVersion, ...cls }),
  patchClass: (projectId: string, classId: number, schemaVersion: number, patch: Partial<LabelClass>, onUse?: InUse) =>
    request<SchemaChange>('PATCH', `/projects/${enc(projectId)}/schema/classes/${classId}`, {
      schema_version: schemaVersion, ...patch, ...(onUse ? inUseBody(onUse) : {}),
    }),
  deleteClass: (projectId: string, classId: number, schemaVersion: number, onUse?: InUse) =>
    request<SchemaChange>('DELETE', `/projects/${enc(projectId)}/schema/classes/${classId}`, undefined, {
      schema_version: schemaVersion, ...(onUse ? inUseBody(onUse) : {}),
    }),

  members: (projectId: string) => request<Member[]>('GET', `/projects/${enc(projectId)}/members`),
  putMember: (projectId: string, userId: string, role: string) =>
    request<Member>('PUT', `/projects/${enc(projectId)}/members/${enc(userId)}`, { role }),
  removeMember: (projectId: string, userId: string) =>
    request<void>('DELETE', `/projects/${enc(projectId)}/members/${enc(userId)}`),

  images: (projectId: string, query: Query) => request<ImagePage>('GET', `/projects/${enc(projectId)}/images`, undefined, query),
  image: (imageId: string) => request<ImageInfo>('GET', `/images/${enc(imageId)}`),
  annotations: (imageId: string) => request<AnnotationSet>('GET', `/images/${enc(imageId)}/annotations`),
  saveAnnotations: (imageId: string, version: number, annotations: Annotation[]) =>
    request<AnnotationSet>('PUT', `/images/${enc(imageId)}/annotations`, { version, annotations }),

  ensureTasks: (projectId: string, imageIds: string[], overlap = 1) =>
    request<{ created: number; already_present: number }>('POST', `/projects/${enc(projectId)}/workflow/tasks`, { image_ids: imageIds, overlap }),
  assign: (projectId: string, imageIds: string[], users: string[]) =>
    request<{ assigned: { job_id: string; user_id: string }[]; skipped: number; left_open: number }>(
      'POST', `/projects/${enc(projectId)}/workflow/assign`, { image_ids: imageIds, users }),
  jobs: (projectId: string, query: Query) => request<JobPage>('GET', `/projects/${enc(projectId)}/jobs`, undefined, query),
  job: (jobId: string) => request<Job>('GET', `/jobs/${enc(jobId)}`),
  submitJob: (jobId: string) => request<Job>('POST', `/jobs/${enc(jobId)}/submit`),
  acceptJob: (jobId: string, text?: string) =>
    request<Job>('POST', `/jobs/${enc(jobId)}/accept`, text ? { text } : undefined),
  rejectJob: (jobId: string, text: string) => request<Job>('POST', `/jobs/${enc(jobId)}/reject`, { text }),
  comments: (jobId: string) => request<Comment[]>('GET', `/jobs/${enc(jobId)}/comments`),
  jobAnnotations: (jobId: string) => request<AnnotationSet>('GET', `/jobs/${enc(jobId)}/annotations`),
};

/** What to do with annotations that a schema change touches. */
export type InUse =
  | { kind: 'delete_annotations' }
  | { kind: 'keep_annotations' }
  | { kind: 'reassign_to'; classId: number };

function inUseBody(c: InUse): Record<string, string | number> {
  return c.kind === 'reassign_to' ? { on_use: 'reassign_to', reassign_to: c.classId } : { on_use: c.kind };
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

/** Uploads files as one multipart request, reporting bytes sent; XHR because fetch has no upload progress. */
export function uploadImages(projectId: string, files: File[], split: string | undefined,
                             onProgress: (sent: number, total: number) => void): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (split) form.append('split', split);
    for (const f of files) form.append('file', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API}/projects/${enc(projectId)}/images`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total);
    xhr.onerror = () => reject(new NetworkError('upload interrupted'));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as ImportReport);
      else reject(new ApiError({ ...(json as Problem), status: xhr.status }));
    };
    xhr.send(form);
  });
}
