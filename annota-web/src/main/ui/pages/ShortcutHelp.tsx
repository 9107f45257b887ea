import { Dialog } from '../app/ui';

export const WORKSPACE_SHORTCUTS: [string, string][] = [
  ['B', 'Box tool'],
  ['V', 'Select tool (drag an object to move it; drag empty space to pan)'],
  ['1 – 9', 'Choose the class (and change the selected object to it)'],
  ['Delete / Backspace', 'Delete the selected object'],
  ['Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y)', 'Undo / redo'],
  ['Wheel', 'Zoom at the cursor'],
  ['Space + drag, middle-button drag', 'Pan'],
  ['F', 'Fit the image'],
  ['+ / − / 0', 'Zoom in / out / 100 %'],
  ['Esc', 'Deselect'],
  ['?', 'This help'],
];

export function ShortcutHelp(props: { shortcuts: [string, string][]; onClose: () => void }) {
  return (
    <Dialog open title="Keyboard shortcuts" onClose={props.onClose}>
      <table class="table">
        <tbody>
          {props.shortcuts.map(([k, what]) => <tr key={k}><th scope="row"><kbd>{k}</kbd></th><td>{what}</td></tr>)}
        </tbody>
      </table>
      <div class="row end"><button type="button" class="primary" onClick={props.onClose}>Close</button></div>
    </Dialog>
  );
}
