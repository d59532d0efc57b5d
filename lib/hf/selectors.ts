// Every selector that depends on Hugging Face's markup, in one place. Anchor on semantics
// (elements, hrefs, data-target names), never on Tailwind class strings. Each one is tested
// against the saved real pages in tests/unit/hf-page.test.ts.

/** Svelte islands carry their props as JSON: DailyPapers (listings), PaperContent (paper page), others. */
export const EMBEDDED_PROPS = '[data-target][data-props]';

/** A link to a paper page. Cards hold several (thumbnail, title, authors, comments). */
export const PAPER_LINK = 'a[href^="/papers/"], a[href^="https://huggingface.co/papers/"]';

/** The card that holds a paper: an <article> on every listing seen so far (2024–2025). */
export const CARD = 'article';

/** The title link inside a card (DOM fallback when the embedded JSON lacks a paper). */
export const CARD_TITLE_LINK = 'h3 a[href*="/papers/"]';

/** The title on a single paper page: the <h1> in <main>, else the page's first <h1> (tried in order). */
export const PAPER_PAGE_TITLE = ['main h1', 'h1'];
