import { describe, expect, it } from 'vitest';
import { findListingCards, findPaperPageCard, listingCardsWhileLoading, paperForCard, stillShows, watchListWhileLoading } from '@/lib/hf/cards';
import { readEmbeddedPapers, toPagePaper } from '@/lib/hf/embedded';
import { pageKind, paperIdFromHref } from '@/lib/hf/urls';
import { fixtureText, LISTING, PAPER_PAGE, parsePage } from './fixtures';

describe('pageKind', () => {
  it.each([
    ['https://huggingface.co/papers', 'listing'],
    ['https://huggingface.co/papers/', 'listing'],
    ['https://huggingface.co/papers?date=2024-08-01', 'listing'],
    ['https://huggingface.co/papers?q=diffusion', 'listing'],
    ['https://huggingface.co/papers/date/2024-08-01', 'listing'],
    ['https://huggingface.co/papers/week/2025-W40', 'listing'],
    ['https://huggingface.co/papers/month/2025-10', 'listing'],
    ['https://huggingface.co/papers/trending', 'listing'],
    ['https://huggingface.co/papers/2509.24002', 'paper'],
    ['https://huggingface.co/papers/2509.24002#community', 'paper'],
    ['https://huggingface.co/papers/submit', 'other'],
    ['https://huggingface.co/papers/2509.24002/extra', 'other'],
    ['https://huggingface.co/models', 'other'],
    ['https://huggingface.co/', 'other'],
    ['https://evil.example/papers', 'other'],
    ['http://huggingface.co/papers', 'other'],
    ['not a url', 'other'],
  ])('%s → %s', (url, kind) => {
    expect(pageKind(url)).toBe(kind);
  });
});

describe('paperIdFromHref', () => {
  it.each([
    ['/papers/2407.21783', '2407.21783'],
    ['/papers/2407.21783#community', '2407.21783'],
    ['/papers/2407.21783v2', '2407.21783'],
    ['https://huggingface.co/papers/2509.24002', '2509.24002'],
    ['/papers/trending', null],
    ['/papers/date/2024-08-01', null],
    ['/login?next=%2Fpapers%2F2407.21783', null],
    ['https://evil.example/papers/2407.21783', null],
    ['javascript:alert(1)', null],
    ['', null],
    [null, null],
  ])('%s → %s', (href, id) => {
    expect(paperIdFromHref(href)).toBe(id);
  });
});

