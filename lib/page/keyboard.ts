// Keyboard triage on listing pages: j / k move a ring between cards, the other keys act on the
// card under the ring (or on the page). The ring is an attribute on the page's card
// (`data-hfpt-current`), drawn by PAGE_CSS; nothing else is added to the page.
//
// Listens for keydown on the document in the bubble phase, not the capture phase: the page's own
// handlers (its search box, its menus and dialogs) see every key first, and a key the page
// handled (defaultPrevented) or stopped is left alone. We never steal a key from the page; at
// worst the page steals one from us.
import type { KeyAction } from '@/lib/settings'; // type only: settings.ts pulls in zod

export interface KeyboardHost {
  /** Cards a user can move to now, in page order (not hidden, not filtered out). */
  cards(): HTMLElement[];
  /**
   * Performs an action on a card (star/hide/open/code) or page-wide (tags/undo/help); returns
   * false when there was nothing to do (the key is then left to the page).
   */
  act(action: Exclude<KeyAction, 'next' | 'prev'>, card: HTMLElement | null): boolean;
}

export interface KeyboardOptions {
  keys: Record<KeyAction, string>;
  enabled: boolean;
  /** Which key presses count. By default only the user's own (`isTrusted`). */
  acceptEvent?: (e: KeyboardEvent) => boolean;
}

export interface Keyboard {
  update(options: Partial<KeyboardOptions>): void;
  /** The card under the ring, if any (it may have been hidden or removed since). */
  current(): HTMLElement | null;
  /** Puts the ring on a card (or takes it away), without scrolling. */
  setCurrent(card: HTMLElement | null): void;
  /** Stops listening and takes the ring away. */
  destroy(): void;
}

export const CURRENT_ATTR = 'data-hfpt-current';

/** Node.DOCUMENT_POSITION_FOLLOWING / _PRECEDING (no global Node needed). */
const FOLLOWING = 4;
const PRECEDING = 2;

/** Actions on the card under the ring: without a ring (or with the ring on a card that is no longer listed), nothing to do. */
const CARD_ACTIONS = new Set<KeyAction>(['star', 'hide', 'open', 'code']);
/** Input types that take no text: a key pressed on them is no typing. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'file', 'range', 'color']);
/** ARIA widgets that take typed keys. */
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);

