import { Dialog } from '../app/ui';

export const WORKSPACE_SHORTCUTS: [string, string][] = [
  ['V', 'Select tool: drag an object to move it, its handles to resize, rotate or move a vertex; drag empty space to pan'],
  ['Shift+click on an edge / Alt+click on a vertex', 'Insert a vertex (polygons, polylines) / delete it (a keypoint becomes unlabelled)'],
  ['T', 'Tag tool: 1–9 tag the image (one tag, or several when "several tags per image" is on)'],
  ['B · R · O', 'Box · rotated box · ellipse (drag)'],
  ['P · L · D', 'Polygon · polyline · points (click; Enter or double-click finishes, Backspace removes the last point, Esc cancels)'],
  ['K', 'Keypoints: click the skeleton points in order; N skips one (unlabelled)'],
  ['W', 'Keypoints: the last touched point visible ↔ occluded'],
  ['M · E', 'Brush · eraser (masks; erase from the selected mask); [ and ] change the radius'],
  ['C', 'Cuboid (drag the front face, then move the back face vertices)'],
  ['1 – 9', 'Choose the class of the tool (with Select: change the selected object\'s class)'],
  ['Delete / Backspace', 'Delete the selected object'],
  ['PageUp / PageDown', 'Bring the selected object to the front / send it to the back'],
  ['h / Shift+H', 'Hide the selected object / show every object'],
  ['Shift+L', 'Lock or unlock the selected object (no moves or edits)'],
  ['Ctrl+C / Ctrl+V', 'Copy the selected object / paste it'],
  ['Ctrl+Shift+V', 'Paste every object of the previous image'],
  ['Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y)', 'Undo / redo'],
  [', / .', 'Previous / next image of the listing'],
  ['Wheel', 'Zoom at the cursor'],
  ['Space + drag, middle-button drag', 'Pan'],
  ['F', 'Fit the image'],
  ['+ / − / 0', 'Zoom in / out / 100 %'],
  ['Esc', 'Cancel the shape being drawn, or deselect'],
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
