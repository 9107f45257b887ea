// A minimal API client for the journeys' checks: signs in with the session cookie and speaks JSON.
export class Api {
  constructor(base, cookie) {
    this.base = base;
    this.cookie = cookie;
  }

  static async login(base, username, password) {
    const r = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
    });
    if (r.status !== 200) throw new Error(`login as ${username}: HTTP ${r.status} ${await r.text()}`);
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
    return new Api(base, cookie);
  }

  async call(method, path, body, query) {
    const q = query ? `?${new URLSearchParams(query)}` : '';
    const r = await fetch(`${this.base}/api/v1${path}${q}`, {
      method,
      headers: { Cookie: this.cookie, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** Uploads files (paths) to a project as multipart/form-data; returns the import report. */
  async upload(projectId, paths) {
    const { readFile } = await import('node:fs/promises');
    const { basename } = await import('node:path');
    const form = new FormData();
    for (const p of paths) form.append('file', new Blob([await readFile(p)]), basename(p));
    const r = await fetch(`${this.base}/api/v1/projects/${projectId}/images`, { method: 'POST', headers: { Cookie: this.cookie }, body: form });
    const text = await r.text();
    if (!r.ok) throw new Error(`upload: HTTP ${r.status} ${text}`);
    return JSON.parse(text);
  }

  get(path, query) {
    return this.call('GET', path, undefined, query);
  }

  post(path, body) {
    return this.call('POST', path, body);
  }

  put(path, body) {
    return this.call('PUT', path, body);
  }
}
