// The pages e2e tests serve at their real Hugging Face addresses, from the saved real fixtures.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
export const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');

export const LISTING_HTML = fixture('listing_2024-08-01.html');
export const PAPER_HTML = fixture('paper_2509.24002_2025-10-02.prettified.html');

/** Another listing with the same papers: the real card markup without the embedded JSON, so the
 *  DOM fallback is what annotates it (as on listings whose JSON we have no sample of). */
export const TRENDING_HTML = LISTING_HTML.replace(/\sdata-props="[^"]*"/g, '');

/** Path (with query) → HTML. Anything else under /papers is a 404 page. */
export const HF_CSS = fixture('hf-standin.css');

export const PAGES: Record<string, string> = {
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

/** Papers for synthesised cards (client-side navigation): real 2026 items from the API fixture. */
export const API_2026 = JSON.parse(fixture('api_daily_papers_2026-05-08.json')) as {
  paper: { id: string; title: string; githubRepo?: string };
}[];
