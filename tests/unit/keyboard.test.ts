import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachKeyboard, type Keyboard, type KeyboardHost, type KeyboardOptions } from '@/lib/page/keyboard';
import { DEFAULT_KEYS, type KeyAction } from '@/lib/settings';
import { fixtureText, LISTING, loadIntoDocument } from './fixtures';

/** jsdom's dispatched events are not trusted; the real default refuses those (tested below). */
const trusted = { acceptEvent: () => true };

const articles = () => [...document.querySelectorAll<HTMLElement>('article')];
const ringed = () => [...document.querySelectorAll('[data-hfpt-current]')];
const idOf = (card: Element | null) => card?.querySelector('a[href^="/papers/"]')?.getAttribute('href')?.slice('/papers/'.length);

/** A stand-in for the annotator: hides by attribute, records what it was asked. */
function fakeHost(results: Partial<Record<KeyAction, boolean>> = {}) {
  const calls: [KeyAction, string | undefined][] = [];
  const host: KeyboardHost = {
    cards: () => articles().filter((a) => !a.hasAttribute('data-test-hidden')),
    act: vi.fn<KeyboardHost['act']>((action, card) => {
      calls.push([action, idOf(card)]);
      if (action === 'hide' && card) card.setAttribute('data-test-hidden', '');
      return results[action] ?? true;
    }),
  };
  return { host, calls };
}

function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

let kb: Keyboard | undefined;
function attach(host: KeyboardHost, options: Partial<KeyboardOptions> = {}) {
  kb = attachKeyboard(document, host, { keys: DEFAULT_KEYS, enabled: true, ...trusted, ...options });
  return kb;
}

beforeEach(() => loadIntoDocument(fixtureText(LISTING), '/papers?date=2024-08-01'));
afterEach(() => {
  kb?.destroy();
  kb = undefined;
  vi.restoreAllMocks();
});

