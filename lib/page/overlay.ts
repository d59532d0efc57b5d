// Page-wide overlays: the toast ("Hidden …" with Undo) and the keyboard help dialog. Each lives in
// an open shadow root on a host in <body>, marked `data-hfpt-ui` (where PAGE_CSS sets our colours)
// and `data-hfpt-overlay="toast" | "help" | "notice"` (so clean-up and the page observer can tell them apart).
// At most one of each per document: a new toast replaces the old one.
import { KEY_HELP_CSS, mountKeyHelp } from '@/components/KeyHelp';
import { mountToast, TOAST_CSS } from '@/components/Toast';
import type { KeyAction } from '@/lib/settings'; // type only: settings.ts pulls in zod

export const OVERLAY_ATTR = 'data-hfpt-overlay';
/** How long the toast's live region stays empty before its text goes in (see mountToast). */
export const ANNOUNCE_MS = 50;
/** A toast resumed after hover or focus gets at least this long, however little it had left. */
export const MIN_RESUME_MS = 1500;

export interface OverlayHandle {
  close(): void;
}

type Kind = 'toast' | 'help' | 'notice';

export interface Mount {
  host: HTMLElement;
  root: ShadowRoot;
  container: HTMLElement;
}

const toasts = new WeakMap<Document, OverlayHandle>();
const helps = new WeakMap<Document, OverlayHandle>();

const trustedOnly = (e: Event) => e.isTrusted;

/** A host in <body> with its own open shadow root and stylesheet, replacing another instance's. */
export function mountOverlay(doc: Document, kind: Kind, css: string): Mount {
  // Another instance's (extension reloaded or updated): gone before ours goes in.
  doc.querySelectorAll(`[${OVERLAY_ATTR}="${kind}"]`).forEach((el) => el.remove());
  const host = doc.createElement('div');
  host.setAttribute('data-hfpt-ui', '');
  host.setAttribute(OVERLAY_ATTR, kind);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  root.append(style, container);
  (doc.body ?? doc.documentElement).append(host);
  return { host, root, container };
}

export interface ToastOptions {
  /** Text only: it may quote a paper's title. */
  message: string;
  /** The action button's label; the button shows only with `onAction`. */
  actionLabel?: 'Undo';
  onAction?: () => void;
  /** Closes itself after this long on screen (paused while hovered or focused). Infinity: never. */
  timeoutMs?: number;
  /** Called once when the toast goes, however it goes (also when replaced). */
  onClose?: () => void;
  /** Which clicks count. By default only the user's own (`isTrusted`). */
  acceptEvent?: (e: Event) => boolean;
}

/** Shows a toast at the bottom left, replacing the one already shown. */
export function showToast(doc: Document, options: ToastOptions): OverlayHandle {
  toasts.get(doc)?.close();
  const { message, actionLabel = 'Undo', onAction, timeoutMs = 6000, onClose, acceptEvent = trustedOnly } = options;
  const m = mountOverlay(doc, 'toast', TOAST_CSS);
  let closed = false;
  let hovered = false;
  let focused = false;
  let remaining = timeoutMs;
  let deadline = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function run() {
    if (closed || timer !== undefined || !Number.isFinite(remaining)) return;
    deadline = Date.now() + remaining;
    timer = setTimeout(close, Math.max(0, remaining));
  }

  function pause() {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    remaining = Math.max(0, deadline - Date.now());
  }

  function sync() {
    if (closed) return;
    if (hovered || focused) return pause();
    if (timer !== undefined) return;
    remaining = Math.max(remaining, MIN_RESUME_MS);
    run();
  }

  const toast = mountToast(m.container, {
    message,
    actionLabel,
    onAction:
      onAction &&
      ((e) => {
        if (!acceptEvent(e)) return;
        close();
        onAction();
      }),
    onDismiss: (e) => acceptEvent(e) && close(),
    onHover: (inside) => {
      hovered = inside;
      sync();
    },
    onFocusWithin: (inside) => {
      focused = inside;
      sync();
    },
  });

  // Its text goes in a moment after it appears (see mountToast).
  const announce = setTimeout(() => !closed && toast.announce(), ANNOUNCE_MS);

  function close() {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    clearTimeout(announce);
    m.host.remove();
    if (toasts.get(doc) === handle) toasts.delete(doc);
    onClose?.();
  }

  const handle: OverlayHandle = { close };
  toasts.set(doc, handle);
  run();
  return handle;
}

export interface KeyHelpOptions {
  /** Called once when the dialog goes. */
  onClose?: () => void;
  /** Which key presses and clicks count. By default only the user's own (`isTrusted`). */
  acceptEvent?: (e: Event) => boolean;
}

/**
 * Shows the keyboard help (or returns the one already open). Focus moves to its Close button, and
 * back to where it was when the dialog closes.
 */
export function showKeyHelp(doc: Document, keys: Record<KeyAction, string>, options: KeyHelpOptions = {}): OverlayHandle {
  const open = helps.get(doc);
  if (open) return open;
  const accept = options.acceptEvent ?? trustedOnly;
  const previous = deepActiveElement(doc);
  const m = mountOverlay(doc, 'help', KEY_HELP_CSS);
  let closed = false;

  // Escape pressed while the focus is outside the dialog (the dialog's own handler stops the
  // ones from inside).
  const onDocKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && accept(e)) close();
  };
  doc.addEventListener('keydown', onDocKey);

  function close() {
    if (closed) return;
    closed = true;
    doc.removeEventListener('keydown', onDocKey);
    const hadFocus = m.host.contains(deepActiveElement(doc)) || m.host === doc.activeElement;
    m.host.remove();
    if (helps.get(doc) === handle) helps.delete(doc);
    // Back where the user was, unless they have moved on meanwhile.
    const now = deepActiveElement(doc);
    if ((hadFocus || !now || now === doc.body) && previous?.isConnected && typeof previous.focus === 'function') {
      previous.focus({ preventScroll: true });
    }
    options.onClose?.();
  }

  const handle: OverlayHandle = { close };
  helps.set(doc, handle);
  mountKeyHelp(m.container, { keys, onClose: (e) => accept(e) && close() });
  m.root.querySelector<HTMLElement>('button.close')?.focus();
  return handle;
}

/** Closes every overlay of ours in the document (and removes any another instance left). */
export function removeOverlays(doc: Document): void {
  toasts.get(doc)?.close();
  helps.get(doc)?.close();
  doc.querySelectorAll(`[${OVERLAY_ATTR}]`).forEach((el) => el.remove());
}

/** The focused element, looking inside (open) shadow roots. */
function deepActiveElement(doc: Document): HTMLElement | null {
  let el = doc.activeElement as HTMLElement | null;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
  return el;
}
