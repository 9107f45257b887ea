// The image viewer: a <canvas> that shows an image with its annotations, zooms to the cursor with the wheel,
// pans by dragging (middle button, Space + drag, or empty space with the select tool) and hosts the tools.
// Geometry lives in plain modules (viewport, boxTool, transform); this component only wires events to them.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../api/types';
import { beginBox, dragBox, finishBox, type BoxDrag } from '../editor/boxTool';
import { limitMove, translate } from '../editor/transform';
import { pick } from '../geometry/shapes';
import { fit, IDENTITY, pan, rectFromCorners, toImage, wheelFactor, zoomAt, type Point, type Viewport } from '../geometry/viewport';
import { render, type FrameStats } from './renderer';

export type Tool = 'select' | 'box';

export interface ViewController {
  fit(): void;
  zoom(factor: number): void;
  actualSize(): void;
  viewport(): Viewport;
  lastFrame(): FrameStats | undefined;
}

export interface CanvasViewProps {
  src: string;
  imageWidth: number;
  imageHeight: number;
  annotations: readonly Annotation[];
  colourOf: (label: number) => string;
  selected: number;
  hidden?: ReadonlySet<number>;
  tool: Tool;
  draftColour?: string;
  readOnly?: boolean;
  dimmed?: boolean;
  label: string;
  onPick?: (index: number) => void;
  onBox?: (box: [number, number, number, number]) => void;
  onMove?: (index: number, dx: number, dy: number) => void;
  controller?: (c: ViewController) => void;
}

type Drag =
  | { kind: 'pan'; last: Point }
  | { kind: 'box'; drag: BoxDrag }
  | { kind: 'move'; index: number; start: Point; dx: number; dy: number };

