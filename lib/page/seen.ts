// "Seen" tracking: a paper counts as seen when enough of its card stayed on screen long enough
// (not merely when it is in the page). Reports go out in batches, so scrolling a long listing
// costs a handful of messages, not one per card.
//
// Without IntersectionObserver (very old browsers, some test environments) nothing is ever
// reported: we cannot tell what was on screen, and guessing would dim papers never looked at.

export interface SeenOptions {
  /** How long a card must stay on screen. */
  dwellMs?: number;
  /** How much of the card (0..1) must be on screen; a card taller than the viewport counts when it fills that much of the viewport. */
  threshold?: number;
  /** At most one report per this many ms (plus one when the page is hidden or left, and on destroy). */
  flushMs?: number;
  /**
   * Watching starts this long after the tracker is made (cards observed before wait): an observed
   * target costs the page's frames some work, and a page's first moments are its own.
   */
  startAfterMs?: number;
}

export interface SeenTracker {
  /** Watches a card; a card observed again under another id (the page reused it) starts anew. */
  observe(card: HTMLElement, id: string): void;
  /** Stops watching a card; a dwell under way is cancelled. */
  unobserve(card: HTMLElement): void;
  /** Reports what is pending, then stops everything. */
  destroy(): void;
}

interface Watched {
  id: string;
  /** Enough of it on screen, as the observer last said. */
  visible: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/** Chrome may report a ratio a hair under the threshold it just crossed. */
const EPSILON = 1e-3;

export function createSeenTracker(
  win: Window,
  onSeen: (ids: string[]) => void,
  { dwellMs = 1000, threshold = 0.5, flushMs = 2000, startAfterMs = 0 }: SeenOptions = {},
): SeenTracker {
  const IO = (win as Window & typeof globalThis).IntersectionObserver;
  if (typeof IO !== 'function') return { observe() {}, unobserve() {}, destroy() {} };

  const doc = win.document;
  const min = Math.min(1, Math.max(0, threshold));
  const watched = new Map<Element, Watched>();
  /** The watched cards of each paper. */
  const cardsOf = new Map<string, Set<Element>>();
  /** Ids reported or waiting to be: each is reported once. */
  const seen = new Set<string>();
  let pending: string[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

  function enough(entry: IntersectionObserverEntry): boolean {
    if (!entry.isIntersecting) return false;
    if (entry.intersectionRatio >= min - EPSILON) return true;
    // A card taller than the viewport never reaches the ratio: filling the viewport counts.
    const rootHeight = entry.rootBounds?.height ?? win.innerHeight;
    return rootHeight > 0 && entry.boundingClientRect.height > rootHeight && entry.intersectionRect.height >= min * rootHeight - 1;
  }

  function stopDwell(w: Watched) {
    if (w.timer !== undefined) clearTimeout(w.timer);
    w.timer = undefined;
  }

  function startDwell(w: Watched) {
    if (w.timer !== undefined || seen.has(w.id) || doc.visibilityState === 'hidden') return;
    w.timer = setTimeout(() => {
      w.timer = undefined;
      markSeen(w.id);
    }, dwellMs);
  }

  function markSeen(id: string) {
    if (seen.has(id)) return;
    seen.add(id);
    pending.push(id);
    // Nothing more to learn about cards of this paper (usually one card: look it up, no scan).
    for (const card of [...(cardsOf.get(id) ?? [])]) unobserve(card);
    if (flushTimer === undefined) flushTimer = setTimeout(flush, flushMs);
  }

  function flush() {
    if (flushTimer !== undefined) clearTimeout(flushTimer);
    flushTimer = undefined;
    if (pending.length === 0) return;
    const ids = pending;
    pending = [];
    onSeen(ids);
  }

  const observer = new IO(
    (entries) => {
      for (const entry of entries) {
        const w = watched.get(entry.target);
        if (!w) continue;
        w.visible = enough(entry);
        if (w.visible) startDwell(w);
        else stopDwell(w);
      }
    },
    { threshold: [...new Set([0, min / 4, min / 2, (3 * min) / 4, min])] },
  );

  // A hidden tab shows nothing: dwells stop, and what is pending goes out now (the tab may never
  // come back). Back on screen, the cards still in view start their dwell again.
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') {
      flush();
      for (const w of watched.values()) stopDwell(w);
    } else {
      for (const w of watched.values()) if (w.visible) startDwell(w);
    }
  };
  const onPageHide = () => flush();
  doc.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', onPageHide);

  function unobserve(card: Element) {
    const w = watched.get(card);
    if (!w) return;
    stopDwell(w);
    watched.delete(card);
    const cards = cardsOf.get(w.id);
    cards?.delete(card);
    if (cards?.size === 0) cardsOf.delete(w.id);
    observer.unobserve(card);
  }

  /** Cards observed before watching starts. */
  const waiting = new Map<HTMLElement, string>();
  let startTimer: ReturnType<typeof setTimeout> | undefined;
  if (startAfterMs > 0) {
    startTimer = setTimeout(() => {
      startTimer = undefined;
      for (const [card, id] of waiting) if (card.isConnected) tracker.observe(card, id);
      waiting.clear();
    }, startAfterMs);
  }

  const tracker: SeenTracker = {
    observe(card, id) {
      if (destroyed) return;
      if (startTimer !== undefined) return void waiting.set(card, id);
      const w = watched.get(card);
      if (w?.id === id) return;
      if (w) unobserve(card); // reused for another paper: observed anew, so the observer says where it is
      if (seen.has(id)) return;
      watched.set(card, { id, visible: false });
      cardsOf.set(id, (cardsOf.get(id) ?? new Set()).add(card));
      observer.observe(card);
    },
    unobserve(card) {
      waiting.delete(card);
      unobserve(card);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(startTimer);
      waiting.clear();
      flush();
      for (const w of watched.values()) stopDwell(w);
      watched.clear();
      observer.disconnect();
      doc.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('pagehide', onPageHide);
    },
  };
  return tracker;
}
