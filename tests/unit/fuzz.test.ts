// Generated-input (property) tests over the page parser and the link extractor.
// A fixed seed by default; the seed and the case counts are printed. Reproduce a failure with
//   FUZZ_SEED=<seed> npx vitest run tests/unit/fuzz.test.ts
// Every failure message names its property, case number and input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findListingCards } from '@/lib/hf/cards';
import { readEmbeddedPapers, toPagePaper, type PagePaper } from '@/lib/hf/embedded';
import { pageKind, paperIdFromHref } from '@/lib/hf/urls';
import { classifyUrl, extractLinks, paperLinks, type LinkKind } from '@/lib/links/classify';
import { findRepoUrls, normaliseRepoUrl, safeHttpsUrl } from '@/lib/links/code-links';
import { PaperSnapshot, Request } from '@/lib/messages';
import { paperText } from '@/lib/tags/text';
import { cardView, keywordsFor, snapshot } from '@/lib/page/card-view';
import { fixtureText, LISTING, parsePage } from './fixtures';
import { facetsFor } from './tagging';
import {
  anyString, BAD_IDS, embeddedLink, fuzzSeed, HOSTILE_TEXT, HOSTILE_URLS, jsonValue, mutatePaper,
  objectFromEntries, prose, Rng, urlish,
} from './gen';

const SEED = fuzzSeed();
const root = new Rng(SEED);
const counts: Record<string, number> = {};
const started = Date.now();
const reproduce = `FUZZ_SEED=${SEED} npx vitest run tests/unit/fuzz.test.ts`;

beforeAll(() => console.log(`[fuzz] seed ${SEED} (reproduce: ${reproduce})`));
afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`[fuzz] seed ${SEED}: ${total} cases in ${Date.now() - started} ms ${JSON.stringify(counts)}`);
});

/** Runs `n` cases of a property; a case fails by throwing or by returning a message. */
function property(name: string, salt: number, n: number, body: (r: Rng, i: number) => string | null | void) {
  const r = root.fork(salt);
  const failures: string[] = [];
  for (let i = 0; i < n; i++) {
    let problem: string | null | void;
    try {
      problem = body(r, i);
    } catch (e) {
      problem = `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    if (problem && failures.length < 5) failures.push(`${name} #${i} (seed ${SEED}): ${problem}`);
    if (problem && failures.length >= 5) break;
  }
  counts[name] = n;
  expect(failures, `reproduce: ${reproduce}`).toEqual([]);
}

const show = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, (_k, x) => (typeof x === 'string' && x.length > 200 ? `${x.slice(0, 200)}…(${x.length})` : x));
  return s === undefined ? String(v) : s.length > 400 ? s.slice(0, 400) + '…' : s;
};

// ---------------------------------------------------------------------------------------------
// Oracles, written independently of the code under test.

const ID_RE = /^\d{4}\.\d{4,5}$/;
const REPO_HOSTS = new Set(['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org']);
const PAPER_HOSTS = new Set(['arxiv.org', 'export.arxiv.org', 'doi.org', 'dx.doi.org', 'openreview.net', 'aclanthology.org']);
const LABELS = new Set(['Code', 'Demo', 'Project page', 'Dataset', 'Models', 'Collection']);
const KINDS = new Set<LinkKind>(['code', 'demo', 'project', 'data', 'models']);
const REPO_URL_RE = /^https:\/\/(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)(?:\/[A-Za-z0-9_.-]+){2,}$/;

/** Why `url` is not a safe link to render, or null: https, no credentials, no whitespace, canonical. */
function badUrl(url: unknown): string | null {
  if (typeof url !== 'string') return `not a string: ${show(url)}`;
  if (!/^[\x21-\x7E]+$/.test(url)) return `whitespace, control or non-ASCII characters in ${show(url)}`;
  if (!url.startsWith('https://')) return `not https: ${show(url)}`;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `does not parse: ${show(url)}`;
  }
  if (u.protocol !== 'https:') return `protocol ${u.protocol}`;
  if (u.username || u.password) return `credentials in ${show(url)}`;
  if (!u.hostname) return `no host in ${show(url)}`;
  if (u.href !== url) return `not canonical: ${show(url)} parses to ${show(u.href)}`;
  return null;
}

