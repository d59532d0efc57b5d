// Hostile page content: the saved real listing with its embedded JSON and its DOM poisoned
// (markup, javascript:/data: URLs, 1 MB strings, RTL and zero-width characters, wrong JSON types,
// missing and fake ids, prototype-pollution keys). Three levels: the parsers (lib/hf), what a card
// shows (cardView), and the annotator in jsdom. Nothing may run, nothing may become markup or a
// live non-https link, nothing may crash, and every card with a usable id still gets its controls.
//   npx vitest run tests/unit/hostile-page.test.ts
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { findListingCards, paperForCard } from '@/lib/hf/cards';
import { createPropsParts } from '@/lib/papers/props-parts';
import { readEmbeddedPapers, toPagePaper, type PagePaper } from '@/lib/hf/embedded';
import { pageKind, paperIdFromHref } from '@/lib/hf/urls';
import { PaperSnapshot, Request as RequestSchema, type Reply, type Request, type LinkInfos } from '@/lib/messages';
import { createAnnotator, type Annotator, type Transport } from '@/lib/page/annotator';
import { paperText } from '@/lib/tags/text';
import { cardView, keywordsFor, snapshot, type ApiLinks } from '@/lib/page/card-view';
import { fixtureText, LISTING, loadIntoDocument, parsePage } from './fixtures';
import { describeFor, facetsFor, idsFor } from './tagging';
import { HOSTILE_TEXT, HOSTILE_URLS } from './gen';

declare global {
  interface Window {
    __pwned?: unknown;
    __canary?: unknown;
  }
}

const LISTING_HTML = fixtureText(LISTING);
/**
 * The window the page's scripts and inline handlers run in: vitest's jsdom keeps it at
 * globalThis.jsdom.window (the test's `window` is Node's global with jsdom's properties copied on).
 */
const pageWindow = (globalThis as unknown as { jsdom?: { window: Window } }).jsdom?.window ?? window;
const ID_RE = /^\d{4}\.\d{4,5}$/;
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** 1 MB of markup, bidi overrides and zero-width characters. */
const MEGA = ('<img src=x onerror="window.__pwned=1"> \u202Eevil\u202C zero\u200Bwidth diffusion ').repeat(20_000).slice(0, 1 << 20);

const MARKUP_TITLE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> The "Llama" & <b>3</b> Herd';
const RTL_TITLE = '\u202Egnp.exe\u202C \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 zero\u200Bwidth\u200D\uFEFF title';
const HOSTILE_KEYWORDS = ['<img src=x onerror=window.__pwned=1>', '\u202Eevil keyword', 'javascript:alert(1)'];
const ABSTRACT_LINKS =
  'Code: \\url{https://github.com/good-org/repo1}. Demo at https://huggingface.co/spaces/good-org/demo1, ' +
  'see javascript:window.__pwned=1 and data:text/html,<script>window.__pwned=1</script> and ' +
  'https://u:p@github.com/evil/creds and <a href="javascript:window.__pwned=1">click</a> and ' +
  'http://github.com/other-org/repo2"><script>window.__pwned=1</script> and vbscript:msgbox(1).';

/**
 * What is done to each of the 13 cards, in page order (by id). `usable`: the card still links to
 * its paper, so it must get controls. `title`: what the card must show as its title (as text).
 */
interface Plan {
  usable: boolean;
  title?: string;
  json?: (p: Record<string, unknown>) => void;
  dom?: (article: HTMLElement, id: string) => void;
}

const setHrefs = (article: HTMLElement, href: (old: string) => string) =>
  article.querySelectorAll('a[href]').forEach((a) => a.setAttribute('href', href(a.getAttribute('href')!)));