describe('keyboard triage on the saved listing', () => {
  it('j j s h: moves the ring, stars the current card, hides it and moves on', () => {
    const { host, calls } = fakeHost();
    const k = attach(host);
    const cards = articles();
    expect(cards.length).toBeGreaterThan(5);

    expect(press('j').defaultPrevented).toBe(true);
    expect(k.current()).toBe(cards[0]);
    press('j');
    expect(k.current()).toBe(cards[1]);
    expect(ringed()).toEqual([cards[1]]);

    expect(press('s').defaultPrevented).toBe(true);
    expect(press('h').defaultPrevented).toBe(true);
    expect(calls).toEqual([
      ['star', idOf(cards[1])],
      ['hide', idOf(cards[1])],
    ]);
    // The ring went on to the next card; the hidden one lost it.
    expect(k.current()).toBe(cards[2]);
    expect(ringed()).toEqual([cards[2]]);
    press('k');
    expect(k.current()).toBe(cards[0]); // the hidden card is skipped
  });

  it('stays on the first card with k and on the last with j', () => {
    const { host } = fakeHost();
    const k = attach(host);
    const cards = articles();
    press('k');
    expect(k.current()).toBe(cards[0]);
    press('k');
    expect(k.current()).toBe(cards[0]);
    k.setCurrent(cards[cards.length - 1]);
    press('j');
    expect(k.current()).toBe(cards[cards.length - 1]);
  });

  it('hiding the last card moves the ring back to the one before', () => {
    const { host } = fakeHost();
    const k = attach(host);
    const cards = articles();
    k.setCurrent(cards[cards.length - 1]);
    press('h');
    expect(k.current()).toBe(cards[cards.length - 2]);
    expect(ringed()).toEqual([cards[cards.length - 2]]);
  });

  it('first j goes to the first card at or under the viewport top', () => {
    const { host } = fakeHost();
    const k = attach(host);
    const cards = articles();
    cards.forEach((c, i) => vi.spyOn(c, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, (i - 3) * 300, 400, 300)));
    press('j');
    expect(k.current()).toBe(cards[3]);
  });

  it('scrolls the card into view, smoothly unless the user prefers reduced motion', () => {
    const scroll = vi.fn();
    HTMLElement.prototype.scrollIntoView = scroll;
    let reduce = false;
    window.matchMedia = vi.fn((q: string) => ({ matches: reduce && q.includes('reduce') }) as MediaQueryList);
    try {
      const { host } = fakeHost();
      attach(host);
      press('j');
      expect(scroll).toHaveBeenLastCalledWith({ block: 'nearest', behavior: 'smooth' });
      reduce = true;
      press('j');
      expect(scroll).toHaveBeenLastCalledWith({ block: 'nearest', behavior: 'auto' });
    } finally {
      delete (HTMLElement.prototype as Partial<HTMLElement>).scrollIntoView;
      delete (window as Partial<Window>).matchMedia;
    }
  });

  it('carries on from where the current card was when it is filtered out or removed', () => {
    const { host } = fakeHost();
    const k = attach(host);
    const cards = articles();

    k.setCurrent(cards[3]);
    cards[3].setAttribute('data-test-hidden', ''); // filtered out, still in the page
    press('j');
    expect(k.current()).toBe(cards[4]);

    k.setCurrent(cards[6]);
    cards[6].setAttribute('data-test-hidden', '');
    press('k');
    expect(k.current()).toBe(cards[5]);

    k.setCurrent(cards[8]);
    cards[8].remove(); // taken out of the page
    press('j');
    expect(k.current()).toBe(cards[9]);

    k.setCurrent(cards[10]);
    cards[10].remove();
    cards[9].remove();
    press('k');
    expect(k.current()).toBe(cards[7]);
  });

  it('a card action on a card no longer listed does nothing and leaves the key to the page', () => {
    const { host, calls } = fakeHost();
    const k = attach(host);
    k.setCurrent(articles()[2]);
    articles()[2].setAttribute('data-test-hidden', '');
    expect(press('s').defaultPrevented).toBe(false);
    expect(press('o').defaultPrevented).toBe(false);
    expect(calls).toEqual([]);
  });

  it('card actions without a ring do nothing; page-wide ones go to the host', () => {
    const { host, calls } = fakeHost({ undo: false });
    attach(host);
    expect(press('s').defaultPrevented).toBe(false);
    expect(press('t').defaultPrevented).toBe(true);
    expect(press('?', { shiftKey: true }).defaultPrevented).toBe(true); // Shift is how "?" is typed
    expect(press('u').defaultPrevented).toBe(false); // the host had nothing to undo
    expect(calls).toEqual([
      ['tags', undefined],
      ['help', undefined],
      ['undo', undefined],
    ]);
  });

  it('passes o and c with the current card, and the current card to page-wide actions', () => {
    const { host, calls } = fakeHost();
    attach(host);
    press('j');
    press('o');
    press('c');
    press('u');
    const first = idOf(articles()[0]);
    expect(calls).toEqual([
      ['open', first],
      ['code', first],
      ['undo', first],
    ]);
  });

  it('a held key moves on, but stars only once', () => {
    const { host, calls } = fakeHost();
    const k = attach(host);
    press('j');
    press('j', { repeat: true });
    expect(k.current()).toBe(articles()[1]);
    press('s');
    press('s', { repeat: true });
    expect(calls).toEqual([['star', idOf(articles()[1])]]);
  });
});