/** Why a classified link's kind does not fit its host, or null. */
function badKind(link: { kind: LinkKind; url: string; label: string }, cue: LinkKind | null | 'any'): string | null {
  const bad = badUrl(link.url);
  if (bad) return bad;
  if (!KINDS.has(link.kind)) return `unknown kind ${show(link.kind)}`;
  if (!LABELS.has(link.label)) return `unknown label ${show(link.label)}`;
  const u = new URL(link.url);
  const host = u.hostname;
  const first = u.pathname.split('/')[1];
  if (u.port) return `port in ${link.url}`;
  if (PAPER_HOSTS.has(host.replace(/^www\./, '')) || host.endsWith('.arxiv.org')) return `a link to the paper itself: ${link.url}`;
  if (REPO_HOSTS.has(host)) {
    if (link.kind !== 'code') return `${link.url} on a repo host is ${link.kind}`;
    if (normaliseRepoUrl(link.url) !== link.url) return `${link.url} is not a normalised repo URL`;
  }
  if (host === 'hf.co' || host === 'www.huggingface.co' || host === 'www.hf.co') return `${link.url}: HF host not normalised`;
  if (host === 'huggingface.co') {
    if (first === 'papers') return `${link.url}: a paper page is not a link of the paper`;
    if (first === 'spaces' && link.kind !== 'demo') return `${link.url} is ${link.kind}, not demo`;
    if (first === 'datasets' && link.kind !== 'data') return `${link.url} is ${link.kind}, not data`;
    if (first === 'collections' && link.kind !== 'models') return `${link.url} is ${link.kind}, not models`;
  }
  if (host.endsWith('.hf.space') && link.kind !== 'demo') return `${link.url} is ${link.kind}, not demo`;
  if (/\.git(?:hub|lab)\.io$/.test(host) && link.kind !== 'project') return `${link.url} is ${link.kind}, not project`;
  const known =
    REPO_HOSTS.has(host) || host === 'huggingface.co' || host.endsWith('.hf.space') || /\.git(?:hub|lab)\.io$/.test(host) || host === 'sites.google.com';
  if (cue === null && !known) return `${link.url}: an unknown host was kept without a cue`;
  if (cue !== null && cue !== 'any' && !known && link.kind !== cue) return `${link.url}: kind ${link.kind}, cue was ${cue}`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Seeds: the real papers of the saved pages.

const listingDoc = parsePage(fixtureText(LISTING));
const listingProps = JSON.parse(listingDoc.querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!) as {
  dailyPapers: { paper: Record<string, unknown> }[];
};
const apiItems = JSON.parse(fixtureText('api_daily_papers_2026-05-08.json')) as { paper: Record<string, unknown> }[];
const realPapers: Record<string, unknown>[] = [...listingProps.dailyPapers.map((d) => d.paper), ...apiItems.map((i) => i.paper)].map((p) => ({
  ...p,
  // Keep the seeds small: the real author lists run to 500 names.
  authors: Array.isArray(p.authors) ? p.authors.slice(0, 5) : p.authors,
}));
const HUGE = '<b>big</b> \u202E '.repeat(1500); // 21 KB: big enough to matter, small enough for thousands of cases

const hrefPrefixes = ['/papers/', 'https://huggingface.co/papers/', 'https://huggingface.co:443/papers/', 'http://huggingface.co/papers/', 'https://evil.example/papers/', 'https://huggingface.co@evil.example/papers/', '/papers/../papers/', ''];
const idish = (r: Rng): string =>
  r.pick([
    () => r.pick(['2407.21783', '2401.00001', '2509.24002', '0704.0001']) + r.pick(['', '', 'v2', 'v', '#community', '/', '?x=1', '/extra', '%', '%E0%A4%A', '%2F', '.', 'x']),
    () => String(r.pick(BAD_IDS)),
    () => r.pick(['%E0%A4%A', '%', '%zz', '%32407.21783', '%C0%AF', 'trending', 'date/2024-08-01', '%F0%9F%98']),
    () => anyString(r, 16),
  ])();

describe(`fuzz (seed ${SEED})`, () => {
  it('paperIdFromHref and pageKind never throw; ids are arXiv ids', () => {
    property('paperIdFromHref', 1, 3000, (r) => {
      const href = r.bool(0.8) ? r.pick(hrefPrefixes) + idish(r) : urlish(r);
      const id = paperIdFromHref(href);
      if (id !== null && !ID_RE.test(id)) return `${show(href)} -> ${show(id)}`;
      const kind = pageKind(r.pick(['https://huggingface.co/papers/', 'https://huggingface.co/']) + idish(r));
      if (!['listing', 'paper', 'other'].includes(kind)) return `pageKind -> ${show(kind)}`;
      return null;
    });
  });

  it('paperIdFromHref reads the page\'s own links without parsing a URL, and agrees with the URL parser', () => {
    // The oracle: the whole href parsed as the browser resolves it against huggingface.co.
    const byUrl = (href: string) => {
      let url: URL;
      try {
        url = new URL(href, 'https://huggingface.co');
      } catch {
        return null;
      }
      const m = url.origin === 'https://huggingface.co' ? /^\/papers\/([^/]+)\/?$/.exec(url.pathname) : null;
      if (!m) return null;
      try {
        const id = /^(\d{4}\.\d{4,5})(?:v\d+)?$/.exec(decodeURIComponent(m[1]).trim());
        return id ? id[1] : null;
      } catch {
        return null;
      }
    };
    const noise = () => r0.pick(['', ' ', '\t', '\n', '\x00', '\\', '/', '.', '..', '%2e', '%2E%2e', '?', '#', '?a=1', '#community', 'v2', '%20', 'é', '%E0', '/x', '//']);
    const r0 = root.fork(30);
    property('paperIdFromHref = URL parse', 30, 4000, (r) => {
      const href = r.pick([
        () => `/papers/${idish(r)}${noise()}${noise()}`,
        () => `${noise()}/papers/${noise()}${idish(r)}${noise()}`,
        () => `/papers/${anyString(r, 12)}`,
        () => r.pick(hrefPrefixes) + idish(r) + noise(),
      ])();
      const got = paperIdFromHref(href);
      const want = byUrl(href);
      return got === want ? null : `${show(href)} -> ${show(got)}, the URL parser says ${show(want)}`;
    });
  });

  it('toPagePaper: never throws, ids are arXiv ids, a usable id is never dropped, and the card it makes can be saved', () => {
    property('toPagePaper+cardView', 2, 1500, (r) => {
      const raw = r.bool(0.85) ? mutatePaper(r, r.pick(realPapers), HUGE) : jsonValue(r, 3);
      const p = toPagePaper(raw);
      const ownId = raw && typeof raw === 'object' && Object.prototype.hasOwnProperty.call(raw, 'id') ? (raw as { id: unknown }).id : undefined;
      if (p === null) return typeof ownId === 'string' && ID_RE.test(ownId) ? `a paper with id ${ownId} was dropped: ${show(raw)}` : null;
      if (!ID_RE.test(p.id) || p.id !== ownId) return `id ${show(p.id)} from ${show(ownId)}`;
      for (const key of ['title', 'abstract', 'publishedAt', 'githubRepo', 'projectPage'] as const) {
        if (p[key] !== undefined && typeof p[key] !== 'string') return `${key} is ${show(p[key])}`;
      }
      for (const key of ['title', 'abstract'] as const) {
        const v = p[key];
        if (v !== undefined && (v === '' || v !== v.trim() || /\s\s/.test(v))) return `${key} not folded: ${show(v)}`;
      }
      if (!p.authors.every((a) => typeof a === 'string' && a !== '')) return `authors ${show(p.authors)}`;
      if (!p.aiKeywords.every((a) => typeof a === 'string' && a !== '')) return `aiKeywords ${show(p.aiKeywords)}`;
      for (const key of ['upvotes', 'githubStars'] as const) {
        const v = p[key];
        if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0)) return `${key} is ${show(v)}`;
      }
      return viewProblem(p, r);
    });
  });

  it('readEmbeddedPapers on generated islands: never throws, keys are arXiv ids, planted papers are found', () => {
    const doc = parsePage('<main></main>');
    const main = doc.querySelector('main')!;
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
    property('readEmbeddedPapers', 3, 500, (r) => {
      main.replaceChildren();
      const planted: Record<string, unknown>[] = [];
      const islands = r.range(1, 3);
      for (let k = 0; k < islands; k++) {
        const el = doc.createElement('div');
        el.setAttribute('data-target', r.pick(['DailyPapers', 'PaperContent', 'SomethingNew']));
        let json: string;
        const mode = r.int(10);
        if (mode === 0) json = r.pick(['{not json', '', 'undefined', '{"a":', '\u0000', '[' .repeat(5000) + ']'.repeat(5000)]);
        else if (mode === 1) json = '{"dailyPapers":' + '['.repeat(20000) + ']'.repeat(20000) + '}';
        else {
          // A props tree with papers at random safe paths, noise around them.
          const tree = objectFromEntries([['noise', jsonValue(r, 3)]]);
          const n = r.int(5);
          for (let j = 0; j < n; j++) {
            const paper = mutatePaper(r, r.pick(realPapers), r.bool(0.02) ? HUGE : undefined);
            if (r.bool(0.3)) paper.id = r.pick(['2401.00001', '2401.00002', '2407.21783']); // sightings to merge
            planted.push(paper);
            const path = r.many(4, () => r.pick(['dailyPapers', 'items', 'sections', 'data', 'paper', '__proto__', 'constructor', 'x']));
            let node: unknown = paper;
            for (const key of path.reverse()) node = r.bool(0.4) ? [jsonValue(r, 1), node] : objectFromEntries([[key, node]]);
            (tree as Record<string, unknown>)[`k${j}`] = node;
          }
          json = JSON.stringify(tree);
          if (r.bool(0.05)) json = json.slice(0, r.int(json.length)); // truncated
          else el.setAttribute('data-planted', '');
        }
        el.setAttribute('data-props', json);
        main.append(el);
      }
      const papers = readEmbeddedPapers(doc);
      for (const [key, p] of papers) {
        if (!ID_RE.test(key) || p.id !== key) return `key ${show(key)} holds ${show(p.id)}`;
        if (typeof p.title !== 'string' && p.title !== undefined) return `title ${show(p.title)}`;
      }
      // Every planted paper with an arXiv id and a string title is found (unless its island was truncated).
      if (main.querySelectorAll('[data-planted]').length === islands) {
        for (const p of planted) {
          if (typeof p.id === 'string' && ID_RE.test(p.id) && typeof p.title === 'string' && !papers.has(p.id)) {
            return `planted paper ${p.id} not found`;
          }
        }
      }
      if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== protoKeys) return 'Object.prototype changed';
      if (({} as Record<string, unknown>).polluted !== undefined) return 'Object.prototype polluted';
      return null;
    });
  });

  it('findListingCards on generated cards: never throws; a card gets the id of its first good paper link, or none', () => {
    const doc = parsePage('<main></main>');
    const main = doc.querySelector('main')!;
    const goodHref = (r: Rng, id: string) => r.pick(['/papers/', 'https://huggingface.co/papers/']) + id + r.pick(['', '', 'v2', '#community', '/', '?src=x']);
    const badHref = (r: Rng, id: string) =>
      r.pick([
        () => r.pick(HOSTILE_URLS.filter((u) => !u.includes('/papers/'))),
        () => r.pick(['/papers/%E0%A4%A', '/papers/%', '/papers/trending', '/papers/date/2024-08-01', '/papers/', '/papers/submit']),
        () => r.pick([`/login?next=%2Fpapers%2F${id}`, `https://evil.example/papers/${id}`, `https://huggingface.co@evil.example/papers/${id}`, `/papers/${id}/extra`, `/papers/${id}x`, `/papers/${id}.1`]),
        () => '/papers/' + r.pick(['2407.217', '2407.217834', '2407_21783', '2407.21783\u200B', '\uFF12407.21783', 'hep-th_9901001', '..', '.', '2407.21783<x>']),
        () => '/papers/' + anyString(r, 10).replace(/[/?#\\]/g, '_'),
      ])();
    property('findListingCards', 4, 400, (r) => {
      main.replaceChildren();
      const expected = new Map<HTMLElement, string | null>();
      const n = r.range(1, 6);
      for (let k = 0; k < n; k++) {
        const article = doc.createElement('article');
        const id = `${r.range(1000, 2999)}.${String(r.int(100000)).padStart(5, '0')}`;
        const links: { href: string; good: boolean; title: boolean }[] = [];
        if (r.bool(0.6)) {
          const good = r.bool(0.5);
          links.push({ href: good ? goodHref(r, id) : badHref(r, id), good, title: false });
        }
        const good = r.bool(0.6);
        links.push({ href: good ? goodHref(r, id) : badHref(r, id), good, title: true });
        if (r.bool(0.5)) {
          const ok = r.bool(0.5);
          links.push({ href: ok ? goodHref(r, id) + '#community' : badHref(r, id), good: ok, title: false });
        }
        for (const l of links) {
          const a = doc.createElement('a');
          a.setAttribute('href', l.href);
          a.textContent = r.bool(0.5) ? r.pick(HOSTILE_TEXT) : anyString(r, 30);
          if (l.title) {
            const h3 = doc.createElement('h3');
            h3.append(a);
            article.append(h3);
          } else article.append(a);
        }
        const title = links.find((l) => l.title)!;
        const titleCounts = title.href.includes('/papers/');
        const first = links.find((l) => l.good);
        expected.set(article, (titleCounts && title.good) || first ? id : null);
        main.append(article);
      }
      const refs = findListingCards(doc);
      for (const ref of refs) if (!ID_RE.test(ref.id)) return `id ${show(ref.id)}`;
      for (const [article, id] of expected) {
        const found = refs.filter((ref) => ref.card === article);
        if (id === null && found.length > 0) return `a card without a good link got id ${found[0].id}: ${show(article.innerHTML)}`;
        if (id !== null && (found.length !== 1 || found[0].id !== id)) return `card ${id} found as ${show(found.map((f) => f.id))}: ${show(article.innerHTML)}`;
      }
      return null;
    });
  });

  it('normaliseRepoUrl: never throws, output is a canonical https repo URL, idempotent', () => {
    property('normaliseRepoUrl', 5, 5000, (r) => {
      const raw = urlish(r);
      const out = normaliseRepoUrl(raw);
      if (out === null) return null;
      const bad = badUrl(out);
      if (bad) return `${show(raw)}: ${bad}`;
      if (!REPO_URL_RE.test(out)) return `${show(raw)} -> ${show(out)} is not host/owner/repo`;
      const again = normaliseRepoUrl(out);
      if (again !== out) return `not idempotent: ${show(raw)} -> ${show(out)} -> ${show(again)}`;
      return null;
    });
  });

  it('safeHttpsUrl: never throws, output is https without credentials or whitespace', () => {
    property('safeHttpsUrl', 6, 3000, (r) => {
      const raw = r.bool(0.9) ? urlish(r) : (jsonValue(r, 1) as string);
      const out = safeHttpsUrl(raw);
      if (out === null) return null;
      return badUrl(out) && `${show(raw)}: ${badUrl(out)}`;
    });
  });

  it('classifyUrl: never throws, links are https, kinds fit their hosts, no unknown host without a cue', () => {
    property('classifyUrl', 7, 5000, (r) => {
      const raw = urlish(r);
      const cue = r.bool(0.5) ? null : r.pick<LinkKind>(['code', 'demo', 'project', 'data', 'models']);
      const link = classifyUrl(raw, cue);
      if (link === null) return null;
      const bad = badKind(link, cue);
      return bad && `${show(raw)} (cue ${cue}): ${bad}`;
    });
  });

  it('extractLinks and paperLinks on generated abstracts: never throw, every link is safe and deduplicated', () => {
    property('extractLinks', 8, 2000, (r) => {
      const parts: string[] = [];
      const n = r.range(1, 6);
      for (let k = 0; k < n; k++) parts.push(prose(r, 10), r.pick(['', ' ', '\n', '(', '\\url{']) + urlish(r));
      const text = parts.join(r.pick([' ', '', '\n', ' \u200B']));
      const links = extractLinks(text);
      const keys = new Set<string>();
      for (const l of links) {
        const bad = badKind(l, 'any');
        if (bad) return `${bad} in ${show(text)}`;
        const key = l.url.toLowerCase();
        if (keys.has(key)) return `duplicate ${l.url}`;
        keys.add(key);
      }
      for (const url of findRepoUrls(text)) {
        const bad = badUrl(url) ?? (REPO_URL_RE.test(url) ? null : `not a repo URL: ${url}`);
        if (bad) return `findRepoUrls: ${bad}`;
      }
      const all = paperLinks({
        githubRepo: r.bool(0.7) ? urlish(r) : (jsonValue(r, 1) as string),
        githubStars: r.pick([undefined, null, 3, -1, 1.5, NaN, Infinity]),
        projectPage: r.bool(0.7) ? urlish(r) : (jsonValue(r, 1) as string),
        abstract: text,
      });
      for (const l of all) {
        const bad = badKind(l, 'any');
        if (bad) return `paperLinks: ${bad}`;
        if (l.stars !== undefined && !(Number.isFinite(l.stars) && l.stars >= 0 && l.kind === 'code')) return `stars ${l.stars} on ${l.kind}`;
      }
      return null;
    });
  });

  it('a known-good link written into an abstract (wrappers, punctuation, LaTeX, bidi marks) is found', () => {
    property('embedded-link', 9, 2500, (r) => {
      const { text, expected, kind } = embeddedLink(r);
      const links = extractLinks(text);
      if (!links.some((l) => l.url === expected && l.kind === kind)) {
        return `${expected} (${kind}) not found in ${show(text)}; got ${show(links.map((l) => `${l.kind} ${l.url}`))}`;
      }
      // The legacy repo finder (no LaTeX unescaping) must find plain repo URLs too.
      if (kind === 'code' && !text.includes('\\_') && !findRepoUrls(text).includes(expected)) {
        return `findRepoUrls missed ${expected} in ${show(text)}`;
      }
      return null;
    });
  });

  it('no catastrophic backtracking: long runs of URL punctuation stay linear', () => {
    const t = Date.now();
    for (const run of ['.', '.:?', ')', '.git', '!?', '/.']) {
      const tail = run.repeat(Math.ceil(200_000 / run.length));
      extractLinks(`see https://github.com/a/b${tail}x and github.com/c/d${tail}`);
      normaliseRepoUrl(`https://github.com/a/b${tail}x`);
      normaliseRepoUrl(`https://gitlab.com/a/b/c${tail}x/`);
      classifyUrl(`https://x.github.io/${tail}x`);
      findRepoUrls(`github.com/a/b${tail}x`);
    }
    counts['long-runs'] = 6;
    expect(Date.now() - t).toBeLessThan(1500);
  });
});

