// Small shared pieces of the UI: links, error display, dialogs, tabs, progress. Accessible by construction:
// every control has a label, dialogs are native <dialog> (focus is trapped and restored by the browser).
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from '../api/client';
import { linkClick } from './router';

export function Link(props: { href: string; children: ComponentChildren } & JSX.HTMLAttributes<HTMLAnchorElement>) {
  const { href, children, ...rest } = props;
  return <a href={href} onClick={linkClick} {...rest}>{children}</a>;
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** An error as the server explained it: its detail and every field error. */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? error.problem.errors ?? [] : [];
  return (
    <div class="error" role="alert">
      <strong>{errorText(error)}</strong>
      {fields.length > 0 && (
        <ul>
          {fields.map((f, i) => (
            <li key={i}>{[f.location, f.field && `field '${f.field}'`, f.message ?? f.expected].filter(Boolean).join(': ')}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog ref={ref} class={props.wide ? 'wide' : ''} aria-labelledby="dialog-title" onClose={props.onClose}
            onCancel={(e) => { e.preventDefault(); props.onClose(); }}>
      {props.open && (
        <>
          <h2 id="dialog-title">{props.title}</h2>
          {props.children}
        </>
      )}
    </dialog>
  );
}

/** A tab list with arrow-key navigation (WAI-ARIA tabs pattern); tabs are links so they can be opened or shared. */
export function Tabs<T extends string>(props: { label: string; tabs: { id: T; title: string; href: string }[]; current: T }) {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const links = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLAnchorElement>('[role=tab]')];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[(i + (e.key === 'ArrowRight' ? 1 : links.length - 1)) % links.length];
    next?.focus();
    e.preventDefault();
  };
  return (
    <nav class="tabs" role="tablist" aria-label={props.label} onKeyDown={onKey}>
      {props.tabs.map((t) => (
        <Link key={t.id} href={t.href} role="tab" aria-selected={t.id === props.current ? 'true' : 'false'}
              tabIndex={t.id === props.current ? 0 : -1} class={t.id === props.current ? 'tab current' : 'tab'}>
          {t.title}
        </Link>
      ))}
    </nav>
  );
}

export function Progress(props: { label: string; value: number; max: number }) {
  const pct = props.max > 0 ? Math.round((100 * props.value) / props.max) : 0;
  return (
    <div class="progress">
      <label>
        <span>{props.label}: {pct}%</span>
        <progress value={props.value} max={props.max || 1} aria-valuetext={`${pct}%`} />
      </label>
    </div>
  );
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return <p class="muted" role="status" aria-live="polite">{label}</p>;
}
