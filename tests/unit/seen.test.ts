import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSeenTracker, type SeenTracker } from '@/lib/page/seen';

/** An IntersectionObserver the test drives: `show(card, ratio)` is the browser saying how much is on screen. */
class FakeIO {
  static last: FakeIO | null = null;
  readonly targets = new Set<Element>();
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeIO.last = this;
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  takeRecords() {
    return [];
  }
  show(el: Element, ratio: number, { height = 300, viewport = 800 } = {}) {
    if (!this.targets.has(el)) return;
    const entry = {
      target: el,
      isIntersecting: ratio > 0,
      intersectionRatio: ratio,
      boundingClientRect: new DOMRect(0, 0, 400, height),
      intersectionRect: new DOMRect(0, 0, 400, height * ratio),
      rootBounds: new DOMRect(0, 0, 1000, viewport),
      time: 0,
    } as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

const io = () => FakeIO.last!;
const card = () => document.body.appendChild(document.createElement('article'));

let tracker: SeenTracker | undefined;
let onSeen: ReturnType<typeof vi.fn<(ids: string[]) => void>>;
let visibility: DocumentVisibilityState = 'visible';

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeIO);
  FakeIO.last = null;
  onSeen = vi.fn();
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});
afterEach(() => {
  tracker?.destroy();
  tracker = undefined;
  vi.unstubAllGlobals();
  vi.useRealTimers();
  delete (document as { visibilityState?: unknown }).visibilityState; // back to jsdom's own
  document.body.replaceChildren();
});

function track(options?: Parameters<typeof createSeenTracker>[2]) {
  tracker = createSeenTracker(window, onSeen, options);
  return tracker;
}

