// The image viewer: a <canvas> that shows an image (or, for a large one, the tiles of its pyramid that the view
// needs) with its annotations, zooms to the cursor with the wheel, pans by dragging (middle button, Space + drag,
// or empty space with the select tool) and hosts every tool. Geometry lives in plain modules (viewport,
// drawTools, handles, mask, transform, tiles); this component only turns pointer events into their calls.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, Skeleton } from '../api/types';
import {
  addClick, beginClicks, finishClicks, isDragTool, keypointsComplete, shapeFromDrag, skipKeypoint, undoClick,
  type ClickDraft, type ToolKind,
} from '../editor/drawTools';
import { deleteVertex, dragHandle, edgeAt, handleAt, handlesOf, insertVertex, type Handle } from '../editor/handles';
import { insideImage } from '../editor/ops';
import { limitMove, translate } from '../editor/transform';
import { pickIndexed } from '../geometry/pick';
import { fit, IDENTITY, pan, toImage, wheelFactor, zoomAt, type Point, type Viewport } from '../geometry/viewport';
import { indexOf, render, type Draft, type FrameStats, type SuggestionMark, type TileImage } from './renderer';
import { levelFor, visibleTiles, type TileInfo } from './tiles';

export type Tool = ToolKind;

export interface ViewController {
  fit(): void;
  zoom(factor: number): void;
  actualSize(): void;
  viewport(): Viewport;
  setViewport(v: Viewport): void;
  lastFrame(): FrameStats | undefined;
  /** Handles a key while a click-drawn shape is in progress (Enter, Escape, Backspace, N); true when used. */
  draftKey(key: string): boolean;
  /** The vertex last touched on the selected object (for keypoint visibility), or undefined. */
  activeVertex(): Handle | undefined;
  /** Resolves when the first tiles (or the image) have been drawn. */
  firstPaint(): Promise<number>;
}

export interface CanvasViewProps {
  src: string;
  tiles?: TileInfo | null;
  imageWidth: number;
  imageHeight: number;
  annotations: readonly Annotation[];
  colourOf: (label: number) => string;
  skeletonOf?: (label: number) => Skeleton | null | undefined;
  selected: number;
  isHidden?: (index: number) => boolean;
  isLocked?: (index: number) => boolean;
  tool: Tool;
  /** The class that drawing tools use, or null when none may be drawn. */
  drawLabel?: number | null;
  brushRadius?: number;
  suggestions?: readonly SuggestionMark[];
  readOnly?: boolean;
  dimmed?: boolean;
  label: string;
  onPick?: (index: number) => void;
  onCreate?: (a: Annotation, what: string) => void;
  onReplace?: (index: number, a: Annotation, what: string) => void;
  onDelete?: (index: number) => void;
  onStroke?: (points: Point[], radius: number, erase: boolean) => void;
  onDraft?: (d: ClickDraft | null) => void;
  onNotice?: (text: string) => void;
  controller?: (c: ViewController) => void;
}

type Drag =
  | { kind: 'pan'; last: Point }
  | { kind: 'rect'; start: Point; current: Point }
  | { kind: 'move'; index: number; start: Point; dx: number; dy: number }
  | { kind: 'handle'; index: number; handle: Handle; base: Annotation; current: Annotation; inserted: boolean }
  | { kind: 'stroke'; points: Point[]; erase: boolean };

/** Screen pixels within which a handle or a line is hit. */
const HIT_PX = 7;