describe('keys meant for something else', () => {
  it('ignores typing in inputs, textareas, selects and contenteditable', () => {
    const { host, calls } = fakeHost();
    const k = attach(host);
    const input = document.createElement('input');
    const area = document.createElement('textarea');
    const select = document.createElement('select');
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', '');
    const inner = document.createElement('p');
    editor.append(inner);
    document.body.append(input, area, select, editor);
    for (const target of [input, area, select, inner]) {
      expect(press('j', {}, target).defaultPrevented).toBe(false);
      expect(press('s', {}, target).defaultPrevented).toBe(false);
    }
    expect(k.current()).toBeNull();
    expect(calls).toEqual([]);
  });

  it('ignores typing in an input inside a shadow root (the page\'s or ours)', () => {
    const { host } = fakeHost();
    const k = attach(host);
    const shadowHost = document.createElement('div');
    const root = shadowHost.attachShadow({ mode: 'open' });
    const input = document.createElement('input');
    root.append(input);
    document.body.append(shadowHost);
    expect(press('j', {}, input).defaultPrevented).toBe(false);
    expect(k.current()).toBeNull();
  });

  it('ignores a search box role and a dialog, but not a checkbox or a button', () => {
    const { host } = fakeHost();
    const k = attach(host);
    const search = document.createElement('div');
    search.setAttribute('role', 'searchbox');
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    const inDialog = document.createElement('button');
    dialog.append(inDialog);
    const box = document.createElement('input');
    box.type = 'checkbox';
    const button = document.createElement('button');
    document.body.append(search, dialog, box, button);
    press('j', {}, search);
    press('j', {}, inDialog);
    expect(k.current()).toBeNull();
    press('j', {}, box);
    press('j', {}, button);
    expect(k.current()).toBe(articles()[1]);
  });

  it('ignores keys with Ctrl, Alt or Meta, keys the page handled, and keys while composing', () => {
    const { host } = fakeHost();
    const k = attach(host);
    press('j', { ctrlKey: true });
    press('j', { altKey: true });
    press('j', { metaKey: true });
    press('j', { isComposing: true });
    const handled = new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    expect(k.current()).toBeNull();
  });

  it('ignores untrusted key presses by default (a page script dispatching "h")', () => {
    const { host, calls } = fakeHost();
    kb = attachKeyboard(document, host, { keys: DEFAULT_KEYS, enabled: true });
    kb.setCurrent(articles()[0]);
    expect(press('h').defaultPrevented).toBe(false);
    press('j');
    expect(calls).toEqual([]);
    expect(kb.current()).toBe(articles()[0]);
  });

  it('ignores keys that are not ours and compares e.key exactly', () => {
    const { host } = fakeHost();
    const k = attach(host);
    expect(press('x').defaultPrevented).toBe(false);
    expect(press('J', { shiftKey: true }).defaultPrevented).toBe(false);
    expect(k.current()).toBeNull();
  });
});

describe('settings and clean-up', () => {
  it('follows custom keys, also when they change', () => {
    const { host, calls } = fakeHost();
    const k = attach(host, { keys: { ...DEFAULT_KEYS, next: 'n', prev: 'p', star: 'x' } });
    press('j');
    expect(k.current()).toBeNull();
    press('n');
    press('n');
    press('p');
    expect(k.current()).toBe(articles()[0]);
    press('x');
    expect(calls).toEqual([['star', idOf(articles()[0])]]);
    k.update({ keys: DEFAULT_KEYS });
    press('n');
    expect(k.current()).toBe(articles()[0]);
    press('j');
    expect(k.current()).toBe(articles()[1]);
  });

  it('does nothing while disabled, and takes the ring away when disabled', () => {
    const { host, calls } = fakeHost();
    const k = attach(host, { enabled: false });
    expect(press('j').defaultPrevented).toBe(false);
    expect(k.current()).toBeNull();
    k.update({ enabled: true });
    press('j');
    expect(ringed()).toHaveLength(1);
    k.update({ enabled: false });
    expect(ringed()).toHaveLength(0);
    expect(k.current()).toBeNull();
    press('s');
    expect(calls).toEqual([]);
  });

  it('destroy removes the listener and the ring', () => {
    const { host, calls } = fakeHost();
    const k = attach(host);
    press('j');
    expect(ringed()).toHaveLength(1);
    k.destroy();
    expect(ringed()).toHaveLength(0);
    expect(press('j').defaultPrevented).toBe(false);
    press('s');
    expect(calls).toEqual([]);
    expect(k.current()).toBeNull();
  });

  it('a new instance removes a ring an earlier one left behind', () => {
    articles()[4].setAttribute('data-hfpt-current', '');
    const { host } = fakeHost();
    attach(host);
    expect(ringed()).toHaveLength(0);
  });
});