export function attachKeyboard(doc: Document, host: KeyboardHost, options: KeyboardOptions): Keyboard {
  let opts: KeyboardOptions = { ...options };
  let current: HTMLElement | null = null;
  /** The list as it was when the current card was last in it: where to carry on if it goes. */
  let order: HTMLElement[] = [];
  let destroyed = false;

  // A previous instance (extension reloaded or updated) may have left its ring.
  doc.querySelectorAll(`[${CURRENT_ATTR}]`).forEach((el) => el.removeAttribute(CURRENT_ATTR));

  const accept = (e: KeyboardEvent) => (opts.acceptEvent ?? ((ev: KeyboardEvent) => ev.isTrusted))(e);

  function actionFor(key: string): KeyAction | null {
    for (const [action, k] of Object.entries(opts.keys) as [KeyAction, string][]) if (k === key) return action;
    return null;
  }

  function mark(card: HTMLElement | null, cards: HTMLElement[] | null) {
    if (current && current !== card) current.removeAttribute(CURRENT_ATTR);
    current = card;
    if (card) {
      card.setAttribute(CURRENT_ATTR, '');
      if (cards?.includes(card)) order = cards;
    } else {
      order = [];
    }
  }

  function reveal(card: HTMLElement) {
    if (typeof card.scrollIntoView !== 'function') return; // jsdom
    const reduce = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    card.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }

  /** The card the user is looking at: the first whose middle is at or below the viewport's top. */
  function firstInView(cards: HTMLElement[]): HTMLElement {
    return cards.find((c) => {
      const r = c.getBoundingClientRect();
      return r.top + r.height / 2 >= 0;
    }) ?? cards[cards.length - 1];
  }

  /**
   * The nearest listed card after (dir 1) or before (dir -1) where `card` is or was: by document
   * order while it is in the page (hidden, filtered out), else by the list it was last seen in.
   */
  function neighbour(card: HTMLElement, cards: HTMLElement[], dir: 1 | -1): HTMLElement | undefined {
    if (card.isConnected) {
      const side = dir > 0 ? FOLLOWING : PRECEDING;
      const matching = cards.filter((c) => c !== card && card.compareDocumentPosition(c) & side);
      return dir > 0 ? matching[0] : matching[matching.length - 1];
    }
    const i = order.indexOf(card);
    if (i < 0) return undefined;
    const listed = new Set(cards);
    for (let j = i + dir; j >= 0 && j < order.length; j += dir) if (listed.has(order[j])) return order[j];
    return undefined;
  }

  /** Where j (1) or k (-1) goes from the current card; stays put at either end of the list. */
  function step(cards: HTMLElement[], dir: 1 | -1): HTMLElement | null {
    if (cards.length === 0) return null;
    if (!current) return firstInView(cards);
    const i = cards.indexOf(current);
    if (i >= 0) return cards[i + dir] ?? current;
    // The current card went (hidden, filtered out, removed): carry on from where it was, towards
    // the key's direction, else to the nearest card the other way.
    const known = current.isConnected || order.includes(current);
    if (!known) return firstInView(cards);
    return neighbour(current, cards, dir) ?? neighbour(current, cards, dir === 1 ? -1 : 1) ?? firstInView(cards);
  }

  function move(dir: 1 | -1): boolean {
    const cards = host.cards();
    const target = step(cards, dir);
    if (!target) return false;
    mark(target, cards);
    reveal(target);
    return true;
  }

  /** Hides the current card, then puts the ring on the next one (else the previous one). */
  function hide(card: HTMLElement, before: HTMLElement[]): boolean {
    order = before;
    if (!host.act('hide', card)) return false;
    const after = host.cards();
    const i = after.indexOf(card);
    const target = i >= 0 ? after[i + 1] ?? after[i - 1] : neighbour(card, after, 1) ?? neighbour(card, after, -1);
    mark(target ?? null, after);
    if (target) reveal(target);
    return true;
  }

  function run(action: KeyAction): boolean {
    if (action === 'next' || action === 'prev') return move(action === 'next' ? 1 : -1);
    if (CARD_ACTIONS.has(action)) {
      const cards = host.cards();
      if (!current || !cards.includes(current)) return false;
      order = cards;
      return action === 'hide' ? hide(current, cards) : host.act(action, current);
    }
    return host.act(action, current?.isConnected ? current : null);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (destroyed || !opts.enabled || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
    const action = actionFor(e.key);
    if (!action || !accept(e) || ignoredTarget(e)) return;
    if (e.repeat && action !== 'next' && action !== 'prev') {
      e.preventDefault(); // a held key stars / hides / opens once, not over and over
      return;
    }
    if (run(action)) e.preventDefault();
  }

  doc.addEventListener('keydown', onKeyDown);

  return {
    update(patch) {
      opts = { ...opts, ...patch };
      if (!opts.enabled) mark(null, null);
    },
    current: () => current,
    setCurrent(card) {
      if (destroyed) return;
      mark(card, card ? host.cards() : null);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      doc.removeEventListener('keydown', onKeyDown);
      mark(null, null);
    },
  };
}

/**
 * True when the key is meant for something else: typing in a field (also inside shadow roots: the
 * composed path crosses them), or a dialog (ours or the page's) that has the focus.
 */
export function ignoredTarget(e: Event): boolean {
  const path = typeof e.composedPath === 'function' ? e.composedPath() : [e.target];
  const elements = path.filter((n): n is Element => !!n && (n as Node).nodeType === 1);
  // Browsers compute editability (inherited, with contenteditable="false" islands) for us.
  if ((elements[0] as HTMLElement | undefined)?.isContentEditable) return true;
  let editableDecided = false;
  for (const el of elements) {
    const tag = el.localName;
    if (tag === 'textarea' || tag === 'select') return true;
    if (tag === 'input') return !NON_TEXT_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
    // Where isContentEditable is missing (jsdom): the nearest contenteditable attribute decides.
    const ce = el.getAttribute('contenteditable');
    if (ce !== null && !editableDecided) {
      if (ce.toLowerCase() !== 'false') return true;
      editableDecided = true;
    }
    const role = el.getAttribute('role');
    if (role && TEXT_ROLES.has(role)) return true;
    if (tag === 'dialog' || role === 'dialog' || role === 'alertdialog') return true;
  }
  return false;
}
