// Types for pages.mjs (generated listings), used by the e2e tests too.
/** The i-th synthetic arXiv id of a generated listing. */
export function benchPaperId(i: number): string;
/** A full listing page with `n` distinct paper cards, in the saved page's markup. */
export function listingWithCards(n: number): string;
/** The real papers the generated cards are cloned from. */
export const TEMPLATE_PAPERS: Record<string, unknown>[];
