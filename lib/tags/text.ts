// What of a paper is tagged, as a card sends it (and as the background makes it from the page's
// JSON): the fields, cut to what the background accepts. No dependencies: both sides import it.
import type { PagePaper } from '../hf/embedded';
import type { PaperText } from './facets';

export function paperText(paper: PagePaper, keywords: readonly string[]): PaperText {
  return {
    id: paper.id,
    title: (paper.title ?? paper.id).slice(0, 1000),
    abstract: paper.abstract?.slice(0, 20_000),
    authors: paper.authors.slice(0, 1000).map((a) => a.slice(0, 300)),
    aiKeywords: keywordsSent(keywords),
  };
}

/** The keywords as sent to be tagged (as many, as long, as the background accepts). */
export const keywordsSent = (keywords: readonly string[]) => keywords.slice(0, 50).map((k) => k.slice(0, 200));