const PLANS: Plan[] = [
  // 0: markup in the JSON title and the DOM title, hostile author names, hostile links in the abstract.
  {
    usable: true,
    title: fold(MARKUP_TITLE),
    json: (p) => {
      p.title = MARKUP_TITLE;
      p.authors = [{ name: '<script>window.__pwned=1</script>' }, { name: RTL_TITLE }, { name: 42 }, 'plain', null, { name: { $gt: '' } }];
      p.summary = ABSTRACT_LINKS;
    },
    dom: (a, id) => {
      a.querySelector(`h3 a[href="/papers/${id}"]`)!.innerHTML = '<b>bold</b> &lt;img src=x onerror=window.__pwned=1&gt;';
    },
  },
  // 1: the JSON paper has lost its id: the DOM still links the card, so the DOM title is used.
  { usable: true, json: (p) => delete p.id },
  // 2: every link of the card is javascript: — no usable id, no controls.
  { usable: false, dom: (a) => setHrefs(a, () => 'javascript:window.__pwned=1') },
  // 3: malformed percent-encoding in the paper links (decodeURIComponent would throw URIError).
  { usable: false, dom: (a) => setHrefs(a, (h) => (h.startsWith('/papers/') ? '/papers/%E0%A4%A' : h)) },
  // 4: every JSON field of the wrong type (the title too: the paper falls back to the DOM).
  {
    usable: true,
    json: (p) => {
      Object.assign(p, { title: 42, summary: { html: '<script>' }, authors: 'nobody', upvotes: -5, githubStars: 'many', githubRepo: 123, projectPage: ['https://x.github.io'], ai_keywords: 'llm', publishedAt: 7 });
    },
  },
  // 5: a 1 MB title and a 1 MB abstract.
  { usable: true, title: fold(MEGA), json: (p) => Object.assign(p, { title: MEGA, summary: MEGA }) },
  // 6: RTL overrides and zero-width characters in the title and author names.
  { usable: true, title: fold(RTL_TITLE), json: (p) => Object.assign(p, { title: RTL_TITLE, authors: [{ name: '\u202E\u200B' }, { name: RTL_TITLE }] }) },
  // 7: javascript: and data: in the code and project fields.
  { usable: true, json: (p) => Object.assign(p, { githubRepo: 'javascript:window.__pwned=1', projectPage: 'data:text/html,<script>window.__pwned=1</script>', githubStars: 5 }) },
  // 8: credentials in the code and project fields; stars out of range.
  { usable: true, json: (p) => Object.assign(p, { githubRepo: 'https://huggingface.co@evil.example/a/b', projectPage: 'https://user:pw@proj.github.io/', githubStars: 1e308 }) },
  // 9: a project page longer than the background stores (a star must still be saved).
  { usable: true, json: (p) => Object.assign(p, { githubRepo: 'https://github.com/good-org/long', projectPage: 'https://proj.github.io/?q=' + 'x'.repeat(3000) }) },
  // 10: a fake id in the JSON (not an arXiv id): the JSON paper is dropped, the card uses the DOM.
  { usable: true, json: (p) => (p.id = `${p.id as string}<script>`) },
  // 11: HF keywords with markup; prototype-pollution keys in the paper object.
  {
    usable: true,
    json: (p) => {
      p.ai_keywords = HOSTILE_KEYWORDS;
      Object.defineProperty(p, '__proto__', { value: { polluted: 'yes', title: 'from proto' }, enumerable: true, writable: true, configurable: true });
      Object.assign(p, { constructor: { prototype: { polluted: 'yes' } } }); // an own key, as JSON.parse makes it
    },
  },
  // 12: the title link points off-site through a credentials trick; the thumbnail link still names the paper.
  {
    usable: true,
    dom: (a, id) => a.querySelector('h3 a')!.setAttribute('href', `https://huggingface.co@evil.example/papers/${id}`),
  },
];

interface Poisoned {
  /** The 13 paper ids, in page order (as they were before poisoning). */
  ids: string[];
}

