// Finding paper cards in the DOM, and the card model the features work on.
import { oneSpaced } from '../fold';
import { CARD, CARD_TITLE_LINK, PAPER_LINK, PAPER_PAGE_TITLE } from './selectors';
import { paperIdFromHref } from './urls';
import type { PagePaper } from './embedded';

export interface CardRef {
  id: string;
  /** The element that holds the whole card (an <article> on listings; the title's block on a paper page). */
  card: HTMLElement;
  /** Where our controls go: appended to this element ('append') or right after it ('after'). */
  anchor: HTMLElement;
  position: 'append' | 'after';
  /** Title as the DOM shows it (fallback when the embedded JSON lacks the paper). */
  domTitle?: string;
  /** The title link the id was read from, and its href then (listing cards): see `stillShows`. */
  idLink?: { el: Element; href: string };
}

function text(el: Element | null | undefined): string | undefined {
  const raw = el?.textContent;
  const t = raw && oneSpaced(raw).trim();
  return t ? t : undefined;
}

/**
 * The paper a card is about: the id its title link points to (and that link), else the first paper
 * link it holds.
 */
function cardPaperId(card: Element): { id: string; title?: { el: Element; href: string } } | null {
  const title = card.querySelector(CARD_TITLE_LINK);
  const href = title?.getAttribute('href');
  const fromTitle = paperIdFromHref(href);
  if (fromTitle) return { id: fromTitle, title: { el: title!, href: href! } };
  for (const a of card.querySelectorAll(PAPER_LINK)) {
    const id = paperIdFromHref(a.getAttribute('href'));
    if (id) return { id };
  }
  return null;
}

/**
 * The card still shows the paper `ref` was read for: the title link its id came from is still in
 * it, unchanged. Cheaper than reading the id again (a 1000-card page is checked on every scan).
 */
export function stillShows(ref: CardRef): boolean {
  const link = ref.idLink;
  return !!link && link.el.getAttribute('href') === link.href && ref.card.contains(link.el);
}

/**
 * Without <article>s (a redesign): the largest element around a title link that holds no other
 * paper's title. Semantic, so it survives renamed classes.
 */
function cardAround(titleLink: Element): HTMLElement | null {
  let card = titleLink.closest('h3') as HTMLElement | null;
  while (card?.parentElement && card.parentElement !== card.ownerDocument.body) {
    if (card.parentElement.querySelectorAll(CARD_TITLE_LINK).length > 1) break;
    card = card.parentElement;
  }
  return card;
}

/** Every card element: <article>s holding a paper, else the blocks around paper titles. */
function cardElements(root: ParentNode): HTMLElement[] {
  const articles = [...root.querySelectorAll<HTMLElement>(CARD)];
  // Title links in no card, in one selector (a closest() per link cost ~3 ms on 1000 cards).
  const outside = [...root.querySelectorAll(`${CARD_TITLE_LINK}:not(${CARD} *)`)];
  return outside.length === 0 ? articles : [...articles, ...outside.map(cardAround).filter((c): c is HTMLElement => !!c)];
}

/**
 * Paper cards on a listing. Cards without a usable paper id are skipped, never guessed. `skip` is
 * asked with the card's id; `only`, cheaper, before anything is read of the card.
 */
export function findListingCards(root: ParentNode, skip?: (card: HTMLElement, id: string) => boolean, only?: (card: HTMLElement) => boolean): CardRef[] {
  const cards: CardRef[] = [];
  for (const el of cardElements(root)) {
    if (only && !only(el)) continue;
    const ref = listingCardRef(el);
    if (ref && !skip?.(el, ref.id)) cards.push(ref);
  }
  return cards;
}

/** A listing card's paper and where its controls go; null without a usable paper id. */
export function listingCardRef(el: HTMLElement): CardRef | null {
  const read = cardPaperId(el);
  if (!read) return null;
  const h3 = el.querySelector<HTMLElement>('h3');
  // Controls sit at the end of the title block (title + authors row), or of the card without one.
  return {
    id: read.id,
    card: el,
    anchor: h3?.parentElement ?? el,
    position: 'append',
    // Read when asked: only a paper the page's JSON lacks needs it (every card is read as it goes in).
    get domTitle() {
      return text(read.title?.el ?? el.querySelector(CARD_TITLE_LINK)) ?? text(h3);
    },
    idLink: read.title,
  };
}

/**
 * The <article> cards of a page the parser is still adding to, in document order: all of them, or
 * those after `last` (what the parser added since `last` was looked at), found by searching only
 * what follows it rather than the whole document again. Cards do not nest (none inside `last` is
 * looked for). A redesign without <article>s is found by findListingCards once the page is parsed.
 */
export function listingCardsWhileLoading(doc: Document, last?: Element): HTMLElement[] {
  if (!last) return [...doc.querySelectorAll<HTMLElement>(CARD)];
  const out: HTMLElement[] = [];
  for (let node: Element | null = last; node; node = node.parentElement) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.matches(CARD)) out.push(next as HTMLElement);
      out.push(...next.querySelectorAll<HTMLElement>(CARD));
    }
  }
  return out;
}

/**
 * While a listing loads, calls `onAdded` at the end of each of the parser's chunks that added to
 * the list of cards. The whole document is watched only until the first paper card (an article with
 * a paper's id, as the scan reads it): from then on, only that card's ancestors, each for its own
 * children (without subtrees). The parser adds the next cards, or what follows the list, to one of
 * them whatever the list's nesting. A document-wide subtree observer makes the parser record every
 * node it inserts: on a 1000-card listing (~36,000 elements) ~150 ms more in the parser's own
 * tasks. Cards put anywhere else are found once the document is parsed, as are those of a list
 * the page replaces.
 */
export function watchListWhileLoading(doc: Document, onAdded: () => void): { stop(): void } {
  let narrowed = false;
  const observer = new MutationObserver(() => {
    onAdded();
    if (narrowed) return;
    // Few articles exist before the first card's link is parsed: this looks at the page's head only.
    const first = [...doc.querySelectorAll(CARD)].find((el) => cardPaperId(el));
    if (!first) return;
    narrowed = true;
    observer.disconnect();
    for (let el = first.parentElement; el; el = el.parentElement) observer.observe(el, { childList: true });
  });
  observer.observe(doc, { childList: true, subtree: true });
  return { stop: () => observer.disconnect() };
}

/** The single paper page: controls next to the <h1> title. */
export function findPaperPageCard(doc: Document, id: string): CardRef | null {
  const h1 = PAPER_PAGE_TITLE.map((s) => doc.querySelector<HTMLElement>(s)).find(Boolean);
  if (!h1 || !h1.parentElement) return null;
  return { id, card: h1.parentElement, anchor: h1, position: 'after', domTitle: text(h1) };
}

/** What we know of a card's paper: the embedded JSON when it covers the card, else the DOM. */
export function paperForCard(ref: Pick<CardRef, 'id' | 'domTitle'>, embedded: ReadonlyMap<string, PagePaper>): PagePaper {
  const known = embedded.get(ref.id);
  if (known) return known.title ? known : { ...known, title: ref.domTitle };
  return { id: ref.id, title: ref.domTitle, authors: [], aiKeywords: [] };
}