describe('the saved 2024 listing page', () => {
  const doc = parsePage(fixtureText(LISTING));
  const embedded = readEmbeddedPapers(doc);
  const cards = findListingCards(doc);

  it('has 13 papers in its embedded JSON, with titles, abstracts and authors', () => {
    expect(embedded.size).toBe(13);
    const llama = embedded.get('2407.21783')!;
    expect(llama.title).toBe('The Llama 3 Herd of Models');
    expect(llama.abstract).toMatch(/^Modern artificial intelligence \(AI\) systems are powered by foundation models\. This paper/);
    expect(llama.abstract).not.toMatch(/\n/);
    expect(llama.authors[0]).toBe('Abhimanyu Dubey');
    expect(llama.upvotes).toBe(94);
  });

  it('finds the 13 cards, each once, with the id and title of its title link', () => {
    expect(cards.map((c) => c.id)).toEqual([...embedded.keys()]);
    for (const card of cards) {
      expect(card.card.tagName).toBe('ARTICLE');
      expect(card.domTitle).toBe(embedded.get(card.id)!.title);
      expect(card.anchor.querySelector('h3')).not.toBeNull();
    }
  });

  it('falls back to the DOM when the embedded JSON is gone', () => {
    const bare = parsePage(fixtureText(LISTING));
    bare.querySelectorAll('[data-props]').forEach((el) => el.removeAttribute('data-props'));
    const none = readEmbeddedPapers(bare);
    expect(none.size).toBe(0);
    const domCards = findListingCards(bare);
    expect(domCards).toHaveLength(13);
    const paper = paperForCard(domCards[0], none);
    expect(paper).toMatchObject({ id: '2407.21783', title: 'The Llama 3 Herd of Models', authors: [] });
  });

  it('finds the cards of a redesigned page without <article>s and with renamed classes', () => {
    const html = fixtureText(LISTING)
      .replace(/<article\b/g, '<section')
      .replace(/<\/article>/g, '</section>')
      .replace(/class="[^"]*"/g, 'class="x"');
    const d = parsePage(html);
    const found = findListingCards(d);
    expect(found.map((c) => c.id)).toEqual([...embedded.keys()]);
    for (const c of found) {
      // The whole card (or the grid cell around it), not just its title.
      expect(c.card.matches('section') || c.card.querySelector(':scope > section') !== null).toBe(true);
      expect(c.card.querySelectorAll('h3')).toHaveLength(1);
      expect(c.domTitle).toBe(embedded.get(c.id)!.title);
    }
  });

  it('tells whether a card still shows the paper it was found with (stillShows), without reading it again', () => {
    const d = parsePage(fixtureText(LISTING));
    const [first, second, third] = findListingCards(d);
    expect([first, second, third].map(stillShows)).toEqual([true, true, true]);
    first.idLink!.el.setAttribute('href', '/papers/2605.00001'); // the page reused the card
    second.card.querySelector('h3')!.replaceChildren(Object.assign(d.createElement('a'), { href: '/papers/2605.00002' })); // a new title link
    expect([first, second, third].map(stillShows)).toEqual([false, false, true]);
    // An id read from a link other than the title's is read again each time.
    const [other] = findListingCards(parsePage('<article><h3>No link</h3><a href="/papers/2401.00001">x</a></article>'));
    expect(other.id).toBe('2401.00001');
    expect(stillShows(other)).toBe(false);
  });

  it('finds the cards after a given one as the whole document query would (listingCardsWhileLoading)', () => {
    const all = (d: Document) => listingCardsWhileLoading(d);
    // The saved page, then shapes a redesign might take: cards wrapped or not, lists split across
    // sections, cards after the list, and none after the last.
    const pages = [
      fixtureText(LISTING),
      '<main><article id="a"></article><article id="b"></article><div><article id="c"></article></div></main><footer><article id="d"></article></footer>',
      '<section><div><div><article id="a"></article></div><div><article id="b"></article></div></div></section><section><div><div><article id="c"></article></div></div><p>x</p></section><article id="d"></article>',
      '<div><article id="only"></article></div><p>after</p>',
    ];
    for (const html of pages) {
      const d = parsePage(html);
      const cards = all(d);
      expect(cards.length).toBeGreaterThan(0);
      cards.forEach((card, i) => {
        const after = listingCardsWhileLoading(d, card);
        expect(after.length).toBe(cards.length - i - 1);
        after.forEach((c, j) => expect(c).toBe(cards[i + 1 + j])); // the same elements, not look-alikes
      });
    }
  });

  it('watches the whole document until the first paper card, then only its ancestors (watchListWhileLoading)', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const card = (d: Document, id: string) => {
      const a = d.createElement('article');
      a.innerHTML = `<h3><a href="/papers/${id}">A paper</a></h3>`;
      return a;
    };
    // Cards straight in the list, in cells of their own (the saved listing), and nested deeper.
    for (const depth of [0, 1, 2]) {
      // Before the list: an article that is not a paper's card, though it links to the papers' pages.
      const d = parsePage('<header><article id="promo"><a href="/papers/trending">Trending</a></article></header><main><ul id="list"></ul></main>');
      const list = d.getElementById('list')!;
      const add = (id: string) => {
        let item: Element = card(d, id);
        for (let i = 0; i < depth; i++) {
          const wrap = d.createElement(i === depth - 1 ? 'li' : 'div');
          wrap.append(item);
          item = wrap;
        }
        list.append(item);
      };
      let calls = 0;
      const watcher = watchListWhileLoading(d, () => calls++);
      // Before the first paper card anything the parser adds counts.
      d.getElementById('promo')!.append(d.createElement('p'));
      await tick();
      expect(calls).toBe(1);
      add('2401.00001');
      await tick();
      expect(calls).toBe(2);
      // From then on, what is added inside a card or inside the promo article is not even recorded…
      list.querySelector('article')!.append(d.createElement('p'));
      d.getElementById('promo')!.append(d.createElement('p'));
      await tick();
      expect(calls).toBe(2);
      // …and every card added to the list is, as is what the parser adds after the list.
      add('2401.00002');
      await tick();
      add('2401.00003');
      await tick();
      d.body.append(d.createElement('footer'));
      await tick();
      expect(calls).toBe(5);
      watcher.stop();
      add('2401.00004');
      await tick();
      expect(calls).toBe(5);
    }
  });

  it('skips cards without a usable paper id instead of guessing', () => {
    const d = parsePage('<article><h3><a href="/papers/trending">Trending</a></h3></article><article><a href="/papers/2401.00001">x</a></article>');
    expect(findListingCards(d).map((c) => c.id)).toEqual(['2401.00001']);
  });
});