export function CanvasView(props: CanvasViewProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const imageRef = useRef<HTMLImageElement | null>(null);
  imageRef.current = image;
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tilesShown, setTilesShown] = useState(false);
  const vp = useRef<Viewport>(IDENTITY);
  const size = useRef({ w: 0, h: 0 });
  const drag = useRef<Drag | null>(null);
  const clicks = useRef<ClickDraft | null>(null);
  const cursor = useRef<Point | null>(null);
  const active = useRef<Handle | undefined>();
  const space = useRef(false);
  const frame = useRef(0);
  const stats = useRef<FrameStats>();
  const fitted = useRef(false);
  const tileCache = useRef(new Map<string, HTMLImageElement | 'loading' | 'failed'>());
  const painted = useRef<{ at?: number; waiters: ((t: number) => void)[] }>({ waiters: [] });
  const latest = useRef(props);
  latest.current = props;

  const markPainted = () => {
    if (painted.current.at !== undefined) return;
    painted.current.at = performance.now();
    for (const w of painted.current.waiters) w(painted.current.at);
    painted.current.waiters = [];
  };

  /** The loaded tiles to draw for this view (coarsest first), and loads of the missing ones started. */
  const tilesFor = (): TileImage[] => {
    const info = latest.current.tiles;
    if (!info) return [];
    const dpr = window.devicePixelRatio || 1;
    const want = levelFor(info, vp.current.scale, dpr);
    const out: TileImage[] = [];
    for (let level = info.levels - 1; level >= want; level--) {
      for (const t of visibleTiles(info, level, vp.current, size.current.w, size.current.h)) {
        const c = tileCache.current.get(t.url);
        if (c instanceof HTMLImageElement) out.push({ image: c, rect: t.rect });
        else if (c === undefined && (level === want || level === info.levels - 1)) {
          tileCache.current.set(t.url, 'loading');
          const img = new Image();
          img.decoding = 'async';
          img.src = t.url;
          img.decode().then(() => {
            tileCache.current.set(t.url, img);
            draw();
          }, () => tileCache.current.set(t.url, 'failed'));
        }
      }
    }
    return out;
  };

  const draftOf = (p: CanvasViewProps, d: Drag | null): Draft | null => {
    const colour = (p.drawLabel ?? null) !== null ? p.colourOf(p.drawLabel!) : '#E69F00';
    if (d?.kind === 'rect' && (p.drawLabel ?? null) !== null) {
      return { annotation: shapeFromDrag(p.tool, p.drawLabel!, d.start, d.current, p.imageWidth, p.imageHeight, 0.01), colour };
    }
    if (d?.kind === 'stroke') return { stroke: { points: d.points, radius: p.brushRadius ?? 10, erase: d.erase }, colour };
    const c = clicks.current;
    if (c) {
      const placed = c.points.filter((q) => q.v > 0);
      return { points: placed, cursor: c.tool === 'polygon' || c.tool === 'polyline' ? cursor.current : null, closed: false, colour };
    }
    if ((p.tool === 'brush' || p.tool === 'eraser') && cursor.current) {
      return { stroke: { points: [cursor.current], radius: p.brushRadius ?? 10, erase: p.tool === 'eraser' }, colour };
    }
    return null;
  };

  const draw = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const c = canvas.current;
      const ctx = c?.getContext('2d');
      if (!c || !ctx) return;
      const p = latest.current;
      const d = drag.current;
      const list = p.annotations;
      let overlay: { index: number; annotation: Annotation } | null = null;
      if (d?.kind === 'move' && (d.dx || d.dy)) overlay = { index: d.index, annotation: translate(list[d.index], d.dx, d.dy) };
      else if (d?.kind === 'handle') overlay = { index: d.index, annotation: d.current };
      const tiles = tilesFor();
      const sel = p.selected >= 0 && p.selected < list.length && !p.readOnly && !p.isLocked?.(p.selected)
        ? (overlay?.index === p.selected ? overlay.annotation : list[p.selected]) : undefined;
      stats.current = render(ctx, {
        viewport: vp.current, width: size.current.w, height: size.current.h,
        image: p.tiles ? null : imageRef.current, tiles,
        imageWidth: p.imageWidth, imageHeight: p.imageHeight, annotations: list, colourOf: p.colourOf, skeletonOf: p.skeletonOf,
        selected: p.selected, isHidden: p.isHidden, dimmed: p.dimmed, suggestions: p.suggestions,
        handles: sel && p.tool === 'select' ? handlesOf(sel, 24 / vp.current.scale) : undefined,
        draft: draftOf(p, d), overlay,
      });
      if ((p.tiles ? tiles.length > 0 : imageRef.current) && painted.current.at === undefined) markPainted();
      if (p.tiles && tiles.length > 0 && !tilesShown) setTilesShown(true);
    });
  };

  const doFit = () => {
    vp.current = fit(latest.current.imageWidth, latest.current.imageHeight, size.current.w, size.current.h);
    draw();
  };

  const setDraft = (d: ClickDraft | null) => {
    clicks.current = d;
    latest.current.onDraft?.(d);
    draw();
  };

  const finishDraft = () => {
    const d = clicks.current;
    if (!d) return;
    const p = latest.current;
    const a = finishClicks(d, p.skeletonOf?.(d.label));
    setDraft(null);
    if (a) p.onCreate?.(a, `Draw ${a.kind.replace('_', ' ')}`);
    else p.onNotice?.(`A ${d.tool} needs at least ${d.tool === 'polygon' ? 3 : d.tool === 'polyline' ? 2 : 1} points`);
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
      setViewport: (v) => {
        vp.current = v;
        draw();
      },
      lastFrame: () => stats.current,
      draftKey: (key) => {
        const d = clicks.current;
        if (!d) return false;
        if (key === 'Enter') finishDraft();
        else if (key === 'Escape') setDraft(null);
        else if (key === 'Backspace') setDraft(d.points.length > 1 ? undoClick(d) : null);
        else if ((key === 'n' || key === 'N') && d.tool === 'keypoints') {
          const next = skipKeypoint(d);
          if (keypointsComplete(next, latest.current.skeletonOf?.(d.label))) {
            clicks.current = next;
            finishDraft();
          } else setDraft(next);
        } else return false;
        return true;
      },
      activeVertex: () => active.current,
      firstPaint: () => new Promise<number>((resolve) => {
        if (painted.current.at !== undefined) resolve(painted.current.at);
        else painted.current.waiters.push(resolve);
      }),
    });
  });

  // a tool change drops a half-drawn shape
  useEffect(() => {
    if (clicks.current && clicks.current.tool !== props.tool) setDraft(null);
    draw();
  }, [props.tool]);

  useEffect(() => {
    if (props.tiles) return; // large images come as tiles
    let cancelled = false;
    const img = new Image();
    img.decoding = 'async';
    img.src = props.src;
    img.decode().then(() => !cancelled && setImage(img), () => !cancelled && setLoadError(`the image ${props.src} could not be loaded`));
    return () => {
      cancelled = true;
    };
  }, [props.src, props.tiles]);

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

  const local = (e: PointerEvent | MouseEvent): Point => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const down = (e: PointerEvent) => {
    const p = local(e);
    const at = toImage(vp.current, p);
    const tol = HIT_PX / vp.current.scale;
    const P = props;
    canvas.current!.setPointerCapture(e.pointerId);
    canvas.current!.focus();
    e.preventDefault();
    if (e.button === 1 || space.current || (e.button === 0 && P.readOnly)) {
      drag.current = { kind: 'pan', last: p };
      return;
    }
    if (e.button !== 0) return;
    if (P.tool === 'select' || P.tool === 'tag') {
      const sel = P.selected >= 0 && P.selected < P.annotations.length ? P.annotations[P.selected] : undefined;
      if (sel && !P.isLocked?.(P.selected) && P.tool === 'select') {
        const h = handleAt(sel, at, tol, 24 / vp.current.scale);
        if (h && e.altKey && h.type === 'vertex') {
          const next = deleteVertex(sel, h);
          if (next) P.onReplace?.(P.selected, next, sel.kind === 'keypoints' ? 'Unlabel keypoint' : 'Delete vertex');
          else P.onNotice?.(`That ${sel.kind} cannot lose another vertex`);
          return;
        }
        if (h) {
          active.current = h;
          drag.current = { kind: 'handle', index: P.selected, handle: h, base: sel, current: sel, inserted: false };
          return;
        }
        const edge = e.shiftKey ? edgeAt(sel, at, tol) : undefined;
        if (edge) {
          const next = insertVertex(sel, edge.part, edge.index, at);
          const nh: Handle = { type: 'vertex', part: edge.part, index: edge.index + 1, x: at.x, y: at.y };
          active.current = nh;
          drag.current = { kind: 'handle', index: P.selected, handle: nh, base: next, current: next, inserted: true };
          return;
        }
      }
      const index = indexOf(P.annotations, P.imageWidth, P.imageHeight);
      const i = pickIndexed(P.annotations, index, at, tol, P.isHidden);
      P.onPick?.(i);
      active.current = undefined;
      drag.current = i >= 0 && P.tool === 'select' && !P.isLocked?.(i) ? { kind: 'move', index: i, start: at, dx: 0, dy: 0 } : { kind: 'pan', last: p };
      return;
    }
    if ((P.drawLabel ?? null) === null) {
      P.onNotice?.('Choose a class that allows this kind of shape first');
      drag.current = { kind: 'pan', last: p };
      return;
    }
    if (isDragTool(P.tool)) {
      drag.current = { kind: 'rect', start: at, current: at };
    } else if (P.tool === 'brush' || P.tool === 'eraser') {
      drag.current = { kind: 'stroke', points: [at], erase: P.tool === 'eraser' };
    } else if (P.tool === 'polygon' || P.tool === 'polyline' || P.tool === 'points' || P.tool === 'keypoints') {
      let d = clicks.current ?? beginClicks(P.tool, P.drawLabel!);
      const pts = d.points.filter((q) => q.v > 0);
      // a click on the first point closes a polygon
      if (P.tool === 'polygon' && pts.length >= 3 && Math.hypot(pts[0].x - at.x, pts[0].y - at.y) <= tol) {
        finishDraft();
        return;
      }
      if (at.x < 0 || at.y < 0 || at.x > P.imageWidth || at.y > P.imageHeight) return;
      d = addClick(d, at);
      if (P.tool === 'keypoints' && keypointsComplete(d, P.skeletonOf?.(d.label))) {
        clicks.current = d;
        finishDraft();
      } else setDraft(d);
    }
  };

  const move = (e: PointerEvent) => {
    const p = local(e);
    const at = toImage(vp.current, p);
    cursor.current = at;
    const d = drag.current;
    if (!d) {
      if (clicks.current || props.tool === 'brush' || props.tool === 'eraser') draw();
      return;
    }
    if (d.kind === 'pan') {
      vp.current = pan(vp.current, p.x - d.last.x, p.y - d.last.y);
      d.last = p;
    } else if (d.kind === 'rect') {
      d.current = at;
    } else if (d.kind === 'stroke') {
      d.points.push(at);
    } else if (d.kind === 'handle') {
      const next = dragHandle(d.base, d.handle, at, props.imageWidth, props.imageHeight);
      if (insideImage(next, props.imageWidth, props.imageHeight)) d.current = next;
    } else {
      [d.dx, d.dy] = limitMove(props.annotations[d.index], at.x - d.start.x, at.y - d.start.y, props.imageWidth, props.imageHeight);
    }
    draw();
  };

  const up = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (canvas.current?.hasPointerCapture(e.pointerId)) canvas.current.releasePointerCapture(e.pointerId);
    if (!d) return;
    const P = props;
    if (d.kind === 'rect' && P.drawLabel != null) {
      const a = shapeFromDrag(P.tool, P.drawLabel, d.start, toImage(vp.current, local(e)), P.imageWidth, P.imageHeight, 3 / vp.current.scale);
      if (a) P.onCreate?.(a, `Draw ${a.kind.replace('_', ' ')}`);
    } else if (d.kind === 'stroke') {
      P.onStroke?.(d.points, P.brushRadius ?? 10, d.erase);
    } else if (d.kind === 'move' && (Math.abs(d.dx) > 0.01 || Math.abs(d.dy) > 0.01)) {
      P.onReplace?.(d.index, translate(P.annotations[d.index], d.dx, d.dy), 'Move object');
    } else if (d.kind === 'handle' && d.current !== P.annotations[d.index]) {
      P.onReplace?.(d.index, d.current, d.inserted ? 'Insert vertex' : d.handle.type === 'rotate' ? 'Rotate' : d.handle.type === 'corner' ? 'Resize' : 'Edit vertex');
    }
    draw();
  };

  const dbl = () => {
    if (clicks.current && (clicks.current.tool === 'polygon' || clicks.current.tool === 'polyline' || clicks.current.tool === 'points')) {
      // the double-click's second press added a point at the same place: drop it, then finish
      const d = clicks.current;
      const pts = d.points;
      if (pts.length >= 2 && Math.hypot(pts[pts.length - 1].x - pts[pts.length - 2].x, pts[pts.length - 1].y - pts[pts.length - 2].y) < 3 / vp.current.scale) {
        clicks.current = undoClick(d);
      }
      finishDraft();
    }
  };

  const leave = () => {
    cursor.current = null;
    draw();
  };

  return (
    <div class={`canvas-wrap tool-${props.readOnly ? 'pan' : props.tool}`} ref={wrap}>
      <canvas ref={canvas} tabIndex={0} role="img" aria-label={props.label} data-testid="annotation-canvas"
              data-tiles={props.tiles ? 'on' : 'off'}
              onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up} onPointerLeave={leave}
              onDblClick={dbl} onContextMenu={(e) => e.preventDefault()} />
      {!image && !loadError && !(props.tiles && tilesShown) && <p class="canvas-msg" role="status">Loading image…</p>}
      {loadError && <p class="canvas-msg error" role="alert">{loadError}</p>}
    </div>
  );
}
