// What the e2e tests and `npm run demo` share: the saved real pages served at their real
// Hugging Face addresses, and how Debian's Chromium is started with the built extension.
// Plain JavaScript so that scripts/demo.mjs can use it without a TypeScript step.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const fixture = (name) => readFileSync(resolve(ROOT, 'tests/fixtures', name), 'utf8');

export const CHROME_EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
export const FIREFOX_EXTENSION_DIR = resolve(ROOT, '.output/firefox-mv2');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const LISTING_HTML = fixture('listing_2024-08-01.html');
export const PAPER_HTML = fixture('paper_2509.24002_2025-10-02.prettified.html');
/** Another listing with the same papers: the real card markup without the embedded JSON, so the
 *  DOM fallback is what annotates it (as on listings whose JSON we have no sample of). */
export const TRENDING_HTML = LISTING_HTML.replace(/\sdata-props="[^"]*"/g, '');
export const HF_CSS = fixture('hf-standin.css');

/** Path (with query) → HTML. */
export const PAGES = {
  '/papers': LISTING_HTML,
  '/papers?date=2024-08-01': LISTING_HTML,
  '/papers/date/2024-08-01': LISTING_HTML,
  '/papers/trending': TRENDING_HTML,
  '/papers/2509.24002': PAPER_HTML,
};

export const LISTING_IDS = [
  '2407.21783', '2407.21705', '2407.21770', '2407.21646', '2407.21772', '2407.21630', '2407.21721',
  '2407.21530', '2407.20229', '2407.21781', '2407.21686', '2407.21475', '2404.01300',
];

/** Real 2026 items from the API fixture, for synthesised cards. */
export const API_2026 = JSON.parse(fixture('api_daily_papers_2026-05-08.json'));

/** Recorded answers of https://huggingface.co/api/papers/<id>, by id (the daily-papers items' `paper`). */
export const API_PAPERS = Object.fromEntries(
  [...API_2026.map((item) => item.paper), JSON.parse(fixture('api_paper_2608.09888.json'))].map((p) => [p.id, p]),
);

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A listing of the given papers in the real 2024 card markup, without embedded JSON: what a page
 * whose JSON lacks code fields looks like (code links can then only come from the API).
 */
export function listingOf(papers) {
  const first = LISTING_HTML.indexOf('<article');
  const endOfFirst = LISTING_HTML.indexOf('</article>') + '</article>'.length;
  const endOfLast = LISTING_HTML.lastIndexOf('</article>') + '</article>'.length;
  const template = LISTING_HTML.slice(first, endOfFirst);
  const cards = papers.map((p) =>
    template.replaceAll('2407.21783', p.id).replace('>The Llama 3 Herd of Models<', `>${escapeHtml(p.title)}<`),
  );
  const page = LISTING_HTML.slice(0, first) + cards.join('\n</div>\n<div>') + LISTING_HTML.slice(endOfLast);
  return page.replace(/\sdata-props="[^"]*"/g, '');
}

/** 12 real papers of 2026-05-08 (6 with a githubRepo), served without embedded JSON: their code is known only to the API. */
export const LISTING_2026_IDS = API_2026.slice(0, 12).map((item) => item.paper.id);
PAGES['/papers/date/2026-05-08'] = listingOf(API_2026.slice(0, 12).map((item) => item.paper));

/**
 * The answer for a request: a response to fulfil, 'continue' for the extension's own pages, or
 * 'abort' (tests never reach the network).
 */
export function answer(rawUrl, { api = 'recorded' } = {}) {
  const url = new URL(rawUrl);
  if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') return 'continue';
  if (url.origin !== 'https://huggingface.co') return 'abort';
  const apiPaper = /^\/api\/papers\/([^/]+)$/.exec(url.pathname);
  if (apiPaper) {
    if (api === 'down') return { status: 500, contentType: 'application/json', body: '{"error":"Internal Error"}' };
    const paper = API_PAPERS[decodeURIComponent(apiPaper[1])];
    return paper
      ? { status: 200, contentType: 'application/json', body: JSON.stringify(paper) }
      : { status: 404, contentType: 'application/json', body: '{"error":"Paper not found"}' };
  }
  if (url.pathname.startsWith('/papers')) {
    const body = PAGES[url.pathname + url.search] ?? PAGES[url.pathname];
    return { status: body ? 200 : 404, contentType: 'text/html; charset=utf-8', body: body ?? '<h1>Not found</h1>' };
  }
  if (/^\/front\/build\/[\w-]+\/style\.css$/.test(url.pathname)) {
    return { status: 200, contentType: 'text/css', body: HF_CSS };
  }
  return 'abort';
}

/** Chromium flags: the extension, and no background traffic to a network that is not there. */
export function chromiumArgs(extensionDir = CHROME_EXTENSION_DIR) {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...chromiumBaseArgs()];
}

/** The same flags without the extension (the benchmark's baseline browser). */
export function chromiumBaseArgs() {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