describe('the saved 2025 paper page', () => {
  const doc = parsePage(fixtureText(PAPER_PAGE));

  it('reads PaperContent: code, stars, project page and HF keywords', () => {
    const paper = readEmbeddedPapers(doc).get('2509.24002')!;
    expect(paper.title).toBe('MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use');
    expect(paper.githubRepo).toBe('https://github.com/eval-sys/mcpmark');
    expect(paper.githubStars).toBe(182);
    expect(paper.projectPage).toBe('https://mcpmark.ai/');
    expect(paper.aiKeywords.length).toBeGreaterThan(0);
  });

  it('puts the controls after the <h1> title', () => {
    const ref = findPaperPageCard(doc, '2509.24002')!;
    expect(ref.anchor.tagName).toBe('H1');
    expect(ref.position).toBe('after');
    expect(ref.domTitle).toBe('MCPMark: A Benchmark for Stress-Testing Realistic and Comprehensive MCP Use');
  });
});

describe('tolerant parsing of embedded JSON', () => {
  it('drops fields of the wrong type, keeps the paper', () => {
    const p = toPagePaper({
      id: '2401.00001',
      title: 'T',
      summary: 42,
      authors: 'nobody',
      githubStars: 'many',
      githubRepo: null,
      ai_keywords: [1, 2],
      brandNewField: { x: 1 },
    });
    expect(p).toEqual({ id: '2401.00001', title: 'T', authors: [], aiKeywords: [], abstract: undefined, publishedAt: undefined, upvotes: undefined, githubRepo: undefined, githubStars: undefined, projectPage: undefined });
  });

  it('rejects a paper without an arXiv id', () => {
    expect(toPagePaper({ id: '../../etc', title: 'x' })).toBeNull();
    expect(toPagePaper({ title: 'x' })).toBeNull();
    expect(toPagePaper('x')).toBeNull();
  });

  it('survives malformed props and finds papers in unknown shapes', () => {
    const d = parsePage(`
      <div data-target="DailyPapers" data-props="{not json"></div>
      <div data-target="SomethingNew" data-props='{"sections":[{"items":[{"paper":{"id":"2502.00002","title":"Deep"}}]}]}'></div>`);
    const papers = readEmbeddedPapers(d);
    expect([...papers.keys()]).toEqual(['2502.00002']);
  });

  it('reads the 2026 API item shape (githubRepo, stars, keywords)', () => {
    const items = JSON.parse(fixtureText('api_daily_papers_2026-05-08.json')) as { paper: unknown }[];
    const parsed = items.map((i) => toPagePaper(i.paper));
    expect(parsed.every((p) => p !== null)).toBe(true);
    const withRepo = parsed.filter((p) => p!.githubRepo);
    expect(withRepo.length).toBe(20);
    expect(withRepo.every((p) => typeof p!.githubStars === 'number')).toBe(true);
  });
});