/** Poisons a document holding the saved listing: JSON first, then DOM, then extra hostile islands. */
function poison(doc: Document): Poisoned {
  const island = doc.querySelector('[data-target="DailyPapers"]')!;
  const props = JSON.parse(island.getAttribute('data-props')!) as { dailyPapers: { paper: Record<string, unknown>; title?: unknown }[] };
  const ids = props.dailyPapers.map((d) => d.paper.id as string);
  expect(ids).toHaveLength(PLANS.length);
  props.dailyPapers.forEach((d, i) => {
    PLANS[i].json?.(d.paper);
    if (PLANS[i].json) d.title = PLANS[i].title ?? d.title; // the item-level copy of the title, as HF sends it
  });
  island.setAttribute('data-props', JSON.stringify(props));
  const articles = [...doc.querySelectorAll<HTMLElement>('article')];
  articles.forEach((a, i) => PLANS[i].dom?.(a, ids[i]));
  // More islands: unparseable, deeply nested, polluting, and a paper with no card on the page.
  const extra = [
    '{not json',
    '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"deep":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}',
    JSON.stringify({ papers: [{ id: '2401.99999', title: '<iframe src="javascript:window.__pwned=1">', summary: 'x' }] }),
  ];
  for (const json of extra) {
    const el = doc.createElement('div');
    el.setAttribute('data-target', 'Hostile');
    el.setAttribute('data-props', json);
    doc.body.append(el);
  }
  return { ids };
}

// ---------------------------------------------------------------------------------------------
// (a) the parsers

