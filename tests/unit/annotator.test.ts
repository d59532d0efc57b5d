import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnotator, type Annotator, type Transport } from '@/lib/page/annotator';
import { createPageQuestion } from '@/lib/page/page-question';
import type { Reply, Request } from '@/lib/messages';
import { fixtureText, LISTING, loadIntoDocument, PAPER_PAGE } from './fixtures';
import { describeFor, idsFor } from './tagging';

const flush = () => new Promise((r) => setTimeout(r, 0));
/** jsdom's .click() is not a trusted event; the real default refuses those (see below). */
const trusted = { acceptEvent: () => true };

/** A background stand-in that keeps state in a Map, and records what it was asked. */
function fakeBackground(initial: Record<string, { starred: boolean; hidden: boolean; at?: number }> = {}) {
  const states = new Map(Object.entries(initial));
  const requests: Request[] = [];
  const transport: Transport = {
    send: vi.fn(async (req: Request): Promise<Reply> => {
      requests.push(req);
      if (req.type === 'getStates') {
        return { ok: true, states: Object.fromEntries(idsFor(req).map((id) => [id, states.get(id) ?? { starred: false, hidden: false }])), ...describeFor(req) };
      }
      if (req.type === 'getLinks') return { ok: true, links: {}, pending: req.ids };
      if (req.type !== 'setState') return { ok: false, error: 'not handled' };
      const next = { starred: false, hidden: false, ...states.get(req.id), ...req.patch };
      states.set(req.id, next);
      return { ok: true, states: { [req.id]: next } };
    }),
  };
  return { transport, requests, states };
}

const hosts = () => document.querySelectorAll('[data-hfpt-controls]');
/** The 13 cards drawn (they wait for the background's answer, then are built in slices). */
const ready = () => vi.waitFor(() => expect(hosts()).toHaveLength(13));
const shadowButtons = (el: Element | null) => [...(el?.querySelector('[data-hfpt-controls]')?.shadowRoot?.querySelectorAll('button') ?? [])];
const articleOf = (id: string) => document.querySelector(`h3 a[href="/papers/${id}"]`)!.closest('article')!;
const starOf = (card: Element) => shadowButtons(card).find((b) => b.textContent?.trim() === 'Star')!;

/** Clicks Star on the Llama card with the background's answer held back; `fail` rejects it. */
async function clickStarPendingFailure(bg: ReturnType<typeof fakeBackground>) {
  let fail!: (e: Error) => void;
  vi.mocked(bg.transport.send).mockReturnValueOnce(new Promise((_, reject) => (fail = reject)));
  const star = starOf(articleOf('2407.21783'));
  star.click();
  await vi.waitFor(() => expect(star.getAttribute('aria-pressed')).toBe('true')); // optimistic
  return { star, fail };
}

let annotator: Annotator | undefined;
afterEach(() => {
  annotator?.destroy();
  annotator = undefined;
});