export function CanvasView(props: CanvasViewProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const imageRef = useRef<HTMLImageElement | null>(null);
  imageRef.current = image;
  const [loadError, setLoadError] = useState<string | null>(null);
  const vp = useRef<Viewport>(IDENTITY);
  const size = useRef({ w: 0, h: 0 });
  const drag = useRef<Drag | null>(null);
  const space = useRef(false);
  const frame = useRef(0);
  const stats = useRef<FrameStats>();
  const fitted = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  const draw = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const c = canvas.current;
      const ctx = c?.getContext('2d');
      if (!c || !ctx) return;
      const p = latest.current;
      const d = drag.current;
      let list = p.annotations;
      if (d?.kind === 'move' && (d.dx || d.dy)) {
        list = list.slice();
        (list as Annotation[])[d.index] = translate(list[d.index], d.dx, d.dy);
      }
      stats.current = render(ctx, {
        viewport: vp.current, width: size.current.w, height: size.current.h, image: imageRef.current,
        imageWidth: p.imageWidth, imageHeight: p.imageHeight, annotations: list, colourOf: p.colourOf,
        selected: p.selected, hidden: p.hidden, dimmed: p.dimmed,
        draft: d?.kind === 'box' ? rectFromCorners(d.drag.start, d.drag.current) : null, draftColour: p.draftColour,
      });
    });
  };

  const doFit = () => {
    vp.current = fit(latest.current.imageWidth, latest.current.imageHeight, size.current.w, size.current.h);
    draw();
  };

  useEffect(() => {
    props.controller?.({
      fit: doFit,
      zoom: (f) => {
        vp.current = zoomAt(vp.current, { x: size.current.w / 2, y: size.current.h / 2 }, f);
        draw();
      },
      actualSize: () => {
        vp.current = zoomAt(vp.current, { x: size.current.w / 2, y: size.current.h / 2 }, 1 / vp.current.scale);
        draw();
      },
      viewport: () => vp.current,
      lastFrame: () => stats.current,
    });
  });

  useEffect(() => {
    let cancelled = false;
    const img = new Image();
    img.decoding = 'async';
    img.src = props.src;
    img.decode().then(() => !cancelled && setImage(img), () => !cancelled && setLoadError(`the image ${props.src} could not be loaded`));
    return () => {
      cancelled = true;
    };
  }, [props.src]);

  useEffect(draw);

  useEffect(() => {
    const el = wrap.current;
    const c = canvas.current;
    if (!el || !c) return;
    const ro = new ResizeObserver(() => {
      const r = el.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      if (fitted.current) vp.current = pan(vp.current, (r.width - size.current.w) / 2, (r.height - size.current.h) / 2);
      size.current = { w: r.width, h: r.height };
      c.width = Math.max(1, Math.round(r.width * dpr));
      c.height = Math.max(1, Math.round(r.height * dpr));
      c.style.width = `${r.width}px`;
      c.style.height = `${r.height}px`;
      if (!fitted.current && r.width > 0) {
        fitted.current = true;
        doFit();
      }
      draw();
    });
    ro.observe(el);
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = c.getBoundingClientRect();
      vp.current = zoomAt(vp.current, { x: e.clientX - r.left, y: e.clientY - r.top }, wheelFactor(e.deltaY, e.deltaMode));
      draw();
    };
    c.addEventListener('wheel', wheel, { passive: false });
    const key = (e: KeyboardEvent) => {
      if (e.code === 'Space' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
        space.current = e.type === 'keydown';
      }
    };
    window.addEventListener('keydown', key);
    window.addEventListener('keyup', key);
    return () => {
      ro.disconnect();
      c.removeEventListener('wheel', wheel);
      window.removeEventListener('keydown', key);
      window.removeEventListener('keyup', key);
    };
  }, []);

  const local = (e: PointerEvent): Point => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const down = (e: PointerEvent) => {
    const p = local(e);
    const at = toImage(vp.current, p);
    canvas.current!.setPointerCapture(e.pointerId);
    canvas.current!.focus();
    if (e.button === 1 || space.current || (e.button === 0 && props.readOnly)) {
      drag.current = { kind: 'pan', last: p };
    } else if (e.button !== 0) {
      return;
    } else if (props.tool === 'box') {
      drag.current = { kind: 'box', drag: beginBox(at) };
    } else {
      const i = pick(props.annotations, at, 6 / vp.current.scale);
      props.onPick?.(i);
      drag.current = i >= 0 ? { kind: 'move', index: i, start: at, dx: 0, dy: 0 } : { kind: 'pan', last: p };
    }
    e.preventDefault();
  };

  const move = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const p = local(e);
    if (d.kind === 'pan') {
      vp.current = pan(vp.current, p.x - d.last.x, p.y - d.last.y);
      d.last = p;
    } else if (d.kind === 'box') {
      d.drag = dragBox(d.drag, toImage(vp.current, p));
    } else {
      const at = toImage(vp.current, p);
      [d.dx, d.dy] = limitMove(props.annotations[d.index], at.x - d.start.x, at.y - d.start.y, props.imageWidth, props.imageHeight);
    }
    draw();
  };

  const up = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (canvas.current?.hasPointerCapture(e.pointerId)) canvas.current.releasePointerCapture(e.pointerId);
    if (!d) return;
    if (d.kind === 'box') {
      const box = finishBox(dragBox(d.drag, toImage(vp.current, local(e))), props.imageWidth, props.imageHeight, 3 / vp.current.scale);
      if (box) props.onBox?.(box);
    } else if (d.kind === 'move' && (Math.abs(d.dx) > 0.01 || Math.abs(d.dy) > 0.01)) {
      props.onMove?.(d.index, d.dx, d.dy);
    }
    draw();
  };

  return (
    <div class={`canvas-wrap tool-${props.readOnly ? 'pan' : props.tool}`} ref={wrap}>
      <canvas ref={canvas} tabIndex={0} role="img" aria-label={props.label} data-testid="annotation-canvas"
              onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up}
              onContextMenu={(e) => e.preventDefault()} />
      {!image && !loadError && <p class="canvas-msg" role="status">Loading image…</p>}
      {loadError && <p class="canvas-msg error" role="alert">{loadError}</p>}
    </div>
  );
}