describe('seen tracker', () => {
  it('counts a card seen once it stayed on screen for the dwell time, and reports it after the batch delay', () => {
    const t = track();
    const a = card();
    t.observe(a, 'a');
    io().show(a, 0.6);
    vi.advanceTimersByTime(999);
    io().show(a, 0.7); // still on screen: the dwell goes on, not anew
    vi.advanceTimersByTime(1); // seen now, reported with the batch
    expect(onSeen).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1999);
    expect(onSeen).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSeen).toHaveBeenCalledExactlyOnceWith(['a']);
  });

  it('with startAfterMs, watches nothing until then; cards observed meanwhile are watched then, unless taken away', () => {
    const t = track({ startAfterMs: 1000 });
    const [a, b, c] = [card(), card(), card()];
    t.observe(a, 'a');
    t.observe(b, 'b');
    t.observe(c, 'c');
    t.unobserve(b);
    c.remove();
    expect(io().targets.size).toBe(0);
    vi.advanceTimersByTime(1000);
    expect([...io().targets]).toEqual([a]);
    io().show(a, 1);
    vi.advanceTimersByTime(3000);
    expect(onSeen).toHaveBeenCalledExactlyOnceWith(['a']);
  });

  it('a card merely in the page, or that left before the dwell time, is not seen', () => {
    const t = track();
    const [a, b] = [card(), card()];
    t.observe(a, 'a');
    t.observe(b, 'b');
    io().show(a, 0.6);
    vi.advanceTimersByTime(900);
    io().show(a, 0);
    vi.advanceTimersByTime(900);
    io().show(a, 0.6); // back: the dwell starts over
    vi.advanceTimersByTime(900);
    expect(onSeen).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(onSeen).toHaveBeenCalledExactlyOnceWith(['a']); // seen 1000 ms after it came back; b never
  });

  it('needs the threshold share of the card on screen (asked of the observer)', () => {
    const t = track({ threshold: 0.5 });
    expect(io().options.threshold).toContain(0.5);
    const a = card();
    t.observe(a, 'a');
    io().show(a, 0.4);
    vi.advanceTimersByTime(10_000);
    expect(onSeen).not.toHaveBeenCalled();
    io().show(a, 0.5);
    vi.advanceTimersByTime(3000);
    expect(onSeen).toHaveBeenCalledExactlyOnceWith(['a']);
  });

  it('a card taller than the viewport counts when it fills that share of the viewport', () => {
    const t = track();
    const [tall, peek] = [card(), card()];
    t.observe(tall, 'tall');
    t.observe(peek, 'peek');
    io().show(tall, 0.3, { height: 2000, viewport: 800 }); // 600 px of an 800 px viewport
    io().show(peek, 0.1, { height: 2000, viewport: 800 }); // 200 px: a glimpse
    vi.advanceTimersByTime(3000);
    expect(onSeen).toHaveBeenCalledExactlyOnceWith(['tall']);
  });

  it('batches: one report per flush delay at most', () => {
    const t = track({ dwellMs: 1000, flushMs: 2000 });
    const cards = [card(), card(), card()];
    cards.forEach((c, i) => t.observe(c, `p${i}`));
    io().show(cards[0], 1); // seen at 1000: batch goes at 3000
    vi.advanceTimersByTime(500);
    io().show(cards[1], 1); // seen at 1500: same batch
    vi.advanceTimersByTime(3000);
    expect(onSeen.mock.calls).toEqual([[['p0', 'p1']]]);
    io().show(cards[2], 1); // at 3500: seen at 4500, batch at 6500
    vi.advanceTimersByTime(2999);
    expect(onSeen).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(onSeen.mock.calls).toEqual([[['p0', 'p1']], [['p2']]]);
  });

  it('reports each id once, whatever the cards and re-observations', () => {
    const t = track();
    const [a, twin] = [card(), card()];
    t.observe(a, 'a');
    t.observe(twin, 'a'); // the same paper twice on a page
    io().show(a, 1);
    io().show(twin, 1);
    vi.advanceTimersByTime(3000);
    t.observe(a, 'a'); // watched again after it was seen: nothing to do
    io().show(a, 1);
    vi.advanceTimersByTime(10_000);
    expect(onSeen.mock.calls).toEqual([[['a']]]);
    expect(io().targets.size).toBe(0); // nothing left to watch
  });

  it('a card the page reuses for another paper starts anew', () => {
    const t = track();
    const a = card();
    t.observe(a, 'old');
    io().show(a, 1);
    vi.advanceTimersByTime(500);
    t.observe(a, 'new');
    vi.advanceTimersByTime(1000);
    expect(io().targets.has(a)).toBe(true);
    io().show(a, 1); // the observer reports a newly observed target at once
    vi.advanceTimersByTime(3000);
    expect(onSeen.mock.calls).toEqual([[['new']]]);
  });

  it('unobserve cancels a dwell under way', () => {
    const t = track();
    const a = card();
    t.observe(a, 'a');
    io().show(a, 1);
    vi.advanceTimersByTime(500);
    t.unobserve(a);
    expect(io().targets.has(a)).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(onSeen).not.toHaveBeenCalled();
  });

  it('flushes at once on pagehide', () => {
    const t = track();
    const a = card();
    t.observe(a, 'a');
    io().show(a, 1);
    vi.advanceTimersByTime(1000);
    expect(onSeen).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('pagehide'));
    expect(onSeen).toHaveBeenCalledExactlyOnceWith(['a']);
    vi.advanceTimersByTime(10_000);
    expect(onSeen).toHaveBeenCalledTimes(1);
  });

  it('flushes when the tab is hidden, and a hidden tab shows nothing: dwells stop and start again', () => {
    const t = track();
    const [a, b] = [card(), card()];
    t.observe(a, 'a');
    t.observe(b, 'b');
    io().show(a, 1);
    vi.advanceTimersByTime(1000); // a seen, pending
    io().show(b, 1);
    vi.advanceTimersByTime(500);
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(onSeen.mock.calls).toEqual([[['a']]]);
    vi.advanceTimersByTime(60_000); // b's dwell was stopped
    expect(onSeen).toHaveBeenCalledTimes(1);
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(999);
    vi.advanceTimersByTime(2000);
    expect(onSeen).toHaveBeenCalledTimes(1); // b needs its full dwell again (seen at 1000, batch at 3000)
    vi.advanceTimersByTime(1);
    expect(onSeen.mock.calls).toEqual([[['a']], [['b']]]);
  });

  it('a card on screen in a tab opened in the background waits until the tab is shown', () => {
    visibility = 'hidden';
    const t = track();
    const a = card();
    t.observe(a, 'a');
    io().show(a, 1);
    vi.advanceTimersByTime(10_000);
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(3000);
    expect(onSeen).toHaveBeenCalledExactlyOnceWith(['a']);
  });

  it('destroy reports what is pending, then stops everything', () => {
    const t = track();
    const [a, b] = [card(), card()];
    t.observe(a, 'a');
    t.observe(b, 'b');
    io().show(a, 1);
    vi.advanceTimersByTime(1000);
    io().show(b, 1);
    t.destroy();
    expect(onSeen).toHaveBeenCalledExactlyOnceWith(['a']);
    expect(io().targets.size).toBe(0);
    vi.advanceTimersByTime(10_000);
    window.dispatchEvent(new Event('pagehide'));
    t.observe(card(), 'c');
    expect(onSeen).toHaveBeenCalledTimes(1);
  });

  it('without IntersectionObserver, reports nothing (and does not throw)', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const t = track();
    const a = card();
    t.observe(a, 'a');
    vi.advanceTimersByTime(10_000);
    window.dispatchEvent(new Event('pagehide'));
    t.unobserve(a);
    t.destroy();
    expect(onSeen).not.toHaveBeenCalled();
  });
});
