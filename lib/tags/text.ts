// What of a paper is tagged, as a card sends it (and as the background makes it from the page's
// JSON): the fields, cut to what the background accepts. No dependencies: both sides import it.
import type { PagePaper } from '../hf/embedded';
import type { PaperText } from './facets';

/** What the background accepts of a paper to tag (lib/messages.ts validates with these). */
export const TEXT_LIMITS = { title: 1000, abstract: 20_000, authors: 1000, author: 300, keywords: 50, keyword: 200 } as const;
const L = TEXT_LIMITS;

export function paperText(paper: PagePaper, keywords: readonly string[]): PaperText {
  return {
    id: paper.id,
    title: (paper.title ?? paper.id).slice(0, L.title),
    abstract: paper.abstract?.slice(0, L.abstract),
    authors: paper.authors.slice(0, L.authors).map((a) => a.slice(0, L.author)),
    aiKeywords: keywordsSent(keywords),
  };
}

/** The keywords as sent to be tagged (as many, as long, as the background accepts). */
export const keywordsSent = (keywords: readonly string[]) => keywords.slice(0, L.keywords).map((k) => k.slice(0, L.keyword));
