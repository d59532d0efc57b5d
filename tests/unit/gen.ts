// Seeded generators for the hostile-input and fuzz tests. No dependencies: a mulberry32 PRNG and a
// few generators of strings, URLs, JSON values and paper-like objects built on it.
//
// Reproduce a run with the seed it printed: FUZZ_SEED=<seed> npx vitest run tests/unit/<file>

/** The seed for this run: FUZZ_SEED from the environment, else a fixed default. */
export function fuzzSeed(fallback = 20240801): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return n >>> 0;
}

/** mulberry32: a small, fast 32-bit PRNG. Same seed, same sequence, on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  /** An independent stream for one property, so adding cases to one never shifts another. */
  fork(salt: number): Rng {
    return new Rng((Math.imul(this.seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(salt, 0xc2b2ae35)) >>> 0);
  }
  /** 0 ≤ n < max. */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  bool(p = 0.5): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** Up to `max` items from `make`. */
  many<T>(max: number, make: () => T): T[] {
    return Array.from({ length: this.int(max + 1) }, make);
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------------
// Catalogues of hostile values. Every payload that could run sets window.__pwned.

export const HOSTILE_TEXT: readonly string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '"><svg onload=window.__pwned=1>',
  "'><a href=javascript:window.__pwned=1>click</a>",
  '<style>*{display:none!important}</style>',
  '<a href="data:text/html,<script>window.__pwned=1</script>">x</a>',
  '<b onmouseover="window.__pwned=1">bold</b>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__pwned=1&#62;',
  'javascript:window.__pwned=1',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+',
  '\u202Egnp.exe\u202C Right-to-left override',
  '\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u200F mixed RTL',
  'zero\u200Bwidth\u200Cjoiners\u200D\uFEFFand\u2060words',
  '\u200B\u200C\u200D\uFEFF',
  'NUL\u0000byte and \u0007bell',
  'lone \uD800 surrogate \uDFFF',
  '__proto__',
  'constructor',
];

export const HOSTILE_URLS: readonly string[] = [
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1',
  ' javascript:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  'javascript://github.com/a/b%0Awindow.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://huggingface.co/0000',
  'about:blank',
  'ftp://github.com/a/b',
  '//evil.example/x',
  '/papers/2407.21783',
  'https://huggingface.co@evil.example/x',
  'https://user:pw@github.com/a/b',
  'https://github.com:8443/a/b',
  'https://github.com.evil.example/a/b',
  'https://github.com/a/b"><script>window.__pwned=1</script>',
  'https://github.com/a/b\u202E',
  'https://github.com/\u200Ba/b',
  'https://127.0.0.1/x',
  'https://[::1]/x',
  'https://evil.example/' + 'a'.repeat(3000),
  'https://x.github.io/?' + 'q'.repeat(3000),
  'http://github.com/' + 'o'.repeat(100) + '/' + 'r'.repeat(3000),
  '',
  '   ',
];

/** Ids that are not arXiv ids (the only key the extension stores). */
export const BAD_IDS: readonly unknown[] = [
  '', ' ', '2407.217', '2407.217834', '2407.21783v2', ' 2407.21783', '2407.21783\n', '2407.21783 ',
  '２４０７.２１７８３', '\u0662\u0664\u0660\u0667.\u0662\u0661\u0667\u0668\u0663', 'hep-th/9901001', '../x',
  '../../etc/passwd', '2407.21783/../..', '2407.21783<script>', '__proto__', 'constructor', 'prototype',
  'toString', '2407_21783', '2407.21783\u200B', 2407.21783, 240721783, null, true, [], {}, ['2407.21783'],
  { id: '2407.21783' },
];

// ---------------------------------------------------------------------------------------------
// Strings

const ASCII = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const SPECIAL = [
  '\n', '\t', '\r', '\u00A0', '\u2028', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u202E', '\u202C',
  '\u200F', '\u05D0', '\u0627', '\u00E9', '\u00DF', '\u4E2D', '\uD83D\uDE00', '\uD800', '\uDFFF', '\u0000',
  '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB', '\u2013', '\u2014', '\uFF0E', '\u3002',
];

/** A short string of anything: ASCII, whitespace, bidi controls, zero-width, surrogates, NUL. */
export function anyString(r: Rng, max = 40): string {
  let s = '';
  const n = r.int(max + 1);
  for (let i = 0; i < n; i++) s += r.bool(0.8) ? ASCII[r.int(ASCII.length)] : r.pick(SPECIAL);
  return s;
}

const WORDS = [
  'we', 'present', 'a', 'novel', 'model', 'for', 'the', 'code', 'is', 'available', 'at', 'project', 'page',
  'demo', 'dataset', 'benchmark', 'weights', 'our', 'and', 'diffusion', 'language', 'results', 'see',
  'released', 'repository', 'website', 'LLM', 'agents', 'reasoning', 'e.g.', 'i.e.', 'Fig.', '$x^2$',
  '\\cite{ref}', '\\textbf{bold}', '\\footnote{note}', '(see', 'below)', '[1]', '--', '---', '~',
];

/** Prose-like text with random words, LaTeX bits and, now and then, anything. */
export function prose(r: Rng, maxWords = 30): string {
  const words: string[] = [];
  const n = r.int(maxWords + 1);
  for (let i = 0; i < n; i++) {
    words.push(r.bool(0.85) ? r.pick(WORDS) : r.bool(0.5) ? anyString(r, 8) : r.pick(HOSTILE_TEXT));
    if (r.bool(0.1)) words.push(r.pick(['.', ',', ';', ':', '!', '?']));
  }
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------
// URLs

const SCHEMES = [
  'https://', 'http://', 'HTTPS://', 'HtTp://', '', '', '//', 'javascript:', 'JavaScript:', 'data:text/html,',
  'ftp://', 'file://', 'vbscript:', 'https:', 'https:/', 'https:///', ' https://', '\thttps://',
];
const HOSTS = [
  'github.com', 'www.github.com', 'GitHub.COM', 'gitlab.com', 'codeberg.org', 'bitbucket.org', 'huggingface.co',
  'hf.co', 'www.huggingface.co', 'user-app.hf.space', 'proj.github.io', 'Group.gitlab.io', 'sites.google.com',
  'arxiv.org', 'doi.org', 'openreview.net', 'evil.example', 'github.com.evil.example', 'evilgithub.com',
  'gist.github.com', '127.0.0.1', '[::1]', 'xn--80ak6aa92e.com', 'ex ample.com', 'gith\u200Bub.com',
  'github.com.', 'GITHUB.com', '', 'a', 'mcpmark.ai',
];
const USERINFO = ['', '', '', '', 'user@', 'u:p@', 'huggingface.co@', 'github.com@', ':@'];
const PORTS = ['', '', '', '', ':443', ':8080', ':', ':99999'];
const SEGMENTS = [
  'owner', 'repo', 'My-Repo', 'my.repo_v2', 'a', 'tree', 'blob', 'main', '-', 'issues', 'raw', 'spaces',
  'datasets', 'models', 'collections', 'papers', 'api', 'login', 'settings', 'repo.git', 'repo.git.git',
  'repo.git.', 'repo.', '...', '.', '..', '.git', 'tree.git', '-.git', 'sub', 'group', '%E0', '%2F', '%20',
  'a%2eb', '\u00E9t\u00E9', 'a b', '"q"', '<x>', "it's", 'x\\_y', '2407.21783', 'index.html', '~user', '',
];
const TAILS = ['', '', '', '/', '?tab=readme', '?utm_source=x&x=1', '#readme', '#', '?', '.', ',', ').', '"', '\u201D', ']}'];
const WRAPPERS: readonly [string, string][] = [
  ['', ''], ['', ''], ['\\url{', '}'], ['\\href{', '}{code}'], ['(', ')'], ['[', ']'], ['<', '>'], ['"', '"'],
  ['\u201C', '\u201D'], ["'", "'"], ['\u00AB', '\u00BB'], ['((', ')).'],
];

/** A URL-like string from pieces, good, bad and hostile. */
export function urlish(r: Rng): string {
  if (r.bool(0.1)) return r.pick(HOSTILE_URLS);
  if (r.bool(0.05)) return anyString(r, 60);
  const segs = r.many(5, () => (r.bool(0.9) ? r.pick(SEGMENTS) : anyString(r, 6)));
  const path = segs.length ? '/' + segs.join('/') : r.pick(['', '/']);
  const url = r.pick(SCHEMES) + r.pick(USERINFO) + r.pick(HOSTS) + r.pick(PORTS) + path + r.pick(TAILS);
  const [open, close] = r.pick(WRAPPERS);
  return open + url + close;
}

// ---------------------------------------------------------------------------------------------
// Known-good repository URLs, written the ways abstracts write them

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A repo-ish name: letters and digits with inner "-", "_" or "." (never reserved, never ending in "."). */
export function repoName(r: Rng): string {
  let s = NAME_CHARS[r.int(52)]; // a letter first
  const n = r.range(1, 14);
  for (let i = 0; i < n; i++) {
    if (i > 0 && i < n - 1 && r.bool(0.15)) s += r.pick(['-', '_', '.']);
    s += NAME_CHARS[r.int(NAME_CHARS.length)];
  }
  return s + r.int(10); // a digit last: never a reserved word, never ".git"
}

export interface Embedded {
  /** The text: the URL in prose, wrapped and punctuated. */
  text: string;
  /** The URL extractLinks and findRepoUrls must find. */
  expected: string;
  kind: 'code' | 'demo' | 'data' | 'models';
}

/** A known-good link written into prose with LaTeX/markdown wrappers and punctuation around it. */
export function embeddedLink(r: Rng): Embedded {
  const owner = repoName(r);
  const name = repoName(r);
  const choice = r.int(10);
  let host: string;
  let canonical: string;
  let kind: Embedded['kind'] = 'code';
  let path: string;
  if (choice < 6) {
    host = r.pick(['github.com', 'github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org']);
    canonical = `https://${host}/${owner}/${name}`;
    path = `/${owner}/${name}` + r.pick(['', '', '/', '.git', '/tree/main', '/blob/main/README.md', '#readme', '?tab=readme-ov-file']);
    if (host === 'gitlab.com' && r.bool(0.3)) {
      const sub = repoName(r);
      canonical = `https://${host}/${owner}/${sub}/${name}`;
      path = `/${owner}/${sub}/${name}` + r.pick(['', '/-/tree/main', '/-/blob/main/x.py', '.git']);
    }
  } else {
    host = r.pick(['huggingface.co', 'hf.co']);
    const section = r.pick(['spaces', 'datasets', 'models'] as const);
    if (section === 'spaces') {
      kind = 'demo';
      canonical = `https://huggingface.co/spaces/${owner}/${name}`;
      path = `/spaces/${owner}/${name}`;
    } else if (section === 'datasets') {
      kind = 'data';
      canonical = `https://huggingface.co/datasets/${owner}/${name}`;
      path = `/datasets/${owner}/${name}` + r.pick(['', '/tree/main', '/viewer']);
    } else {
      kind = 'models';
      canonical = `https://huggingface.co/${owner}/${name}`;
      path = `/${owner}/${name}` + r.pick(['', '/tree/main', '/blob/main/config.json']);
    }
  }
  const scheme = r.pick(['https://', 'http://', 'https://www.', '', 'www.', 'HTTPS://']);
  const hostSpelling = r.bool(0.2) ? host.toUpperCase() : host;
  let url = scheme + hostSpelling + path;
  // LaTeX escapes underscores inside URLs ("my\_repo").
  if (r.bool(0.3)) url = url.replace(/_/g, '\\_');
  const [open, close] = r.pick(WRAPPERS);
  const punct = r.pick(['', '', '.', ',', ';', ':', '!', '?', ').', '.)', '",', '\u201D.', '\u200B', '\u200F', '\u202C']);
  const before = r.pick(['', 'Code: ', 'Our code is at ', 'see ', 'Project page: ', 'Demo ', '(', '\u200B', '\u200F', '\\footnote{']);
  const after = r.pick(['', ' and more.', ' (MIT license).', '}', '\n', ' \u2014 see appendix', '\u2028next']);
  // A space (or the start) before the URL: the extractor never takes URLs glued to a word.
  const text = prose(r, 12) + ' ' + before + open + url + close + punct + after + ' ' + prose(r, 8);
  return { text, expected: canonical, kind };
}

// ---------------------------------------------------------------------------------------------
// JSON values and paper-like objects

const KEYS = [
  'id', 'title', 'summary', 'authors', 'name', 'paper', 'papers', 'dailyPapers', 'items', 'githubRepo',
  'githubStars', 'projectPage', 'ai_keywords', 'upvotes', 'publishedAt', 'comments', 'upvoters', 'type', 'ids',
  'patch', 'starred', 'hidden', 'health', 'settings', 'enrichment', '__proto__', 'constructor', 'prototype',
  'toString', 'valueOf', 'hasOwnProperty', '', ' ', '0', 'length',
];
const IDS = ['2407.21783', '2401.00001', '2509.24002', '0704.0001', '2407.21783v3'];

/** A random JSON value (as JSON.parse would make it: "__proto__" keys are own data properties). */
export function jsonValue(r: Rng, depth = 4): unknown {
  const leaf = depth <= 0 || r.bool(0.4);
  if (leaf) {
    switch (r.int(10)) {
      case 0: return null;
      case 1: return r.bool();
      case 2: return r.pick([0, -1, 1.5, 1e308, -0, 2 ** 53, 42, 13]);
      case 3: return r.pick(IDS);
      case 4: return r.pick(BAD_IDS);
      case 5: return r.pick(HOSTILE_TEXT);
      case 6: return urlish(r);
      case 7: return r.pick(['getStates', 'setState', 'getLinks', 'setSettings', 'reportHealth', 'GETSTATES', 'dropTable']);
      default: return anyString(r, 20);
    }
  }
  if (r.bool(0.35)) return r.many(5, () => jsonValue(r, depth - 1));
  const entries: [string, unknown][] = r.many(6, () => [r.bool(0.8) ? r.pick(KEYS) : anyString(r, 8), jsonValue(r, depth - 1)]);
  return objectFromEntries(entries);
}

/** An object with these own properties, "__proto__" included as a plain key (as JSON.parse does). */
export function objectFromEntries(entries: [string, unknown][]): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
  return obj;
}

/** A value anything could hold: hostile strings, wrong types, huge strings (when `huge` is given). */
export function fieldValue(r: Rng, huge?: string): unknown {
  switch (r.int(12)) {
    case 0: return r.pick(HOSTILE_TEXT);
    case 1: return r.pick(HOSTILE_URLS);
    case 2: return urlish(r);
    case 3: return jsonValue(r, 2);
    case 4: return huge ?? anyString(r, 200);
    case 5: return null;
    case 6: return r.pick([42, -1, 1.5, 1e308, true, false]);
    case 7: return [r.pick(HOSTILE_TEXT), 1, null];
    case 8: return prose(r, 40);
    default: return anyString(r, 60);
  }
}

/** A mutated copy of a real paper object: fields replaced, removed, retyped; pollution keys added. */
export function mutatePaper(r: Rng, base: Record<string, unknown>, huge?: string): Record<string, unknown> {
  const entries = Object.entries(base);
  const out: [string, unknown][] = [];
  for (const [k, v] of entries) {
    const roll = r.next();
    if (roll < 0.1) continue; // dropped
    if (roll < 0.45) out.push([k, fieldValue(r, r.bool(0.05) ? huge : undefined)]);
    else out.push([k, v]);
  }
  if (r.bool(0.5)) out.push(['authors', r.many(4, () => (r.bool(0.7) ? { name: fieldValue(r) } : fieldValue(r)))]);
  if (r.bool(0.3)) out.push(['ai_keywords', r.many(4, () => (r.bool(0.7) ? r.pick(HOSTILE_TEXT) : fieldValue(r)))]);
  if (r.bool(0.2)) out.push([r.pick(['__proto__', 'constructor', 'prototype']), jsonValue(r, 2)]);
  if (r.bool(0.2)) out.push(['id', r.bool(0.5) ? r.pick(BAD_IDS) : r.pick(IDS)]);
  return objectFromEntries(out);
}