describe('hostile page: parsers (lib/hf)', () => {
  // Computed in beforeAll, so that a parser that throws fails the tests rather than the file.
  let doc: Document;
  let ids: string[];
  let papers: ReturnType<typeof readEmbeddedPapers>;
  let cards: ReturnType<typeof findListingCards>;
  beforeAll(() => {
    doc = parsePage(LISTING_HTML);
    ids = poison(doc).ids;
    papers = readEmbeddedPapers(doc);
    cards = findListingCards(doc);
  });

  it('reads the poisoned JSON without throwing: only arXiv ids, only papers with an id and a string title', () => {
    for (const [key, p] of papers) {
      expect(key).toMatch(ID_RE);
      expect(p.id).toBe(key);
    }
    // Dropped: the paper without an id (1), the one whose title is a number (4), the fake id (10).
    const expected = ids.filter((_, i) => ![1, 4, 10].includes(i));
    expect([...papers.keys()].sort()).toEqual([...expected, '2401.99999'].sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps hostile text as text (whitespace folded), drops wrong types field by field', () => {
    expect(papers.get(ids[0])!.title).toBe(fold(MARKUP_TITLE));
    // Authors that are not {name: string} objects (a bare string, null, a number) are dropped one by one.
    expect(papers.get(ids[0])!.authors).toEqual(['<script>window.__pwned=1</script>', fold(RTL_TITLE)]);
    expect(papers.get(ids[5])!.title).toHaveLength(fold(MEGA).length);
    expect(papers.get(ids[6])!.title).toBe(fold(RTL_TITLE));
    expect(papers.get(ids[6])!.authors).toEqual(['\u202E\u200B', fold(RTL_TITLE)]);
    expect(papers.get(ids[8])!.githubStars).toBeUndefined();
    expect(papers.get(ids[11])!.aiKeywords).toEqual(HOSTILE_KEYWORDS);
    expect(papers.get(ids[11])!.title).not.toBe('from proto');
    expect(papers.get('2401.99999')!.title).toBe('<iframe src="javascript:window.__pwned=1">');
  });

  it('toPagePaper on single hostile values: wrong types drop fields, a bad id drops the paper', () => {
    for (const raw of [null, undefined, 42, 'x', [], {}, { id: 2407.21783, title: 't' }, { id: ['2407.21783'] }, { id: '2407.21783 ' }, { id: '__proto__' }]) {
      expect(toPagePaper(raw)).toBeNull();
    }
    const p = toPagePaper({ id: '2407.21783', title: MEGA, summary: MEGA, authors: [{ name: MEGA }], ai_keywords: [MEGA], githubRepo: MEGA, projectPage: MEGA })!;
    expect(p.id).toBe('2407.21783');
    expect(p.title).toHaveLength(fold(MEGA).length);
  });

  it('finds exactly the cards with a usable id, each once, never guessing', () => {
    const articles = [...doc.querySelectorAll('article')];
    expect(cards.map((c) => c.id)).toEqual(ids.filter((_, i) => PLANS[i].usable));
    for (const c of cards) {
      expect(c.id).toMatch(ID_RE);
      expect(articles.indexOf(c.card as HTMLElement)).toBe(ids.indexOf(c.id));
    }
    // The DOM title is the link's text, never its markup.
    expect(cards[0].domTitle).toBe('bold <img src=x onerror=window.__pwned=1>');
  });

  it('hostile hrefs and page addresses never throw and never give an id', () => {
    for (const href of [...HOSTILE_URLS.filter((u) => u !== '/papers/2407.21783'), '/papers/%E0%A4%A', '/papers/%', '/papers/%zz', 'https://huggingface.co@evil.example/papers/2407.21783']) {
      expect(paperIdFromHref(href)).toBeNull();
      expect(() => pageKind('https://huggingface.co' + href)).not.toThrow();
    }
    expect(pageKind('https://huggingface.co/papers/%E0%A4%A')).toBe('other');
  });
});

// ---------------------------------------------------------------------------------------------
// (b) what a card shows

const SAFE_HOSTS = [/^github\.com$/, /^gitlab\.com$/, /^codeberg\.org$/, /^bitbucket\.org$/, /^huggingface\.co$/, /\.hf\.space$/, /\.github\.io$/, /\.gitlab\.io$/];

/** Every URL a card view holds, with where it sits. */
function viewUrls(view: ReturnType<typeof cardView>): [string, string][] {
  const { links } = view;
  const out: [string, string | undefined][] = [
    ['codeUrl', links.codeUrl],
    ['projectUrl', links.projectUrl],
    ['citing', links.citing?.url],
    ...(links.extra ?? []).map((e): [string, string] => ['extra', e.url]),
  ];
  return out.filter((e): e is [string, string] => e[1] !== undefined);
}

function expectSafeUrl(url: string, allowedHosts: RegExp[]) {
  expect(url).toMatch(/^https:\/\/[\x21-\x7E]+$/);
  const u = new URL(url);
  expect(u.protocol).toBe('https:');
  expect(u.username + u.password + u.port).toBe('');
  expect(u.href).toBe(url);
  expect(allowedHosts.some((h) => h.test(u.hostname)), `${url} is not on an expected host`).toBe(true);
}

describe('hostile page: cardView', () => {
  let cards: ReturnType<typeof findListingCards> = [];
  let views: { ref: (typeof cards)[number]; paper: ReturnType<typeof paperForCard>; view: ReturnType<typeof cardView> }[] = [];
  const hostileApi: ApiLinks = {
    pending: false,
    info: { status: 'found', githubRepo: 'javascript:window.__pwned=1', githubStars: 3, projectPage: 'data:text/html,x', aiKeywords: HOSTILE_KEYWORDS, models: 2, datasets: -1, spaces: Number.NaN },
  };
  beforeAll(() => {
    const doc = parsePage(LISTING_HTML);
    poison(doc);
    const papers = readEmbeddedPapers(doc);
    cards = findListingCards(doc);
    views = cards.flatMap((ref) => {
      const paper = paperForCard(ref, papers);
      return [{ pending: false }, hostileApi].map((api) => ({ ref, paper, view: cardView(paper, api, tagsOf(paper, api)) }));
    });
  });

  it('every URL is https, canonical, without credentials, on an expected host', () => {
    for (const { view } of views) for (const [, url] of viewUrls(view)) expectSafeUrl(url, SAFE_HOSTS);
  });

  it('finds the good links in a hostile abstract and nothing else', () => {
    const v = views.find((x) => x.ref.id === cards[0].id && x.view.links.codeUrl)!.view;
    expect(v.links.codeUrl).toBe('https://github.com/good-org/repo1');
    expect(v.links.extra).toEqual(
      expect.arrayContaining([
        { label: 'Demo', url: 'https://huggingface.co/spaces/good-org/demo1' },
        { label: 'Code', url: 'https://github.com/other-org/repo2' },
      ]),
    );
    expect(JSON.stringify(viewUrls(v))).not.toMatch(/evil|creds|javascript|data:|vbscript/);
  });

  it('labels are plain text: fixed link labels, owner/repo names, tags as given', () => {
    for (const { view } of views) {
      for (const e of view.links.extra ?? []) expect(['Code', 'Demo', 'Project page', 'Dataset', 'Models', 'Collection']).toContain(e.label);
      if (view.links.codeName) expect(view.links.codeName).toMatch(/^[\w.-]+(?:\/[\w.-]+)+$/);
      for (const t of view.tags) {
        expect(typeof t.label).toBe('string');
        expect(t.label.length).toBeGreaterThan(0);
        expect(t.label.length).toBeLessThanOrEqual(80);
      }
    }
  });

  it('the snapshot a star sends always passes the background schema (nothing lost)', () => {
    for (const { paper, view } of views) {
      const snap = snapshot(paper, view);
      const parsed = PaperSnapshot.safeParse(snap);
      expect(parsed.success, `${paper.id}: ${parsed.error?.issues[0]?.message}`).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
/** The chips the background gives the paper (no rules, no manual tags). */
function tagsOf(paper: PagePaper, api: ApiLinks) {
  const text = paperText(paper, keywordsFor(paper, api.info));
  return facetsFor({ type: 'getStates', ids: [paper.id], papers: [text] })![paper.id].tags;
}

// (c) the annotator in jsdom

const flush = () => new Promise((r) => setTimeout(r, 0));

/** Every card with a usable id drawn (the cards wait for the background's answer, then are built in slices). */
const drawn = () => vi.waitFor(() => expect(document.querySelectorAll('[data-hfpt-controls]')).toHaveLength(PLANS.filter((p) => p.usable).length));

/** A background stand-in that validates every request with the real schema, as the background does. */
function validatingBackground({ allHidden = false } = {}) {
  const requests: Request[] = [];
  const rejected: { req: unknown; error: string }[] = [];
  const states = new Map<string, { starred: boolean; hidden: boolean }>();
  const parts = createPropsParts();
  const transport: Transport = {
    send: vi.fn(async (req: Request): Promise<Reply> => {
      requests.push(req);
      const parsed = RequestSchema.safeParse(req);
      if (!parsed.success) {
        rejected.push({ req, error: parsed.error.issues[0]?.message ?? '?' });
        return { ok: false, error: 'invalid' };
      }
      let msg = parsed.data;
      // A page this big sends its JSON in parts (over 1 MB), joined as the real background does.
      if (msg.type === 'propsPart') return parts.add(msg.key, msg.index, msg.text) ? { ok: true } : { ok: false, error: 'part refused' };
      if (msg.type === 'getStates' && msg.propsParts) {
        msg = { ...msg, props: [...(msg.props ?? []), ...msg.propsParts.map((p) => parts.take(p.key, p.count) ?? '')] };
        requests[requests.length - 1] = msg; // as the background reads it
      }
      if (msg.type === 'getStates') return { ok: true, states: Object.fromEntries(idsFor(msg).map((id) => [id, states.get(id) ?? { starred: false, hidden: allHidden }])), ...describeFor(msg) };
      if (msg.type === 'getLinks') return { ok: true, links: {}, pending: msg.ids };
      if (msg.type !== 'setState') return { ok: true };
      const next = { starred: false, hidden: false, ...states.get(msg.id), ...msg.patch };
      states.set(msg.id, next);
      return { ok: true, states: { [msg.id]: next } };
    }),
  };
  return { transport, requests, rejected };
}

const ALLOWED_TAGS = new Set(['style', 'div', 'span', 'ul', 'li', 'button', 'a', 'svg', 'path', 'circle']);

/** Everything wrong inside one of our shadow roots. */
function audit(root: ShadowRoot): string[] {
  const problems: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    if (!ALLOWED_TAGS.has(tag)) problems.push(`<${tag}> in our UI`);
    if (tag === 'style' && (el.parentNode !== root || /__pwned|<|javascript:/.test(el.textContent ?? ''))) problems.push('a style that is not ours');
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name)) problems.push(`event handler attribute ${name}`);
      if (['src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'background', 'poster'].includes(name.toLowerCase())) problems.push(`${name} attribute`);
      if (name === 'style' && /url\(|expression|javascript:/i.test(value)) problems.push(`style attribute ${value}`);
      if (/^\s*(?:javascript|data|vbscript):/i.test(value)) problems.push(`${name}="${value.slice(0, 60)}"`);
      if (name === 'href') {
        if (tag !== 'a') problems.push(`href on <${tag}>`);
        let ok = false;
        try {
          const u = new URL(value);
          ok = u.protocol === 'https:' && !u.username && !u.password && u.href === value && /^[\x21-\x7E]+$/.test(value);
        } catch {
          ok = false;
        }
        if (!ok) problems.push(`href ${value.slice(0, 80)}`);
      }
    }
    if (tag === 'a') {
      if (!el.hasAttribute('href')) problems.push('<a> without href');
      if (!/\bnoopener\b/.test(el.getAttribute('rel') ?? '')) problems.push('<a> without rel=noopener');
    }
  }
  return problems;
}

/** Every shadow root we added to the page (whatever the host attribute). */
const ourRoots = () =>
  [...document.querySelectorAll<HTMLElement>('*')]
    .filter((el) => el.shadowRoot && [...el.attributes].some((a) => a.name.startsWith('data-hfpt')))
    .map((el) => el.shadowRoot!);

/** Fires the events inline handlers would listen to, on every element of our UI. */
function provoke(roots: ShadowRoot[]) {
  for (const root of roots) {
    for (const el of root.querySelectorAll('*')) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'error', 'load', 'animationstart']) el.dispatchEvent(new Event(type));
    }
  }
}

let annotator: Annotator | undefined;
afterEach(() => {
  annotator?.destroy();
  annotator = undefined;
  delete pageWindow.__pwned;
});

describe('hostile page: the annotator in jsdom', () => {
  let ids: string[] = [];
  beforeEach(() => {
    loadIntoDocument(LISTING_HTML, '/papers?date=2024-08-01');
    ids = poison(document).ids;
  });

  it('this jsdom runs inserted scripts and inline handlers, in shadow roots too (so "nothing ran" means something)', () => {
    const s = document.createElement('script');
    s.textContent = 'window.__canary = 1';
    document.body.append(s);
    expect(pageWindow.__canary).toBe(1);
    delete pageWindow.__canary;
    s.remove();
    const host = document.createElement('div');
    document.body.append(host);
    const span = document.createElement('span');
    span.setAttribute('onfocus', 'window.__canary = 2');
    host.attachShadow({ mode: 'open' }).append(span);
    provoke([host.shadowRoot!]);
    expect(pageWindow.__canary).toBe(2);
    delete pageWindow.__canary;
    host.remove();
  });

  it('puts one set of controls on each card with a usable id, and nothing else on the others', async () => {
    const bg = validatingBackground({ allHidden: true }); // hidden: each card's slim row is made too
    annotator = createAnnotator(document, bg.transport, { acceptEvent: () => true });
    expect(() => annotator!.scan()).not.toThrow();
    await flush();
    await drawn();
    annotator.scan();
    const articles = [...document.querySelectorAll('article')];
    articles.forEach((a, i) => {
      expect(a.querySelectorAll('[data-hfpt-controls]'), `card ${i}`).toHaveLength(PLANS[i].usable ? 1 : 0);
      expect(a.querySelectorAll('[data-hfpt-collapsed]'), `card ${i}`).toHaveLength(PLANS[i].usable ? 1 : 0);
    });
    expect(document.querySelectorAll('[data-hfpt-controls]')).toHaveLength(PLANS.filter((p) => p.usable).length);
    expect(bg.rejected).toEqual([]);
    // Every usable card's paper was asked about (named, or described by the page's JSON).
    const asked = new Set(bg.requests.flatMap((r) => (r.type === 'getStates' ? idsFor(r) : [])));
    for (const id of ids.filter((_, i) => PLANS[i].usable)) expect(asked.has(id), id).toBe(true);
  });

  it('our shadow roots hold no script, img, iframe, handler or non-https link, even with hostile API answers', async () => {
    const bg = validatingBackground({ allHidden: true }); // slim rows too
    annotator = createAnnotator(document, bg.transport, { acceptEvent: () => true });
    annotator.scan();
    await flush();
    await drawn();
    const hostile: LinkInfos = Object.fromEntries(
      ids.map((id, i) => [
        id,
        {
          status: 'found',
          githubRepo: HOSTILE_URLS[i % HOSTILE_URLS.length],
          githubStars: 7,
          projectPage: HOSTILE_URLS[(i + 5) % HOSTILE_URLS.length],
          aiKeywords: HOSTILE_TEXT.slice(i % 5, (i % 5) + 3),
          models: 1,
          datasets: 2,
          spaces: 0,
        },
      ]),
    );
    annotator.applyLinks(hostile);
    await flush();
    await drawn();
    // Open every "+N" so the extra links render too.
    for (const root of ourRoots()) root.querySelectorAll<HTMLButtonElement>('button.more').forEach((b) => b.click());
    await flush();
    await drawn();
    const roots = ourRoots();
    expect(roots.length).toBeGreaterThanOrEqual(PLANS.filter((p) => p.usable).length * 2);
    for (const root of roots) expect(audit(root), (root.host as HTMLElement).outerHTML.slice(0, 80)).toEqual([]);
    provoke(roots);
    await flush();
    await drawn();
    expect(pageWindow.__pwned).toBeUndefined();
    // Links that do render are https on expected hosts (project pages from HF's field may be any https host).
    const hrefs = roots.flatMap((r) => [...r.querySelectorAll('a')].map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expectSafeUrl(href, [...SAFE_HOSTS, /(?:^|\.)evil\.example$/]);
  });

  it('hostile text is shown as text: titles in the slim rows, HF keywords in the chips', async () => {
    const bg = validatingBackground({ allHidden: true });
    annotator = createAnnotator(document, bg.transport, { acceptEvent: () => true });
    annotator.scan();
    await flush();
    await drawn();
    const articles = [...document.querySelectorAll<HTMLElement>('article')];
    const rowTitle = (i: number) => articles[i].querySelector('[data-hfpt-collapsed]')!.shadowRoot!.querySelector('.title')!;
    expect(rowTitle(0).textContent).toBe(fold(MARKUP_TITLE));
    expect(rowTitle(0).getAttribute('title')).toBe(fold(MARKUP_TITLE));
    expect(rowTitle(6).textContent).toBe(fold(RTL_TITLE));
    expect(rowTitle(5).textContent).toHaveLength(fold(MEGA).length);
    // Fallbacks to the DOM title: the JSON paper without an id, with a numeric title, with a fake id.
    for (const i of [1, 4, 10]) expect(rowTitle(i).textContent).toBe(articles[i].querySelector('h3 a')!.textContent!.replace(/\s+/g, ' ').trim());
    const chips = [...articles[11].querySelector('[data-hfpt-controls]')!.shadowRoot!.querySelectorAll('.chip')].map((c) => c.textContent);
    expect(chips).toEqual(expect.arrayContaining(HOSTILE_KEYWORDS.slice(0, 2)));
    for (const root of ourRoots()) expect(audit(root)).toEqual([]);
  });

  it('starring and hiding every card sends snapshots the background accepts, and stays inert', async () => {
    const bg = validatingBackground();
    annotator = createAnnotator(document, bg.transport, { acceptEvent: () => true });
    annotator.scan();
    await flush();
    await drawn();
    const controls = [...document.querySelectorAll('[data-hfpt-controls]')].map((h) => h.shadowRoot!);
    for (const root of controls) {
      root.querySelector<HTMLButtonElement>('button.star')!.click();
      root.querySelector<HTMLButtonElement>('button.hide')!.click();
    }
    await vi.waitFor(() => expect(bg.requests.filter((r) => r.type === 'setState')).toHaveLength(controls.length * 2));
    await flush();
    await drawn();
    expect(bg.rejected).toEqual([]);
    for (const article of document.querySelectorAll('article')) {
      if (article.querySelector('[data-hfpt-controls]')) expect(article.hasAttribute('data-hfpt-hidden')).toBe(true);
    }
    const roots = ourRoots();
    for (const root of roots) expect(audit(root)).toEqual([]);
    provoke(roots);
    expect(pageWindow.__pwned).toBeUndefined();
  });

  it('a hostile page address (malformed percent-encoding) is not a papers page, and nothing throws', () => {
    history.replaceState(null, '', '/papers/%E0%A4%A');
    annotator = createAnnotator(document, validatingBackground().transport, { acceptEvent: () => true });
    expect(() => annotator!.scan()).not.toThrow();
    expect(document.querySelectorAll('[data-hfpt-controls]')).toHaveLength(0);
  });
});
