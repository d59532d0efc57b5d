// The content script's wiring: an extension update while the page is open (orphaned script),
// pushes from the background, and scans after page changes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTriage, type ContentContext, type ContentRuntime } from '@/lib/page/run';
import type { Annotator } from '@/lib/page/annotator';
import type { Request } from '@/lib/messages';
import { fixtureText, LISTING, loadIntoDocument } from './fixtures';
import { describeFor, idsFor } from './tagging';

/** Every context a test made: each is invalidated after the test (its timers, observers and overlays end). */
const contexts: { invalidate(): void; isInvalid: boolean }[] = [];

function fakeContext() {
  let invalid = false;
  const listeners: (() => void)[] = [];
  const ctx: ContentContext & { invalidate(): void } = {
    // Like WXT's: reading isInvalid when the runtime is gone runs the invalidation listeners.
    get isInvalid() {
      if (invalid) listeners.splice(0).forEach((cb) => cb());
      return invalid;
    },
    onInvalidated: (cb) => listeners.push(cb),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    addEventListener: (target, type, fn) => target.addEventListener(type, fn),
    invalidate: () => void (invalid = true),
  };
  contexts.push(ctx);
  return ctx;
}

function fakeRuntime() {
  const onMessage = new Set<(msg: unknown) => void>();
  const runtime: ContentRuntime & { push(msg: unknown): void } = {
    sendMessage: vi.fn(async (req: unknown) => {
      const r = req as Extract<Request, { type: 'getStates' }>;
      if (r.type === 'getStates') return { ok: true, states: Object.fromEntries(idsFor(r).map((id) => [id, { starred: false, hidden: false, at: 1 }])), ...describeFor(r) };
      return { ok: true, links: {}, pending: [] };
    }),
    onMessage: { addListener: (fn) => onMessage.add(fn), removeListener: (fn) => onMessage.delete(fn) },
    push: (msg) => onMessage.forEach((fn) => fn(msg)),
  };
  return runtime;
}

const hosts = () => document.querySelectorAll('[data-hfpt-controls]').length;
let running: Annotator | undefined;
afterEach(() => {
  running?.destroy();
  // A test's instance must not act in the next one (its health check, 1.5 s on, shows a notice
  // after the page's content: a card in the next test's loading page would look finished).
  for (const ctx of contexts.splice(0)) {
    ctx.invalidate();
    void ctx.isInvalid; // runs the invalidation listeners
  }
});

const healthReports = (runtime: ContentRuntime) =>
  vi.mocked(runtime.sendMessage).mock.calls.map(([m]) => m as { type: string; health?: Record<string, unknown> }).filter((m) => m.type === 'reportHealth');

