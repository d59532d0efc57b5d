// Which Hugging Face URLs are papers pages, and how papers are addressed. Pure functions of a URL.

export const HF_ORIGIN = 'https://huggingface.co';

/** A new-style arXiv id (YYMM.NNNNN): the key for everything we store. */
const BARE_ID = String.raw`\d{4}\.\d{4,5}`;
/**
 * An id and its version ("v2", dropped): the id is the pattern's one group. A source, for the
 * patterns that find ids in text.
 */
export const ARXIV_ID_PATTERN = String.raw`(${BARE_ID})(?:v\d+)?`;
const ARXIV_ID = new RegExp(`^${ARXIV_ID_PATTERN}$`);
const STORED_ID = new RegExp(`^${BARE_ID}$`);

export function normaliseArxivId(raw: string): string | null {
  const m = ARXIV_ID.exec(raw.trim());
  return m ? m[1] : null;
}

export function isArxivId(raw: unknown): raw is string {
  return typeof raw === 'string' && STORED_ID.test(raw);
}

/** The page's own links to papers: `/papers/<id>`, maybe with a query or fragment. */
const PAPER_PATH = /^\/papers\/([^/?#\\\x00-\x20]+)\/?(?:[?#].*)?$/s;

/** The paper id of a link like `/papers/2407.21783` or `https://huggingface.co/papers/2407.21783#community`. */
export function paperIdFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  // The common case without a URL parse (a 1000-card page has ~4000 such links); anything else,
  // parsed as the browser would.
  const own = PAPER_PATH.exec(href);
  if (own) return idFromSegment(own[1]);
  let url: URL;
  try {
    url = new URL(href, HF_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== HF_ORIGIN) return null;
  const m = /^\/papers\/([^/]+)\/?$/.exec(url.pathname);
  return m ? idFromSegment(m[1]) : null;
}

function idFromSegment(segment: string): string | null {
  try {
    return normaliseArxivId(decodeURIComponent(segment));
  } catch {
    return null; // malformed percent-encoding ("/papers/%E0"): decodeURIComponent throws URIError
  }
}

export function paperUrl(id: string): string {
  return `${HF_ORIGIN}/papers/${id}`;
}

export type PageKind = 'listing' | 'paper' | 'other';

/**
 * Listings: /papers, /papers?date=…, /papers?q=…, /papers/date/…, /papers/week/…, /papers/month/…,
 * /papers/trending. Paper page: /papers/<arxiv-id>. Anything else (other HF pages, /papers/submit…) is 'other'.
 */
export function pageKind(href: string): PageKind {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'other';
  }
  if (url.origin !== HF_ORIGIN) return 'other';
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/papers' || path === '/papers/trending') return 'listing';
  if (/^\/papers\/(date|week|month)\/[\w-]+$/.test(path)) return 'listing';
  if (/^\/papers\/[^/]+$/.test(path) && paperIdFromHref(path)) return 'paper';
  return 'other';
}
