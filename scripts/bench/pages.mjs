// Listing pages of any size, made of the real saved markup: the 2024-08-01 page with its grid of
// 13 <article> cards replaced by N clones, and its DailyPapers `data-props` holding N real paper
// records (the 13 of that day, then the 37 of the 2026-05-08 API fixture, which bring GitHub repos
// and HF keywords). Each clone gets its own arXiv id, so every card is a distinct paper.
import { API_2026, LISTING_HTML } from '../../tests/e2e/harness.mjs';

const PROPS_RE = /(data-target="DailyPapers" data-props=")([^"]*)(")/;

const decodeAttr = (s) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const encodeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function parseListing() {
  const props = JSON.parse(decodeAttr(PROPS_RE.exec(LISTING_HTML)[2]));
  const starts = [...LISTING_HTML.matchAll(/<article/g)].map((m) => m.index);
  const cards = starts.map((s) => LISTING_HTML.slice(s, LISTING_HTML.indexOf('</article>', s) + '</article>'.length));
  // The grid: from the cell <div> around the first card to the cell </div> after the last one.
  const gridStart = LISTING_HTML.lastIndexOf('<div>', starts[0]);
  const lastEnd = starts.at(-1) + cards.at(-1).length;
  const gridEnd = LISTING_HTML.indexOf('</div>', lastEnd) + '</div>'.length;
  return { props, cards, gridStart, gridEnd };
}

const listing = parseListing();
/** Real daily-papers items, each with the card markup to clone for it. */
const TEMPLATES = [
  ...listing.props.dailyPapers.map((item, i) => ({ item, card: listing.cards[i] })),
  ...API_2026.map((item, i) => ({ item, card: listing.cards[i % listing.cards.length] })),
];

/** The i-th synthetic arXiv id: unique, valid, and clear of the fixtures' real ids. */
export const benchPaperId = (i) => `2501.${String(10000 + i)}`;

function cardFor(template, id, title) {
  const oldId = /href="\/papers\/([\d.]+)"/.exec(template.card)[1];
  return template.card
    .replaceAll(oldId, id)
    .replace(/(<h3[^>]*><a [^>]*>)[^<]*(<\/a>)/, (_, open, close) => `${open}${escapeText(title)}${close}`);
}

/** A full listing page with `n` distinct paper cards. */
export function listingWithCards(n) {
  const items = [];
  const cells = [];
  for (let i = 0; i < n; i++) {
    const t = TEMPLATES[i % TEMPLATES.length];
    const id = benchPaperId(i);
    items.push({ ...t.item, paper: { ...t.item.paper, id } });
    cells.push(`<div>\n${cardFor(t, id, t.item.paper.title)}\n</div>`);
  }
  const props = encodeAttr(JSON.stringify({ ...listing.props, dailyPapers: items }));
  const grid = cells.join('\n');
  const html = LISTING_HTML.slice(0, listing.gridStart) + grid + LISTING_HTML.slice(listing.gridEnd);
  return html.replace(PROPS_RE, (_, a, _old, c) => `${a}${props}${c}`);
}

/** The real papers the templates describe, for seeding saved rows. */
export const TEMPLATE_PAPERS = TEMPLATES.map((t) => t.item.paper);