describe('page health', () => {
  it('reports a recognised listing once, and shows no notice', async () => {
    loadIntoDocument(fixtureText(LISTING), '/papers');
    const runtime = fakeRuntime();
    running = startTriage(document, window, fakeContext(), runtime);
    await vi.waitFor(() => expect(healthReports(runtime)).toHaveLength(1), { timeout: 4000 });
    expect(healthReports(runtime)[0].health).toEqual({ path: '/papers', kind: 'listing', papersLinked: 13, papersInJson: 13, cardsAnnotated: 13, recognised: true });
    expect(document.querySelector('[data-hfpt-overlay="notice"]')).toBeNull();
  });

  it('says once, quietly, when a page shows papers but no card is recognised', async () => {
    history.replaceState(null, '', '/papers?date=2030-01-01');
    document.body.innerHTML = '<main><ul><li><a href="/papers/2401.00001">A paper</a></li><li><a href="/papers/2401.00002">Another</a></li></ul></main>';
    const runtime = fakeRuntime();
    const ctx = fakeContext();
    running = startTriage(document, window, ctx, runtime);
    await vi.waitFor(() => expect(healthReports(runtime)).toHaveLength(1), { timeout: 4000 });
    expect(healthReports(runtime)[0].health).toMatchObject({ papersLinked: 2, cardsAnnotated: 0, recognised: false });
    const notice = document.querySelector('[data-hfpt-overlay="notice"]')!;
    expect(notice.shadowRoot!.textContent).toContain('Papers layout not recognised — controls unavailable');
    (notice.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    expect(document.querySelector('[data-hfpt-overlay="notice"]')).toBeNull();
  });
});

describe('undo toast', () => {
  const starOf = (id: string) =>
    [...document.querySelector(`h3 a[href="/papers/${id}"]`)!.closest('article')!.querySelector('[data-hfpt-controls]')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Star')!;
  const toast = () => document.querySelector('[data-hfpt-overlay="toast"]');

  it('comes once the star is saved; a star that failed is taken back and offers no undo', async () => {
    loadIntoDocument(fixtureText(LISTING), '/papers');
    const runtime = fakeRuntime();
    let fail = false;
    const answer = vi.mocked(runtime.sendMessage).getMockImplementation()!;
    vi.mocked(runtime.sendMessage).mockImplementation(async (req: unknown) => {
      const r = req as Request;
      if (r.type !== 'setState') return answer(req);
      if (fail) return { ok: false, error: 'quota' };
      return { ok: true, states: { [r.id]: { starred: !!r.patch.starred, hidden: false, at: 9 } } };
    });
    running = startTriage(document, window, fakeContext(), runtime, undefined, { acceptEvent: () => true });
    await vi.waitFor(() => expect(hosts()).toBe(13));
    starOf('2407.21783').click();
    await vi.waitFor(() => expect(toast()?.shadowRoot?.textContent).toContain('Starred: The Llama 3 Herd of Models'));
    toast()!.remove();
    fail = true;
    starOf('2407.21705').click();
    await vi.waitFor(() => expect(starOf('2407.21705').getAttribute('aria-pressed')).toBe('false')); // taken back
    await new Promise((r) => setTimeout(r, 200)); // past the toast's longest wait
    expect(toast()).toBeNull();
  });
});

describe('content script wiring', () => {
  it('applies states the background pushes', async () => {
    loadIntoDocument(fixtureText(LISTING), '/papers');
    const runtime = fakeRuntime();
    running = startTriage(document, window, fakeContext(), runtime);
    const article = document.querySelector('h3 a[href="/papers/2407.21783"]')!.closest('article')!;
    await vi.waitFor(() => expect(runtime.sendMessage).toHaveBeenCalled());
    runtime.push({ type: 'statesChanged', states: { '2407.21783': { starred: false, hidden: true, at: 5 } } });
    await vi.waitFor(() => expect(article.hasAttribute('data-hfpt-hidden')).toBe(true));
  });

  it('annotates cards added later, in one scan per burst', async () => {
    loadIntoDocument(fixtureText(LISTING), '/papers');
    const runtime = fakeRuntime();
    running = startTriage(document, window, fakeContext(), runtime);
    await vi.waitFor(() => expect(hosts()).toBe(13));
    const grid = document.querySelector('article')!.parentElement!.parentElement!;
    for (let i = 0; i < 5; i++) {
      const clone = document.querySelector('article')!.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[data-hfpt-controls], [data-hfpt-collapsed]').forEach((el) => el.remove());
      clone.querySelectorAll('a[href^="/papers/"]').forEach((a) => a.setAttribute('href', `/papers/2605.0000${i}`));
      grid.append(clone);
    }
    await vi.waitFor(() => expect(hosts()).toBe(18));
    const stateAsks = vi.mocked(runtime.sendMessage).mock.calls.map(([m]) => m as Partial<Extract<Request, { type: 'getStates' }>>).filter((m) => m.type === 'getStates');
    // The first scan's questions about the page's JSON (one per island), then one for the five new cards.
    expect(stateAsks.filter((m) => m.props)).toHaveLength(document.querySelectorAll('[data-props]').length);
    expect(stateAsks.filter((m) => !m.props).map((m) => m.ids)).toEqual([['2605.00000', '2605.00001', '2605.00002', '2605.00003', '2605.00004']]);
  });

  it('notices cards the page takes away: the hidden count follows', async () => {
    loadIntoDocument(fixtureText(LISTING), '/papers');
    const runtime = fakeRuntime();
    running = startTriage(document, window, fakeContext(), runtime);
    await vi.waitFor(() => expect(hosts()).toBe(13));
    runtime.push({ type: 'statesChanged', states: { '2407.21783': { starred: false, hidden: true, at: 5 }, '2407.21705': { starred: false, hidden: true, at: 5 } } });
    const summary = () => document.querySelector('[data-hfpt-summary]')?.shadowRoot?.textContent ?? '';
    await vi.waitFor(() => expect(summary()).toContain('2 papers hidden on this page'));
    document.querySelector('h3 a[href="/papers/2407.21783"]')!.closest('article')!.parentElement!.remove();
    await vi.waitFor(() => expect(summary()).toContain('1 paper hidden on this page'));
  });

  it('an orphaned script (extension updated) stops cleanly at its next use', async () => {
    loadIntoDocument(fixtureText(LISTING), '/papers');
    const runtime = fakeRuntime();
    const ctx = fakeContext();
    running = startTriage(document, window, ctx, runtime);
    await vi.waitFor(() => expect(hosts()).toBe(13));
    const calls = vi.mocked(runtime.sendMessage).mock.calls.length;
    ctx.invalidate(); // the extension was updated: the runtime is gone
    // The page changes: the script notices instead of calling into the dead runtime…
    document.body.append(document.createElement('div'));
    await vi.waitFor(() => expect(hosts()).toBe(0));
    // …removes its UI, stops observing, and sends nothing more.
    document.body.append(document.createElement('article'));
    await new Promise((r) => setTimeout(r, 20));
    expect(hosts()).toBe(0);
    expect(runtime.sendMessage).toHaveBeenCalledTimes(calls);
    expect(document.querySelector('[data-hfpt-collapsed], [data-hfpt-summary], [data-hfpt-hidden]')).toBeNull();
  });
});

describe('settings for the page', () => {
  it('come from the extension storage the background mirrors them to, without a message; else from the background', async () => {
    const { requestSettings } = await import('@/lib/page/run');
    const { DEFAULT_SETTINGS } = await import('@/lib/settings');
    const { PAGE_SETTINGS_KEY, pageSettingsOf } = await import('@/lib/page-settings');
    const runtime = fakeRuntime();
    const mirrored = pageSettingsOf({ ...DEFAULT_SETTINGS, dimSeen: false });
    const stored = await requestSettings(runtime, { get: async () => ({ [PAGE_SETTINGS_KEY]: mirrored }) });
    expect(stored).toEqual({ ok: true, settings: mirrored });
    expect(runtime.sendMessage).not.toHaveBeenCalled();
    // Nothing mirrored yet (just installed), or something else under the key: ask the background.
    for (const get of [async () => ({}), async () => ({ [PAGE_SETTINGS_KEY]: { rules: 'x' } }), async () => Promise.reject(new Error('no storage'))]) {
      await requestSettings(runtime, { get });
    }
    expect(vi.mocked(runtime.sendMessage).mock.calls.map(([m]) => (m as { type: string }).type)).toEqual(['getSettings', 'getSettings', 'getSettings']);
  });
});

describe('a page that is still loading', () => {
  afterEach(() => void delete (document as { readyState?: string }).readyState);

  it('wakes the background as it starts, before the parser reaches the page\'s JSON; a page already loaded asks at once', async () => {
    const sent = (runtime: ContentRuntime) => vi.mocked(runtime.sendMessage).mock.calls.map(([m]) => (m as Request).type);
    loadIntoDocument(fixtureText(LISTING), '/papers');
    document.querySelectorAll('[data-props]').forEach((el) => el.remove()); // not parsed yet
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    const runtime = fakeRuntime();
    running = startTriage(document, window, fakeContext(), runtime, Promise.resolve({ ok: true }));
    expect(sent(runtime)).toEqual(['wake']);
    running.destroy();

    history.replaceState(null, '', '/papers/submit'); // a papers page with no papers: nothing to ask
    const other = fakeRuntime();
    running = startTriage(document, window, fakeContext(), other, Promise.resolve({ ok: true }));
    expect(sent(other)).toEqual([]);
    running.destroy();

    delete (document as { readyState?: string }).readyState; // loaded: the question goes now, no wake
    loadIntoDocument(fixtureText(LISTING), '/papers');
    const loaded = fakeRuntime();
    running = startTriage(document, window, fakeContext(), loaded, Promise.resolve({ ok: true }));
    await vi.waitFor(() => expect(sent(loaded)).toContain('getStates'));
    expect(sent(loaded)).not.toContain('wake');
  });

  it('cards the parser has finished go in with its chunk; the rest right after DOMContentLoaded, not in its task', async () => {
    loadIntoDocument(fixtureText(LISTING), '/papers');
    const articles = [...document.querySelectorAll('article')];
    const cells = articles.map((a) => a.parentElement!);
    const grid = cells[0].parentElement!;
    cells.forEach((c) => c.remove());
    // The parser is in the list: nothing after it exists yet (nor after a card in its cell).
    for (let n: Node | null = grid; n && n !== document; n = n.parentNode) while (n.nextSibling) n.nextSibling.remove();
    for (const a of articles) while (a.nextSibling) a.nextSibling.remove();
    // Every island, as the parser will insert it again.
    const islands = [...document.querySelectorAll('[data-props]')].map((el) => ({ el, parent: el.parentElement!, next: el.nextSibling }));
    islands.forEach(({ el }) => el.remove());
    let state = 'loading';
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
    const runtime = fakeRuntime();
    running = startTriage(document, window, fakeContext(), runtime);

    // The parser reaches the islands: each one's JSON is asked about at once; the controls are built from the answers.
    for (const { el, parent, next } of islands) parent.insertBefore(el, next);
    const asked = () => vi.mocked(runtime.sendMessage).mock.calls.filter(([m]) => (m as Request).type === 'getStates');
    await vi.waitFor(() => expect(asked()).toHaveLength(islands.length));
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0)); // the answer, then the building slices
    expect(hosts()).toBe(0);

    // Chunks of cards: all but the last are whole (something follows them); they go in with their
    // chunk. The second chunk is seen by watching the list alone (after the first card).
    const chunks = [cells.slice(0, 5), cells.slice(5)];
    for (const [i, chunk] of chunks.entries()) {
      grid.append(...chunk);
      await Promise.resolve(); // the chunk's task ends: MutationObserver callbacks run, before any layout
      expect(hosts()).toBe(i === 0 ? 4 : articles.length - 1);
    }
    expect(articles.at(-1)!.querySelector('[data-hfpt-controls]')).toBeNull();
    // Laid out with the page: no content-visibility (it would cost every frame of a scroll).
    const late = () => [...document.querySelectorAll('[data-hfpt-controls][data-hfpt-late]')].map((h) => h.closest('article'));
    expect(late()).toEqual([]);

    state = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(hosts()).toBe(articles.length - 1); // not in DOMContentLoaded's task
    await vi.waitFor(() => expect(hosts()).toBe(articles.length));
    expect([...document.querySelectorAll('article')].every((a) => a.querySelectorAll('[data-hfpt-controls]').length === 1)).toBe(true);
    // Put in after the page was parsed: off-screen, it skips layout.
    expect(late()).toEqual([articles.at(-1)]);
  });
});
