import type { KeyAction } from '@/lib/settings'; // type only: settings.ts pulls in zod
import { button, el } from './dom';

/** What each key does, in the order the help lists them. */
export const KEY_DESCRIPTIONS: Record<KeyAction, string> = {
  next: 'Next paper',
  prev: 'Previous paper',
  star: 'Star / unstar',
  hide: 'Hide and move on',
  open: 'Open the paper',
  code: 'Open the code',
  tags: 'Focus the tag filter',
  undo: 'Undo the last star or hide',
  help: 'Show this help',
};

const ORDER = Object.keys(KEY_DESCRIPTIONS) as KeyAction[];

/** How a key is written in the help. */
export const keyLabel = (key: string) => (key === ' ' ? 'Space' : key);

export interface KeyHelpProps {
  keys: Record<KeyAction, string>;
  /** Escape, the help key, the Close button, or a click outside the dialog. */
  onClose: (e: Event) => void;
}

/** Keeps Tab and Shift+Tab among the dialog's buttons (it is modal). */
function trapTab(e: KeyboardEvent) {
  const box = e.currentTarget as HTMLElement;
  const focusable = [...box.querySelectorAll<HTMLElement>('button, a[href]')];
  if (focusable.length === 0) return;
  const active = (box.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  const i = active ? focusable.indexOf(active) : -1;
  const next = e.shiftKey ? focusable[i <= 0 ? focusable.length - 1 : i - 1] : focusable[i < 0 || i === focusable.length - 1 ? 0 : i + 1];
  e.preventDefault();
  next.focus();
}

/** The "?" overlay: a modal dialog listing the keys. Focus is moved in and back by its owner. */
export function mountKeyHelp(container: HTMLElement, { keys, onClose }: KeyHelpProps): void {
  const doc = container.ownerDocument;
  const rows = ORDER.map((action) => el(doc, 'tr', {}, el(doc, 'th', { scope: 'row' }, el(doc, 'kbd', {}, keyLabel(keys[action]))), el(doc, 'td', {}, KEY_DESCRIPTIONS[action])));
  const dialog = el(
    doc,
    'div',
    { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'hfpt-keys-title', tabindex: '-1' },
    el(doc, 'h2', { id: 'hfpt-keys-title' }, 'Keyboard shortcuts'),
    el(doc, 'table', {}, el(doc, 'tbody', {}, ...rows)),
    el(doc, 'p', { class: 'note' }, "Keys do nothing while you type in a field. Change them in the extension's options."),
    el(doc, 'div', { class: 'actions' }, button(doc, { class: 'btn close' }, 'Close', onClose)),
  );
  const backdrop = el(doc, 'div', { class: 'backdrop' }, dialog);
  backdrop.addEventListener('keydown', (e) => {
    const plain = !e.ctrlKey && !e.altKey && !e.metaKey;
    if (e.key === 'Escape' || (plain && e.key === keys.help)) {
      e.preventDefault();
      e.stopPropagation(); // the page's own Escape handlers are not for our dialog
      onClose(e);
    } else if (e.key === 'Tab') {
      trapTab(e);
    }
  });
  backdrop.addEventListener('click', (e) => e.target === e.currentTarget && onClose(e));
  container.replaceChildren(backdrop);
}

/** Inside the help's shadow root. Colours from the variables PAGE_CSS sets on our hosts (with light fallbacks). */
export const KEY_HELP_CSS = `
:host { all: initial; font-family: inherit; color: var(--hfpt-fg, #374151); }
* { box-sizing: border-box; }
.backdrop { position: fixed; inset: 0; z-index: 2147483001; display: flex; align-items: center; justify-content: center;
  padding: 16px; background: rgba(0,0,0,.35); }
.dialog { width: 100%; max-width: 360px; max-height: calc(100vh - 32px); overflow: auto; padding: 16px 20px;
  border-radius: 12px; border: 1px solid var(--hfpt-border, #e5e7eb); background: var(--hfpt-bg, #fff);
  color: var(--hfpt-fg, #374151); font-size: 13px; line-height: 18px; box-shadow: 0 10px 30px rgba(0,0,0,.25); }
.dialog:focus { outline: none; }
h2 { margin: 0 0 12px; font-size: 15px; line-height: 20px; font-weight: 600; color: var(--hfpt-fg, #374151); }
table { border-collapse: collapse; width: 100%; }
th { width: 1%; padding: 3px 12px 3px 0; text-align: left; font-weight: normal; }
td { padding: 3px 0; }
kbd { display: inline-flex; align-items: center; justify-content: center; min-width: 22px; height: 22px; padding: 0 6px;
  border-radius: 6px; border: 1px solid var(--hfpt-border, #e5e7eb); border-bottom-width: 2px;
  background: var(--hfpt-chip-bg, #f9fafb); color: var(--hfpt-fg, #374151);
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.note { margin: 12px 0 0; color: var(--hfpt-muted, #6b7280); font-size: 12px; }
.actions { display: flex; justify-content: flex-end; margin-top: 12px; }
.btn { display: inline-flex; align-items: center; height: 26px; padding: 0 10px; border-radius: 8px;
  border: 1px solid var(--hfpt-border, #e5e7eb); background: var(--hfpt-bg, #fff); color: var(--hfpt-fg, #374151);
  font: inherit; font-size: 12.5px; cursor: pointer; }
.btn:hover { background: var(--hfpt-hover, #f3f4f6); }
.btn:focus-visible { outline: 2px solid var(--hfpt-focus, #3b82f6); outline-offset: 1px; }
@media (forced-colors: active) { .dialog { border-color: CanvasText; } }
`;
