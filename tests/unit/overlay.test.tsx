import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOUNCE_MS, MIN_RESUME_MS, removeOverlays, showKeyHelp, showToast } from '@/lib/page/overlay';
import { DEFAULT_KEYS } from '@/lib/settings';

/** jsdom's dispatched events are not trusted; the real default refuses those (tested below). */
const acceptEvent = () => true;
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1"><b>Bold</b> & "quotes"';

const toastHosts = () => [...document.querySelectorAll<HTMLElement>('[data-hfpt-overlay="toast"]')];
const toastRoot = () => toastHosts()[0]?.shadowRoot ?? null;
const helpRoot = () => document.querySelector('[data-hfpt-overlay="help"]')?.shadowRoot ?? null;
const button = (root: ShadowRoot | null, label: string) =>
  [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label)!;
const key = (target: EventTarget, k: string, init: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
};

afterEach(() => {
  removeOverlays(document);
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('toast', () => {
  beforeEach(() => vi.useFakeTimers());

  it('is a marked host at the end of <body>, with a polite status region filled a moment after it appears', () => {
    showToast(document, { message: 'Hidden “A paper”', onAction: () => {}, acceptEvent });
    const [host] = toastHosts();
    expect(host.hasAttribute('data-hfpt-ui')).toBe(true);
    expect(host.parentElement).toBe(document.body);
    const status = toastRoot()!.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe(''); // the region exists before its text: screen readers announce it
    vi.advanceTimersByTime(ANNOUNCE_MS);
    expect(status.textContent).toBe('Hidden “A paper”');
    expect(button(toastRoot(), 'Undo')).toBeTruthy();
  });

  it('renders page text (a title) as text, never as markup', () => {
    showToast(document, { message: `Hidden ${HOSTILE_TITLE}`, acceptEvent });
    vi.advanceTimersByTime(ANNOUNCE_MS);
    const status = toastRoot()!.querySelector('[role="status"]')!;
    expect(status.textContent).toBe(`Hidden ${HOSTILE_TITLE}`);
    expect(toastRoot()!.querySelector('img, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(button(toastRoot(), 'Undo')).toBeUndefined(); // no action given, no button
  });

  it('a new toast replaces the old one; the old handle then closes nothing', () => {
    const firstClosed = vi.fn();
    const first = showToast(document, { message: 'one', onClose: firstClosed, acceptEvent });
    showToast(document, { message: 'two', acceptEvent });
    vi.advanceTimersByTime(ANNOUNCE_MS);
    expect(toastHosts()).toHaveLength(1);
    expect(toastRoot()!.textContent).toContain('two');
    expect(firstClosed).toHaveBeenCalledOnce();
    first.close();
    expect(toastHosts()).toHaveLength(1);
  });

  it('Undo runs the action once and closes the toast', () => {
    const onAction = vi.fn();
    showToast(document, { message: 'Hidden', onAction, acceptEvent });
    button(toastRoot(), 'Undo').click();
    expect(onAction).toHaveBeenCalledOnce();
    expect(toastHosts()).toHaveLength(0);
  });

  it('by default, a click the page scripted (untrusted) does nothing', () => {
    const onAction = vi.fn();
    showToast(document, { message: 'Hidden', onAction });
    button(toastRoot(), 'Undo').click();
    button(toastRoot(), 'Dismiss').click();
    expect(onAction).not.toHaveBeenCalled();
    expect(toastHosts()).toHaveLength(1);
  });

  it('Dismiss closes without the action', () => {
    const onAction = vi.fn();
    const onClose = vi.fn();
    showToast(document, { message: 'Hidden', onAction, onClose, acceptEvent });
    button(toastRoot(), 'Dismiss').click();
    expect(onAction).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalledOnce();
    expect(toastHosts()).toHaveLength(0);
  });

  it('closes itself after the timeout (6 s by default)', () => {
    const onClose = vi.fn();
    showToast(document, { message: 'Hidden', onClose, acceptEvent });
    vi.advanceTimersByTime(5999);
    expect(toastHosts()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(toastHosts()).toHaveLength(0);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('pauses while hovered, then resumes with what was left', () => {
    showToast(document, { message: 'Hidden', timeoutMs: 6000, acceptEvent });
    const box = toastRoot()!.querySelector('.toast')!;
    vi.advanceTimersByTime(2000);
    box.dispatchEvent(new MouseEvent('mouseenter'));
    vi.advanceTimersByTime(60_000);
    expect(toastHosts()).toHaveLength(1);
    box.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(3999);
    expect(toastHosts()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(toastHosts()).toHaveLength(0);
  });

  it('pauses while focused (moving between its buttons included), and gets a little time back after', () => {
    showToast(document, { message: 'Hidden', timeoutMs: 6000, onAction: () => {}, acceptEvent });
    vi.advanceTimersByTime(5500);
    button(toastRoot(), 'Undo').focus();
    button(toastRoot(), 'Dismiss').focus();
    vi.advanceTimersByTime(60_000);
    expect(toastHosts()).toHaveLength(1);
    button(toastRoot(), 'Dismiss').blur();
    vi.advanceTimersByTime(MIN_RESUME_MS - 1); // 500 ms were left: it gets MIN_RESUME_MS
    expect(toastHosts()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(toastHosts()).toHaveLength(0);
  });

  it('close() and removeOverlays take it away, timers included', () => {
    const handle = showToast(document, { message: 'Hidden', acceptEvent });
    handle.close();
    handle.close();
    expect(toastHosts()).toHaveLength(0);
    showToast(document, { message: 'Again', acceptEvent });
    removeOverlays(document);
    expect(toastHosts()).toHaveLength(0);
    vi.advanceTimersByTime(60_000);
  });

  it('removes a toast another instance of the extension left behind', () => {
    const stale = document.createElement('div');
    stale.setAttribute('data-hfpt-overlay', 'toast');
    document.body.append(stale);
    showToast(document, { message: 'Hidden', acceptEvent });
    expect(stale.isConnected).toBe(false);
    expect(toastHosts()).toHaveLength(1);
  });
});

describe('keyboard help', () => {
  let opener: HTMLButtonElement;
  beforeEach(() => {
    opener = document.body.appendChild(document.createElement('button'));
    opener.textContent = 'page button';
    opener.focus();
  });

  it('is a labelled modal dialog listing every key, with the focus on Close', () => {
    showKeyHelp(document, DEFAULT_KEYS, { acceptEvent });
    const root = helpRoot()!;
    const host = root.host as HTMLElement;
    expect(host.hasAttribute('data-hfpt-ui')).toBe(true);
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Keyboard shortcuts');
    const rows = [...root.querySelectorAll('tr')].map((tr) => [tr.querySelector('kbd')!.textContent, tr.querySelector('td')!.textContent]);
    expect(rows).toEqual([
      ['j', 'Next paper'],
      ['k', 'Previous paper'],
      ['s', 'Star / unstar'],
      ['h', 'Hide and move on'],
      ['o', 'Open the paper'],
      ['c', 'Open the code'],
      ['t', 'Focus the tag filter'],
      ['u', 'Undo the last star or hide'],
      ['?', 'Show this help'],
    ]);
    expect(root.activeElement).toBe(button(root, 'Close'));
  });

  it('shows the keys the user chose', () => {
    showKeyHelp(document, { ...DEFAULT_KEYS, next: 'n', hide: ' ' }, { acceptEvent });
    const keys = [...helpRoot()!.querySelectorAll('kbd')].map((k) => k.textContent);
    expect(keys[0]).toBe('n');
    expect(keys[3]).toBe('Space');
  });

  it('Escape closes it, without reaching the page, and the focus goes back', () => {
    const pageSaw = vi.fn();
    document.addEventListener('keydown', pageSaw);
    const onClose = vi.fn();
    showKeyHelp(document, DEFAULT_KEYS, { acceptEvent, onClose });
    const e = key(button(helpRoot(), 'Close'), 'Escape');
    expect(e.defaultPrevented).toBe(true);
    expect(pageSaw).not.toHaveBeenCalled();
    expect(helpRoot()).toBeNull();
    expect(onClose).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(opener);
    document.removeEventListener('keydown', pageSaw);
  });

  it('the Close button, the help key and a click outside the dialog close it too', () => {
    showKeyHelp(document, DEFAULT_KEYS, { acceptEvent });
    button(helpRoot(), 'Close').click();
    expect(helpRoot()).toBeNull();
    expect(document.activeElement).toBe(opener);

    showKeyHelp(document, DEFAULT_KEYS, { acceptEvent });
    key(button(helpRoot(), 'Close'), '?', { shiftKey: true });
    expect(helpRoot()).toBeNull();

    showKeyHelp(document, DEFAULT_KEYS, { acceptEvent });
    helpRoot()!.querySelector('[role="dialog"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(helpRoot()).not.toBeNull(); // a click inside
    helpRoot()!.querySelector('.backdrop')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(helpRoot()).toBeNull();
  });

  it('Escape with the focus outside the dialog closes it', () => {
    showKeyHelp(document, DEFAULT_KEYS, { acceptEvent });
    opener.focus();
    key(opener, 'Escape');
    expect(helpRoot()).toBeNull();
  });

  it('returns the focus into a shadow root it came from (a card\'s Star button)', () => {
    const host = document.body.appendChild(document.createElement('div'));
    const star = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    star.focus();
    showKeyHelp(document, DEFAULT_KEYS, { acceptEvent }).close();
    expect(host.shadowRoot!.activeElement).toBe(star);
  });

  it('keeps Tab inside the dialog', () => {
    showKeyHelp(document, DEFAULT_KEYS, { acceptEvent });
    const close = button(helpRoot(), 'Close');
    expect(key(close, 'Tab').defaultPrevented).toBe(true);
    expect(key(close, 'Tab', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(helpRoot()!.activeElement).toBe(close);
  });

  it('is shown once: a second call returns the open dialog', () => {
    const a = showKeyHelp(document, DEFAULT_KEYS, { acceptEvent });
    const b = showKeyHelp(document, DEFAULT_KEYS, { acceptEvent });
    expect(b).toBe(a);
    expect(document.querySelectorAll('[data-hfpt-overlay="help"]')).toHaveLength(1);
  });

  it('by default, keys and clicks the page scripted (untrusted) do not close it', () => {
    showKeyHelp(document, DEFAULT_KEYS);
    key(button(helpRoot(), 'Close'), 'Escape');
    button(helpRoot(), 'Close').click();
    expect(helpRoot()).not.toBeNull();
  });

  it('removeOverlays closes it and stops its listener', () => {
    const onClose = vi.fn();
    showKeyHelp(document, DEFAULT_KEYS, { acceptEvent, onClose });
    removeOverlays(document);
    expect(helpRoot()).toBeNull();
    key(document.body, 'Escape');
    expect(onClose).toHaveBeenCalledOnce();
  });
});
