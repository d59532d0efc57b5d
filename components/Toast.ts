import { button, el } from './dom';

export interface ToastProps {
  /** Shown as text only (it may quote a paper's title, which is page text). */
  message: string;
  actionLabel?: string;
  onAction?: (e: Event) => void;
  onDismiss: (e: Event) => void;
  /** The pointer entered (true) or left (false) the toast. */
  onHover: (inside: boolean) => void;
  /** The focus entered (true) or left (false) the toast. */
  onFocusWithin: (inside: boolean) => void;
}

/**
 * A small note at the bottom left ("Hidden …", with Undo); its owner times it out. Its live region is
 * empty at first and filled by `announce()` a moment later, because screen readers announce text
 * added to a region, not a region added with text.
 */
export function mountToast(container: HTMLElement, { message, actionLabel = 'Undo', onAction, onDismiss, onHover, onFocusWithin }: ToastProps): { announce(): void } {
  const doc = container.ownerDocument;
  const text = el(doc, 'span', { class: 'message', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const toast = el(
    doc,
    'div',
    { class: 'toast pending' },
    text,
    onAction && button(doc, { class: 'btn action' }, actionLabel, onAction),
    button(doc, { class: 'btn dismiss', 'aria-label': 'Dismiss', title: 'Dismiss' }, '×', onDismiss),
  );
  toast.addEventListener('mouseenter', () => onHover(true));
  toast.addEventListener('mouseleave', () => onHover(false));
  toast.addEventListener('focusin', () => onFocusWithin(true));
  toast.addEventListener('focusout', (e) => {
    const to = e.relatedTarget as Node | null;
    if (!to || !toast.contains(to)) onFocusWithin(false);
  });
  container.replaceChildren(toast);
  return {
    announce() {
      toast.className = 'toast';
      text.textContent = message;
    },
  };
}

/** Inside the toast's shadow root. Colours from the variables PAGE_CSS sets on our hosts (with light fallbacks). */
export const TOAST_CSS = `
:host { all: initial; font-family: inherit; color: var(--hfpt-fg, #374151); }
* { box-sizing: border-box; }
.toast { position: fixed; left: 16px; bottom: 16px; z-index: 2147483000; display: flex; align-items: center; gap: 8px;
  max-width: min(440px, calc(100vw - 32px)); padding: 6px 6px 6px 14px; border-radius: 10px;
  border: 1px solid var(--hfpt-border, #e5e7eb); background: var(--hfpt-bg, #fff); color: var(--hfpt-fg, #374151);
  font-size: 13px; line-height: 18px; box-shadow: 0 2px 10px rgba(0,0,0,.12); transition: opacity .15s; }
.toast.pending { opacity: 0; }
.message { flex: 1; min-width: 0; overflow: hidden; overflow-wrap: anywhere;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; }
.btn { display: inline-flex; align-items: center; height: 26px; padding: 0 10px; border-radius: 8px;
  border: 1px solid var(--hfpt-border, #e5e7eb); background: var(--hfpt-bg, #fff); color: var(--hfpt-fg, #374151);
  font: inherit; font-size: 12.5px; cursor: pointer; white-space: nowrap; }
.btn:hover { background: var(--hfpt-hover, #f3f4f6); }
.btn:focus-visible { outline: 2px solid var(--hfpt-focus, #3b82f6); outline-offset: 1px; }
.btn.action { font-weight: 600; }
.btn.dismiss { padding: 0 8px; border-color: transparent; color: var(--hfpt-muted, #6b7280); }
@media (prefers-reduced-motion: reduce) { .toast { transition: none; } }
@media (forced-colors: active) { .toast { border-color: CanvasText; } }
`;