/** Problems with what a card would show and save for this paper, or null. */
function viewProblem(p: PagePaper, r: Rng): string | null {
  const api = r.bool(0.3)
    ? {
        pending: r.bool(),
        info: {
          status: r.pick(['found', 'none', 'error'] as const),
          githubRepo: r.bool(0.7) ? urlish(r) : undefined,
          githubStars: r.pick([undefined, 0, 12]),
          projectPage: r.bool(0.5) ? urlish(r) : undefined,
          aiKeywords: r.many(3, () => r.pick(HOSTILE_TEXT)),
          models: r.pick([0, 1, 3]),
          datasets: r.pick([0, 2]),
          spaces: r.pick([0, 1]),
        },
      }
    : { pending: false };
  // What the card sends to be tagged passes the background's schema; the chips it gets back.
  const req = { type: 'getStates' as const, ids: [p.id], papers: [paperText(p, keywordsFor(p, api.info))] };
  const asked = Request.safeParse(req);
  if (!asked.success) return `the paper sent to be tagged is rejected: ${asked.error.issues[0]?.path.join('.')}: ${asked.error.issues[0]?.message}`;
  const view = cardView(p, api, facetsFor(req)![p.id].tags);
  const { links } = view;
  for (const [what, url] of [['codeUrl', links.codeUrl], ['projectUrl', links.projectUrl], ['citing', links.citing?.url], ...(links.extra ?? []).map((e) => ['extra', e.url])] as const) {
    if (url === undefined) continue;
    const bad = badUrl(url);
    if (bad) return `${what}: ${bad}`;
  }
  if (links.codeName !== undefined && !/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+$/.test(links.codeName)) return `codeName ${show(links.codeName)}`;
  if (view.title !== (p.title ?? p.id)) return `title ${show(view.title)}`;
  for (const e of links.extra ?? []) if (!LABELS.has(e.label)) return `extra label ${show(e.label)}`;
  for (const t of view.tags) if (typeof t.label !== 'string' || t.label === '' || t.label.length > 80) return `tag ${show(t)}`;
  // Nothing lost: what a star sends passes the background's schema.
  const snap = PaperSnapshot.safeParse(snapshot(p, view));
  if (!snap.success) return `the snapshot a star sends is rejected: ${snap.error.issues[0]?.path.join('.')}: ${snap.error.issues[0]?.message}`;
  return null;
}

