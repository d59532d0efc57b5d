// Did we understand this page? A page that shows papers but where no card could be found means
// Hugging Face changed its markup: the user is told once, quietly, and the options page keeps a
// short report of the last pages seen.
import { PAPER_LINK } from './selectors';
import type { PageKind } from './urls';
import { paperIdFromHref } from './urls';

export interface PageHealth {
  /** Path and query only: enough to tell pages apart, nothing about the user. */
  path: string;
  kind: PageKind;
  /** Distinct papers the page links to. */
  papersLinked: number;
  /** Papers found in the page's embedded JSON. */
  papersInJson: number;
  /** Cards that carry our controls. */
  cardsAnnotated: number;
  recognised: boolean;
}

export function pageHealth(doc: Document, kind: PageKind, papersInJson: number, cardsAnnotated: number): PageHealth {
  const ids = new Set<string>();
  for (const a of doc.querySelectorAll(PAPER_LINK)) {
    const id = paperIdFromHref(a.getAttribute('href'));
    if (id) ids.add(id);
  }
  const url = new URL(doc.location?.href ?? 'https://huggingface.co/');
  const showsPapers = kind === 'paper' || ids.size > 0 || papersInJson > 0;
  return {
    path: (url.pathname + url.search).slice(0, 200),
    kind,
    papersLinked: ids.size,
    papersInJson,
    cardsAnnotated,
    recognised: kind === 'other' || !showsPapers || cardsAnnotated > 0,
  };
}
