// Loading the saved real pages (tests/fixtures, copied from shared/fixtures/hf) in unit tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURES = resolve(__dirname, '../fixtures') + '/';

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

export const LISTING = 'listing_2024-08-01.html';
export const PAPER_PAGE = 'paper_2509.24002_2025-10-02.prettified.html';

/** Parses a saved page into its own Document (no scripts run). */
export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Loads a saved page into the test's global document at the given HF path. */
export function loadIntoDocument(html: string, path: string): void {
  history.replaceState(null, '', path);
  const parsed = parsePage(html);
  document.documentElement.innerHTML = parsed.documentElement.innerHTML;
}