// Inputs the generators found, kept as fixed cases (each failed before its fix; see
// docs/reliability-inputs.md).
describe('regressions found by the fuzzer', () => {
  it.each([
    ['/papers/%E0%A4%A', null],
    ['/papers/%', null],
    ['https://huggingface.co/papers/%zz', null],
  ])('paperIdFromHref(%j) is %j and does not throw (URIError)', (href, id) => {
    expect(paperIdFromHref(href)).toBe(id);
    expect(pageKind('https://huggingface.co' + new URL(href, 'https://huggingface.co').pathname)).toBe('other');
  });

  it.each([
    ['https://github.com/o/r.git.git', 'https://github.com/o/r'],
    ['https://github.com/o/r.git./', 'https://github.com/o/r'],
    ['https://github.com/o/r..git.git', 'https://github.com/o/r'],
    ['https://gitlab.com/g/p/tree.git', 'https://gitlab.com/g/p'],
    ['https://gitlab.com/g/p/-.git', 'https://gitlab.com/g/p'],
  ])('normaliseRepoUrl(%j) is %j, a fixed point', (raw, out) => {
    expect(normaliseRepoUrl(raw)).toBe(out);
    expect(normaliseRepoUrl(out)).toBe(out);
  });

  it.each([
    'https://huggingface.co/models/papers/..',
    'https://huggingface.co/models/papers/2407.21783',
    'https://huggingface.co/models/spaces/x',
    'https://huggingface.co/models/login',
  ])('classifyUrl(%j) is not a model', (raw) => {
    expect(classifyUrl(raw)).toBeNull();
  });

  it('a legacy single-name model link still is one', () => {
    expect(classifyUrl('https://huggingface.co/models/gpt2')).toEqual({ kind: 'models', url: 'https://huggingface.co/gpt2', label: 'Models' });
  });
});
