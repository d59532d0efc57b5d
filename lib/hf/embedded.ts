// Paper data from the page's embedded JSON (the `data-props` of Svelte islands such as
// DailyPapers and PaperContent). Tolerant by design: an unknown shape, a missing field or a wrong
// type drops that field (or that paper), never the page. Parsed by the background: the content
// script sends the props as they are (embeddedProps) with its question about the page's cards.
import { oneSpaced } from '../fold';
import { z } from '../zod';
import type { PagePaper } from './page-paper';
import { embeddedProps } from './props';
import { isArxivId } from './urls';

export type { PagePaper } from './page-paper';

const optString = z.catch(z.optional(z.string()), undefined);
const optCount = z.catch(z.optional(z.number().check(z.int(), z.nonnegative())), undefined);
const stringList = z.catch(z.array(z.string()), []);
// Validated as a list; each name is taken only when it is a string (a zod object per author was
// most of the parse time on a 1000-card page: papers have up to several hundred authors).
const authorList = z.catch(z.array(z.unknown()), []);
const authorName = (a: unknown) => (a && typeof a === 'object' && typeof (a as { name?: unknown }).name === 'string' ? (a as { name: string }).name : undefined);

const HfPaper = z.object({
  id: z.string().check(z.refine(isArxivId)),
  title: optString,
  summary: optString,
  authors: authorList,
  publishedAt: optString,
  upvotes: optCount,
  githubRepo: z.catch(z.optional(z.nullable(z.string())), undefined),
  githubStars: optCount,
  projectPage: z.catch(z.optional(z.nullable(z.string())), undefined),
  ai_keywords: stringList,
});

/** Folds whitespace that the page's JSON keeps from arXiv's line-wrapped text. */
function clean(text: string | null | undefined): string | undefined {
  const folded = text && oneSpaced(text).trim();
  return folded ? folded : undefined;
}

export function toPagePaper(raw: unknown): PagePaper | null {
  const parsed = HfPaper.safeParse(raw);
  if (!parsed.success) return null;
  const p = parsed.data;
  return {
    id: p.id,
    title: clean(p.title),
    abstract: clean(p.summary),
    authors: p.authors.map((a) => clean(authorName(a))).filter((n): n is string => !!n),
    publishedAt: p.publishedAt,
    upvotes: p.upvotes,
    githubRepo: clean(p.githubRepo),
    githubStars: p.githubStars,
    projectPage: clean(p.projectPage),
    aiKeywords: p.ai_keywords.map((k) => k.trim()).filter(Boolean),
  };
}

/**
 * Papers read from one page at most: a real listing has about 100 (the message that brings the
 * props allows 5000 ids); more would only be a page making the background work.
 */
const MAX_PAPERS = 5000;

/** Objects that look like a paper (`{id: <arXiv id>, title: …}`) anywhere in a props tree. */
function collectPaperLike(value: unknown, out: unknown[], depth = 0): void {
  if (depth > 8 || out.length >= MAX_PAPERS || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectPaperLike(item, out, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  if (isArxivId(obj.id) && typeof obj.title === 'string') {
    out.push(obj);
    return;
  }
  for (const key in obj) {
    // Comments and upvoters are large and never hold papers.
    if (key === 'comments' || key === 'upvoters' || key === 'authors') continue;
    collectPaperLike(obj[key], out, depth + 1);
  }
}

/** Merges two sightings of the same paper: fields already known win, missing ones are filled in. */
function mergeSightings(a: PagePaper, b: PagePaper): PagePaper {
  const out: PagePaper = { ...a };
  for (const key of Object.keys(b) as (keyof PagePaper)[]) {
    const have = out[key];
    const isEmpty = have === undefined || (Array.isArray(have) && have.length === 0);
    if (isEmpty) (out as unknown as Record<string, unknown>)[key] = b[key];
  }
  return out;
}

/** Every paper described by the embedded JSON of `root`, keyed by arXiv id. */
export function readEmbeddedPapers(root: ParentNode): Map<string, PagePaper> {
  return papersFromProps(embeddedProps(root));
}

/** Every paper described by these `data-props` values, keyed by arXiv id. */
export function papersFromProps(allProps: readonly string[]): Map<string, PagePaper> {
  return readProps(allProps).papers();
}

/**
 * These `data-props` values read in two steps: their JSON parsed and the objects that look like
 * papers found (`ids`: what the background can ask its stores about already), then those objects
 * validated (`papers`), the longer part on a big page.
 */
export function readProps(allProps: readonly string[]): { ids: string[]; papers(): Map<string, PagePaper> } {
  const islands: unknown[][] = [];
  for (const text of allProps) {
    let props: unknown;
    try {
      props = JSON.parse(text);
    } catch {
      continue;
    }
    const found: unknown[] = [];
    collectPaperLike(props, found);
    islands.push(found);
  }
  const ids = [...new Set(islands.flat().map((raw) => (raw as { id: string }).id))].slice(0, MAX_PAPERS);
  return { ids, papers: () => validPapers(islands) };
}

function validPapers(islands: readonly (readonly unknown[])[]): Map<string, PagePaper> {
  const papers = new Map<string, PagePaper>();
  for (const found of islands) {
    const room = Math.max(0, MAX_PAPERS - papers.size);
    for (const raw of found.slice(0, room)) {
      const paper = toPagePaper(raw);
      if (!paper) continue;
      const known = papers.get(paper.id);
      papers.set(paper.id, known ? mergeSightings(known, paper) : paper);
    }
  }
  return papers;
}
