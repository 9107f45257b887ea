import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { User } from '../api/types';
import { ErrorBox } from '../app/ui';

export function SignIn({ onSignedIn }: { onSignedIn: (u: User) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(username.trim(), password);
      onSignedIn(r.user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="signin" id="main">
      <form onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Annota</h1>
        <label>
          Username
          <input name="username" autocomplete="username" required value={username}
                 onInput={(e) => setUsername(e.currentTarget.value)} autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete="current-password" required value={password}
                 onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error} />
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
