export const CHROME_EXTENSION_DIR: string;
export const FIREFOX_EXTENSION_DIR: string;
export const CHROMIUM_PATH: string;
export const FIREFOX_PATH: string;
export const LISTING_HTML: string;
export const PAPER_HTML: string;
export const TRENDING_HTML: string;
export const HF_CSS: string;
export const PAGES: Record<string, string>;
export const LISTING_IDS: string[];
export const API_2026: { paper: { id: string; title: string; githubRepo?: string } }[];
export type Answer = 'continue' | 'abort' | { status: number; contentType: string; body: string };
/** api: 'recorded' answers /api/papers/<id> from the fixtures (404 when unknown); 'down' answers 500. */
export function answer(rawUrl: string, options?: { api?: 'recorded' | 'down' }): Answer;
export const API_PAPERS: Record<string, { id: string; title: string; githubRepo?: string; githubStars?: number; projectPage?: string }>;
export const LISTING_2026_IDS: string[];
export function listingOf(papers: { id: string; title: string }[]): string;
export function chromiumArgs(extensionDir?: string): string[];
export function chromiumBaseArgs(): string[];
