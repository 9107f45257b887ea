// Project settings: the label schema, the guidelines and the members.
import type { Project, User } from '../api/types';
import { SchemaEditor } from './SchemaEditor';
import { GuidelinesEditor } from './GuidelinesEditor';
import { MembersEditor } from './MembersEditor';

export function SettingsTab(props: { project: Project; user: User; onChanged: (p: Project) => void; reload: () => Promise<unknown> }) {
  return (
    <div class="settings">
      <SchemaEditor project={props.project} reload={props.reload} />
      <GuidelinesEditor project={props.project} onChanged={props.onChanged} />
      <MembersEditor project={props.project} user={props.user} />
    </div>
  );
}