describe('annotator on the saved listing', () => {
  beforeEach(() => loadIntoDocument(fixtureText(LISTING), '/papers?date=2024-08-01'));

  it('annotates each of the 13 cards once, with one question per island of the page JSON', async () => {
    const bg = fakeBackground();
    annotator = createAnnotator(document, bg.transport, trusted);
    annotator.scan();
    annotator.scan();
    await ready();
    annotator.scan();
    await vi.waitFor(() => expect(hosts()).toHaveLength(13));
    document.querySelectorAll('article').forEach((a) => expect(a.querySelectorAll('[data-hfpt-controls]')).toHaveLength(1));
    // One question per island of the page's JSON, with its props (their papers' states and tags
    // come back: the JSON covers every card), then one for the code links the page does not name
    // (the 2024 page names none).
    const islands = [...document.querySelectorAll('[data-props]')].map((el) => el.getAttribute('data-props'));
    expect(bg.requests.map((r) => r.type)).toEqual([...islands.map(() => 'getStates'), 'getLinks']);
    const asks = bg.requests.slice(0, islands.length) as Extract<Request, { type: 'getStates' }>[];
    expect(asks.map((r) => r.props)).toEqual(islands.map((p) => [p]));
    expect(asks.flatMap(idsFor)).toHaveLength(13);
    expect((bg.requests.at(-1) as { ids: string[] }).ids).toHaveLength(13);
  });

  it('collapses cards the background says are hidden', async () => {
    const bg = fakeBackground({ '2407.21721': { starred: false, hidden: true } });
    annotator = createAnnotator(document, bg.transport, trusted);
    annotator.scan();
    await vi.waitFor(() => expect(hosts()).toHaveLength(13));
    expect(articleOf('2407.21721').hasAttribute('data-hfpt-hidden')).toBe(true);
    expect(articleOf('2407.21783').hasAttribute('data-hfpt-hidden')).toBe(false);
    const summary = document.querySelector('[data-hfpt-summary]')!.shadowRoot!.textContent;
    expect(summary).toContain('1 paper hidden on this page');
  });

  it('a click on Star sends the paper snapshot and shows the answer', async () => {
    const bg = fakeBackground();
    annotator = createAnnotator(document, bg.transport, trusted);
    annotator.scan();
    await ready();
    const star = starOf(articleOf('2407.21783'));
    star.click();
    await vi.waitFor(() => expect(star.getAttribute('aria-pressed')).toBe('true'));
    const set = bg.requests.find((r) => r.type === 'setState') as Extract<Request, { type: 'setState' }>;
    expect(set).toMatchObject({ id: '2407.21783', patch: { starred: true } });
    expect(set.paper).toMatchObject({ id: '2407.21783', title: 'The Llama 3 Herd of Models' });
    expect(set.paper!.authors!.length).toBeGreaterThan(2);
    expect(set.paper!.tags).toContain('LLM');
  });

  it('draws cards from their DOM when the answer is late, then takes the JSON\'s papers when it comes', async () => {
    const bg = fakeBackground();
    const answer = vi.mocked(bg.transport.send).getMockImplementation()!;
    let release!: () => void;
    const late = new Promise<void>((r) => (release = r));
    vi.mocked(bg.transport.send).mockImplementation(async (req) => {
      if (req.type === 'getStates' && req.props) await late;
      return answer(req);
    });
    annotator = createAnnotator(document, bg.transport, { ...trusted, facetsWaitMs: 30 });
    annotator.scan();
    await ready(); // drawn without the answer
    release();
    await vi.waitFor(() => expect(starOf(articleOf('2407.21783')).getAttribute('aria-pressed')).toBe('false'));
    await flush();
    starOf(articleOf('2407.21783')).click();
    await vi.waitFor(() => expect(bg.requests.some((r) => r.type === 'setState')).toBe(true));
    const set = bg.requests.find((r) => r.type === 'setState') as Extract<Request, { type: 'setState' }>;
    expect(set.paper!.authors!.length).toBeGreaterThan(2); // the JSON's paper, not the DOM's (no authors)
    expect(hosts()).toHaveLength(13);
  });

  it('reverts an optimistic click when the background fails', async () => {
    const bg = fakeBackground();
    annotator = createAnnotator(document, bg.transport, trusted);
    annotator.scan();
    await ready();
    const { star, fail } = await clickStarPendingFailure(bg);
    fail(new Error('Extension context invalidated.'));
    await vi.waitFor(() => expect(star.getAttribute('aria-pressed')).toBe('false')); // reverted
  });

  it('a failed click does not undo a newer state that came in meanwhile', async () => {
    const bg = fakeBackground();
    annotator = createAnnotator(document, bg.transport, trusted);
    annotator.scan();
    await ready();
    const { star, fail } = await clickStarPendingFailure(bg);
    // Another tab starred it too, and the background said so…
    annotator.applyStates({ '2407.21783': { starred: true, hidden: false, at: 99 } });
    // …so this tab's failed write must not unstar it on screen.
    fail(new Error('Extension context invalidated.'));
    await flush();
    await flush();
    expect(star.getAttribute('aria-pressed')).toBe('true');
  });

  it('replaces a previous instance’s UI instead of adding to it, and cleans up on destroy', async () => {
    const first = createAnnotator(document, fakeBackground().transport, trusted);
    first.scan();
    // An extension update leaves the old script orphaned: the new one starts clean…
    annotator = createAnnotator(document, fakeBackground().transport, trusted);
    annotator.scan();
    await ready();
    expect(hosts()).toHaveLength(13); // the old one, answered meanwhile, gave way
    // …and the old one, told late that it is orphaned, removes only what it added (nothing left).
    first.destroy();
    expect(hosts()).toHaveLength(13);
    annotator.destroy();
    expect(hosts()).toHaveLength(0);
    expect(document.querySelector('[data-hfpt-hidden], [data-hfpt-collapsed], [data-hfpt-summary]')).toBeNull();
  });

  it('ignores clicks the page’s own scripts make (untrusted events)', async () => {
    const bg = fakeBackground();
    annotator = createAnnotator(document, bg.transport); // the real default
    annotator.scan();
    await ready();
    const star = starOf(articleOf('2407.21783'));
    star.click();
    await flush();
    expect(bg.requests.filter((r) => r.type === 'setState')).toEqual([]);
    expect(star.getAttribute('aria-pressed')).toBe('false');
  });

  it('re-annotates a card the page reuses for another paper', async () => {
    const bg = fakeBackground();
    annotator = createAnnotator(document, bg.transport, trusted);
    annotator.scan();
    await ready();
    const article = articleOf('2407.21783');
    article.querySelectorAll('a[href="/papers/2407.21783"]').forEach((a) => a.setAttribute('href', '/papers/2605.00001'));
    article.querySelector('h3 a')!.textContent = 'A reused card';
    annotator.scan();
    await ready();
    expect(article.querySelectorAll('[data-hfpt-controls]')).toHaveLength(1);
    starOf(article).click();
    await vi.waitFor(() => expect(bg.requests.some((r) => r.type === 'setState')).toBe(true));
    expect(bg.requests.find((r) => r.type === 'setState')).toMatchObject({ id: '2605.00001', paper: { title: 'A reused card' } });
  });

  it('asks the API when the page names no usable repository', async () => {
    const props = document.querySelector('[data-target="DailyPapers"]')!;
    const data = JSON.parse(props.getAttribute('data-props')!);
    data.dailyPapers[0].paper.githubRepo = 'https://github.com/meta-llama/llama3'; // usable
    data.dailyPapers[1].paper.githubRepo = 'javascript:alert(1)'; // not a repository
    props.setAttribute('data-props', JSON.stringify(data));
    const bg = fakeBackground();
    annotator = createAnnotator(document, bg.transport, trusted);
    annotator.scan();
    await vi.waitFor(() => expect(bg.requests.some((r) => r.type === 'getLinks')).toBe(true));
    const asked = (bg.requests.find((r) => r.type === 'getLinks') as { ids: string[] }).ids;
    expect(asked).not.toContain(data.dailyPapers[0].paper.id);
    expect(asked).toContain(data.dailyPapers[1].paper.id);
    expect(asked).toHaveLength(12);
  });

  it('shows code links the API knows, and "No code yet" when it knows none', async () => {
    const bg = fakeBackground();
    annotator = createAnnotator(document, bg.transport, trusted);
    annotator.scan();
    await ready();
    const root = () => articleOf('2407.21783').querySelector('[data-hfpt-controls]')!.shadowRoot!;
    await vi.waitFor(() => expect(root().textContent).toContain('Checking code…'));
    annotator.applyLinks({
      '2407.21783': { status: 'found', githubRepo: 'https://github.com/meta-llama/llama3', githubStars: 29000, aiKeywords: [], models: 3, datasets: 0, spaces: 2 },
      '2407.21770': { status: 'none', aiKeywords: [], models: 0, datasets: 0, spaces: 0 },
    });
    await vi.waitFor(() => expect(root().querySelector('a[aria-label^="Code"]')?.getAttribute('href')).toBe('https://github.com/meta-llama/llama3'));
    expect(root().querySelector('a[aria-label^="Code"]')!.getAttribute('aria-label')).toBe('Code meta-llama/llama3 ★ 29k (29000 GitHub stars)');
    expect(root().textContent).toContain('3 models · 2 Spaces');
    const moma = articleOf('2407.21770').querySelector('[data-hfpt-controls]')!.shadowRoot!;
    await vi.waitFor(() => expect(moma.textContent).toContain('No code yet'));
  });

  it('renders hostile page text as text, never as markup', async () => {
    const link = document.querySelector('h3 a[href="/papers/2407.21783"]')!;
    link.textContent = '<img src=x onerror="window.__pwned=1">Title';
    document.querySelectorAll('[data-props]').forEach((el) => el.removeAttribute('data-props'));
    // Hidden, so that its slim row (which shows the title) is made.
    annotator = createAnnotator(document, fakeBackground({ '2407.21783': { starred: false, hidden: true } }).transport, trusted);
    annotator.scan();
    await ready();
    const root = articleOf('2407.21783').querySelector('[data-hfpt-collapsed]')!.shadowRoot!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="window.__pwned=1">Title');
  });

  describe('while the page loads (the early answer)', () => {
    /** The content script's start: the annotator made, each island asked about as the parser reaches it. */
    async function startEarly(bg: ReturnType<typeof fakeBackground>) {
      const pageQuestion = createPageQuestion(bg.transport.send);
      annotator = createAnnotator(document, bg.transport, { ...trusted, pageQuestion });
      for (const el of document.querySelectorAll('[data-props]')) pageQuestion.ask(el.getAttribute('data-props')!);
      await vi.waitFor(() => expect(bg.requests.filter((r) => r.type === 'getStates')).toHaveLength(document.querySelectorAll('[data-props]').length));
      for (let i = 0; i < 5; i++) await flush(); // the replies, then the building slices
    }

    it('builds every card\'s controls before the cards are looked for; they only go in at the scan', async () => {
      const bg = fakeBackground({ '2407.21783': { starred: true, hidden: false } });
      const shadows = vi.spyOn(HTMLElement.prototype, 'attachShadow');
      try {
        await startEarly(bg);
        expect(shadows).toHaveBeenCalledTimes(13); // built, off the page
        expect(hosts()).toHaveLength(0);
        annotator!.scan();
        expect(hosts()).toHaveLength(13); // in the same turn: the answer was in
        expect(shadows.mock.results.slice(0, 13).map((r) => r.value.host)).toEqual([...hosts()]);
        expect(starOf(articleOf('2407.21783')).getAttribute('aria-pressed')).toBe('true');
        const chips = articleOf('2407.21783').querySelector('[data-hfpt-controls]')!.shadowRoot!.querySelectorAll('[role="listitem"]');
        expect([...chips].map((c) => c.textContent)).toContain('LLM');
      } finally {
        shadows.mockRestore();
      }
    });

    it('puts cards the parser has finished in while the page loads; the one it may still be in waits for the scan', async () => {
      const bg = fakeBackground({ '2407.21783': { starred: true, hidden: false, at: 2 } });
      // The last card as the parser would leave it mid-page: nothing after it yet.
      const last = document.querySelectorAll('article')[12];
      for (let n: Node | null = last; n && n !== document; n = n.parentNode) while (n.nextSibling) n.nextSibling.remove();
      await startEarly(bg);
      expect(annotator!.scanLoading()).toBe(12);
      expect(hosts()).toHaveLength(12);
      expect(last.querySelector('[data-hfpt-controls]')).toBeNull();
      expect(starOf(articleOf('2407.21783')).getAttribute('aria-pressed')).toBe('true'); // the early answer's state
      expect(annotator!.scanLoading()).toBe(0); // again: nothing twice
      expect(hosts()).toHaveLength(12);
      last.after(document.createTextNode('\n')); // the parser's next chunk: the last card is whole
      expect(annotator!.scanLoading()).toBe(1);
      annotator!.scan();
      expect(hosts()).toHaveLength(13);
      await vi.waitFor(() => expect(bg.requests.some((r) => r.type === 'getLinks')).toBe(true)); // their code is asked about too
    });

    it('cards parsed before the answer wait for it, and go in with the next chunk after it, with the new ones', async () => {
      const bg = fakeBackground();
      const articles = [...document.querySelectorAll('article')];
      const cells = articles.map((a) => a.parentElement!);
      const grid = cells[0].parentElement!;
      const later = cells.slice(6);
      later.forEach((c) => c.remove());
      grid.append(document.createTextNode('\n')); // the sixth card is whole
      const pageQuestion = createPageQuestion(bg.transport.send);
      annotator = createAnnotator(document, bg.transport, { ...trusted, pageQuestion });
      expect(annotator.scanLoading()).toBe(0); // no answer yet: nothing is built
      expect(hosts()).toHaveLength(0);
      for (const el of document.querySelectorAll('[data-props]')) pageQuestion.ask(el.getAttribute('data-props')!);
      await vi.waitFor(() => expect(bg.requests.some((r) => r.type === 'getStates')).toBe(true));
      for (let i = 0; i < 5; i++) await flush(); // the answer, then the building slices
      // The parser's next chunk: the other cards, the last one still being parsed.
      grid.lastChild!.remove();
      for (const c of later) grid.append(c);
      for (let n: Node | null = articles[12]; n && n !== document; n = n.parentNode) while (n.nextSibling) n.nextSibling.remove();
      expect(annotator.scanLoading()).toBe(12); // the six that waited, and six of the seven new
      expect(articles.slice(0, 12).every((a) => a.querySelectorAll('[data-hfpt-controls]').length === 1)).toBe(true);
      expect(articles[12].querySelector('[data-hfpt-controls]')).toBeNull();
      expect(annotator.scanLoading()).toBe(0);
      articles[12].after(document.createTextNode('\n')); // the parser's next chunk: the last card is whole
      expect(annotator.scanLoading()).toBe(1);
      expect(hosts()).toHaveLength(13);
    });

    it('a list the page redraws while it loads is looked at again from its start', async () => {
      const bg = fakeBackground();
      const cells = [...document.querySelectorAll('article')].map((a) => a.parentElement!);
      const grid = cells[0].parentElement!;
      const pageQuestion = createPageQuestion(bg.transport.send);
      annotator = createAnnotator(document, bg.transport, { ...trusted, pageQuestion });
      expect(annotator.scanLoading()).toBe(0); // every card looked at, none built yet
      // The page replaces its list (new elements for the same papers) before the answer comes.
      const fresh = cells.map((c) => c.cloneNode(true) as HTMLElement);
      grid.replaceChildren(...fresh, document.createTextNode('\n'));
      for (const el of document.querySelectorAll('[data-props]')) pageQuestion.ask(el.getAttribute('data-props')!);
      await vi.waitFor(() => expect(bg.requests.some((r) => r.type === 'getStates')).toBe(true));
      for (let i = 0; i < 5; i++) await flush();
      expect(annotator.scanLoading()).toBe(13);
      expect(fresh.every((c) => c.querySelectorAll('[data-hfpt-controls]').length === 1)).toBe(true);
    });

    it('a built card\'s buttons act on its own paper', async () => {
      const bg = fakeBackground();
      await startEarly(bg);
      annotator!.scan();
      starOf(articleOf('2407.21705')).click();
      await vi.waitFor(() => expect(bg.requests.some((r) => r.type === 'setState')).toBe(true));
      expect(bg.requests.find((r) => r.type === 'setState')).toMatchObject({ id: '2407.21705', patch: { starred: true } });
      await vi.waitFor(() => expect(starOf(articleOf('2407.21705')).getAttribute('aria-pressed')).toBe('true'));
      expect(starOf(articleOf('2407.21783')).getAttribute('aria-pressed')).toBe('false');
    });

    it('a change pushed before the scan shows on the built card (the answer it overtook does not undo it)', async () => {
      const bg = fakeBackground({ '2407.21783': { starred: false, hidden: false, at: 3 } }); // write counters, as the real one sends
      await startEarly(bg);
      annotator!.applyStates({ '2407.21783': { starred: true, hidden: false, at: 9 } });
      annotator!.scan();
      expect(starOf(articleOf('2407.21783')).getAttribute('aria-pressed')).toBe('true');
    });
  });

  it('does nothing on pages that are not papers pages', () => {
    history.replaceState(null, '', '/models');
    annotator = createAnnotator(document, fakeBackground().transport, trusted);
    annotator.scan();
    expect(hosts()).toHaveLength(0);
  });
});

describe('annotator on the saved paper page', () => {
  it('puts one set of controls after the title, with the code link', async () => {
    loadIntoDocument(fixtureText(PAPER_PAGE), '/papers/2509.24002');
    annotator = createAnnotator(document, fakeBackground().transport, trusted);
    annotator.scan();
    annotator.scan();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    const host = document.querySelector('h1 + [data-hfpt-controls]')!;
    const code = host.shadowRoot!.querySelector('a[aria-label^="Code"]')!;
    expect(code.getAttribute('href')).toBe('https://github.com/eval-sys/mcpmark');
    expect(document.querySelector('[data-hfpt-collapsed]')).toBeNull();
  });
});
