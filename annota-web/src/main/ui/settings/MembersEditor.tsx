// Who works on the project, and in which role. Admins pick from every account; managers (who cannot list
// accounts) type a user id.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Member, Project, User } from '../api/types';
import { ErrorBox } from '../app/ui';

const ROLES = ['manager', 'annotator', 'reviewer'] as const;

export function MembersEditor({ project, user }: { project: Project; user: User }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [users, setUsers] = useState<User[] | null>(null);
  const [newUser, setNewUser] = useState('');
  const [newRole, setNewRole] = useState<string>('annotator');
  const [error, setError] = useState<unknown>(null);
  const load = () => api.members(project.id).then(setMembers, setError);
  useEffect(() => {
    void load();
    if (user.role === 'admin') api.users().then(setUsers, () => setUsers(null));
  }, [project.id]);
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const candidates = (users ?? []).filter((u) => !u.disabled && !members.some((m) => m.user_id === u.id));
  return (
    <section class="panel" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      <table class="table">
        <thead><tr><th scope="col">User</th><th scope="col">Role</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.user_id}>
              <td>{m.username}</td>
              <td>
                <select aria-label={`Role of ${m.username}`} value={m.role}
                        onChange={(e) => act(() => api.putMember(project.id, m.user_id, e.currentTarget.value))}>
                  {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                </select>
              </td>
              <td><button type="button" class="link" onClick={() => act(() => api.removeMember(project.id, m.user_id))}
                          aria-label={`Remove ${m.username}`}>Remove</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="row" onSubmit={(e) => { e.preventDefault(); void act(() => api.putMember(project.id, newUser.trim(), newRole)); setNewUser(''); }}>
        {users ? (
          <div class="field">
            <label for="member-user">Add user</label>
            <select id="member-user" value={newUser} onChange={(e) => setNewUser(e.currentTarget.value)} required>
              <option value="">choose…</option>
              {candidates.map((u) => <option key={u.id} value={u.id}>{u.username}</option>)}
            </select>
          </div>
        ) : (
          <label>
            Add user (id)
            <input value={newUser} onInput={(e) => setNewUser(e.currentTarget.value)} required />
          </label>
        )}
        <div class="field">
          <label for="member-role">Role</label>
          <select id="member-role" value={newRole} onChange={(e) => setNewRole(e.currentTarget.value)}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </div>
        <button type="submit" disabled={!newUser.trim()}>Add member</button>
      </form>
      <ErrorBox error={error} />
    </section>
  );
}
