// The popup's search and the library page in a real browser: star on a listing → find it in the
// popup → notes, status and tags in the library → export → delete everything → import → all back.
// Also: hidden papers, importing a list, a bad backup, and axe-core checks in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { card, expect, SCREENS_DIR, test } from './chromium';

const LISTING = 'https://huggingface.co/papers?date=2024-08-01';
const LLAMA = '2407.21783';
const LLAMA_TITLE = 'The Llama 3 Herd of Models';
const OVAVSS = '2407.21721';
const DOWNLOADS = join(SCREENS_DIR, '..', 'library-downloads');

test.beforeAll(() => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  mkdirSync(DOWNLOADS, { recursive: true });
});

async function star(page: Page, ids: string[]) {
  await page.goto(LISTING);
  for (const id of ids) {
    const button = card(page, id).getByRole('button', { name: 'Star', exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
}

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

/** The popup's rows (not the tag chips inside them). */
const popupRows = (popup: Page) => popup.locator('ul[aria-label="Saved papers"] > li');

async function openLibrary(context: BrowserContext, extensionId: string): Promise<Page> {
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  await expect(library.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  return library;
}

/** axe-core over the whole page: no violations at all (best practices included). */
async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe violations in ${what}`).toEqual([]);
}

test('star → search in the popup → notes in the library → export → delete all → import: all back', async ({ page, context, extensionId }) => {
  await star(page, [LLAMA, OVAVSS]);

  // The popup: search box focused on open, typo-tolerant search.
  let popup = await openPopup(context, extensionId);
  const search = popup.getByRole('searchbox', { name: 'Search saved papers' });
  await expect(search).toBeFocused();
  await expect(popup.getByRole('status')).toHaveText('2 papers saved');
  await popup.keyboard.type('herd of modles'); // "modles": a typo of "models"
  await expect(popup.getByRole('link', { name: LLAMA_TITLE })).toHaveAttribute('href', `https://huggingface.co/papers/${LLAMA}`);
  await expect(popupRows(popup)).toHaveCount(1);
  await expect(popup.getByRole('status')).toHaveText('1 paper of 2 shown');
  // Keyboard: down from the search box to the first title.
  await popup.keyboard.press('ArrowDown');
  await expect(popup.getByRole('link', { name: LLAMA_TITLE })).toBeFocused();
  await popup.screenshot({ path: `${SCREENS_DIR}/popup-search.png` });

  // "Open library" opens the library page in a tab (and the popup closes).
  const [library] = await Promise.all([context.waitForEvent('page'), popup.getByRole('link', { name: 'Open library' }).click()]);
  await library.waitForLoadState();
  expect(library.url()).toBe(`chrome-extension://${extensionId}/library.html`);
  await expect.poll(() => popup.isClosed()).toBe(true);
  popup = await openPopup(context, extensionId);
  await library.bringToFront(); // a page in the background gets no animation frames: clicks wait for them
  await expect(library.getByRole('button', { name: /^Saved/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(library.getByRole('link', { name: LLAMA_TITLE })).toBeVisible();

  // Notes, saved as one types; reading status; a tag of one's own.
  await library.getByRole('button', { name: `Notes on ${LLAMA_TITLE}` }).click();
  const notes = library.getByRole('textbox', { name: new RegExp(`^Notes on ${LLAMA_TITLE}`) });
  await expect(notes).toBeFocused();
  await library.keyboard.type('Read section 3 on **scaling** first.');
  await expect(library.getByText('Saved', { exact: true })).toBeVisible();
  await library.getByRole('combobox', { name: `Reading status of ${LLAMA_TITLE}` }).selectOption('reading');
  await expect(popupRows(popup).getByText('Reading', { exact: true })).toBeVisible(); // the popup follows, live
  await library.getByRole('button', { name: `Add a tag to ${LLAMA_TITLE}` }).click();
  await expect(library.getByRole('textbox', { name: `New tag for ${LLAMA_TITLE}` })).toBeFocused();
  await library.keyboard.type('to cite');
  await library.keyboard.press('Enter');
  await expect(library.getByRole('button', { name: 'Remove tag to cite' })).toBeVisible();
  // Tags and notes are searchable in the popup.
  await popup.getByRole('searchbox').fill('to cite');
  await expect(popupRows(popup)).toHaveCount(1);
  await popup.getByRole('searchbox').fill('scaling first');
  await expect(popupRows(popup)).toHaveCount(1);

  // Exports: a file of each kind, named by the day.
  const exported: Record<string, string> = {};
  for (const [button, pattern] of [
    ['BibTeX', /^hf-papers-\d{4}-\d\d-\d\d\.bib$/],
    ['Markdown', /^hf-papers-\d{4}-\d\d-\d\d\.md$/],
    ['CSV', /^hf-papers-\d{4}-\d\d-\d\d\.csv$/],
    ['JSON backup', /^hf-papers-backup-\d{4}-\d\d-\d\d\.json$/],
  ] as const) {
    const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: button, exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(pattern);
    const path = join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(path);
    exported[button] = path;
  }
  expect(readFileSync(exported.BibTeX, 'utf8')).toContain(`eprint = {${LLAMA}}`);
  expect(readFileSync(exported.Markdown, 'utf8')).toContain('Read section 3 on **scaling** first.');
  expect(readFileSync(exported.CSV, 'utf8')).toContain(LLAMA_TITLE);
  const backup = JSON.parse(readFileSync(exported['JSON backup'], 'utf8'));
  const saved = backup.papers.find((p: { id: string }) => p.id === LLAMA);
  expect(saved).toMatchObject({ notes: 'Read section 3 on **scaling** first.', status: 'reading', manualTags: ['to cite'] });
  expect(saved.starredAt).toBeGreaterThan(0);

  // Delete all data: a confirm step, then everything is gone (the popup too, live).
  await library.getByRole('button', { name: 'Delete all data…' }).click();
  await expect(library.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await library.getByRole('button', { name: 'Delete everything' }).click();
  await expect(library.getByText('No saved papers yet.', { exact: false })).toBeVisible();
  await expect(popup.getByText('No saved papers yet.')).toBeVisible();

  // Import the backup: a preview first, then the import.
  await library.getByLabel('File').setInputFiles(exported['JSON backup']);
  await expect(library.getByText(/importing adds 2, updates 0/)).toBeVisible();
  await library.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(library.getByText(/Imported .*: 2 added, 0 updated/)).toBeVisible();
  await expect(library.getByRole('link', { name: LLAMA_TITLE })).toBeVisible();
  await expect(library.getByRole('combobox', { name: `Reading status of ${LLAMA_TITLE}` })).toHaveValue('reading');
  await expect(library.getByRole('button', { name: 'Remove tag to cite' })).toBeVisible();
  await library.getByRole('button', { name: `Notes on ${LLAMA_TITLE}` }).click();
  await expect(library.getByRole('textbox', { name: new RegExp(`^Notes on ${LLAMA_TITLE}`) })).toHaveValue('Read section 3 on **scaling** first.');

  // The star is back on the listing and in the popup.
  await popup.getByRole('searchbox').fill('');
  await expect(popup.getByRole('link', { name: LLAMA_TITLE })).toBeVisible();
  await page.bringToFront();
  await page.reload();
  await expect(card(page, LLAMA).getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('hidden papers: listed in the library, and Unhide brings them back on the listing', async ({ page, context, extensionId }) => {
  await page.goto(LISTING);
  await card(page, OVAVSS).getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(card(page, OVAVSS).getByRole('button', { name: 'Show', exact: true })).toBeVisible();

  const library = await openLibrary(context, extensionId);
  await library.getByRole('button', { name: /^Hidden/ }).click();
  const row = library.getByRole('row').filter({ has: library.locator(`a[href="https://huggingface.co/papers/${OVAVSS}"]`) });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Unhide / }).click();
  await expect(library.getByText(/No hidden papers/)).toBeVisible();

  await page.bringToFront();
  await expect(card(page, OVAVSS).getByRole('button', { name: 'Hide', exact: true })).toBeVisible();
});

test('import a pasted list: papers saved, lines without an id reported', async ({ context, extensionId }) => {
  const library = await openLibrary(context, extensionId);
  await library.getByLabel('Or paste a list').fill(['https://arxiv.org/abs/2407.21783v2', 'huggingface.co/papers/2407.21721', 'not a paper', 'hep-th/9901001'].join('\n'));
  await library.getByRole('button', { name: 'Read the list' }).click();
  await expect(library.getByText(/2 papers to save; 2 lines skipped/)).toBeVisible();
  await expect(library.getByRole('list', { name: 'Skipped lines' }).getByRole('listitem')).toHaveCount(2);
  await library.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(library.getByText(/2 papers starred/)).toBeVisible();
  await expect(library.getByRole('button', { name: /^Saved/ })).toContainText('2');
  await expect(library.getByRole('link', { name: LLAMA })).toBeVisible(); // a paper not seen yet: its id for a title
});

test('a bad backup says what is wrong and where, and changes nothing', async ({ page, context, extensionId }) => {
  await star(page, [LLAMA]);
  const library = await openLibrary(context, extensionId);
  await expect(library.getByRole('link', { name: LLAMA_TITLE })).toBeVisible();
  const bad = join(DOWNLOADS, 'bad-backup.json');
  writeFileSync(
    bad,
    JSON.stringify({
      format: 'hf-papers-triage-backup',
      schemaVersion: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      papers: [{ id: 'not-an-id', title: 'X', authors: [], url: 'https://huggingface.co/papers/not-an-id', tags: [], updatedAt: 1 }],
      seen: [],
    }),
  );
  await library.getByLabel('File').setInputFiles(bad);
  await expect(library.getByRole('alert')).toContainText('Nothing imported from bad-backup.json: papers[0].id');
  await expect(library.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await expect(library.getByRole('link', { name: LLAMA_TITLE })).toBeVisible();
  await expect(library.getByRole('button', { name: /^Saved/ })).toContainText('1');
});

test('popup and library pass axe-core in light and dark; screenshots', async ({ page, context, extensionId }) => {
  await star(page, [LLAMA, OVAVSS, '2407.21705']);
  const library = await openLibrary(context, extensionId);
  await library.getByRole('button', { name: `Notes on ${LLAMA_TITLE}` }).click();
  await library.keyboard.type('Compare with Chinchilla scaling laws.');
  await expect(library.getByText('Saved', { exact: true })).toBeVisible();
  await library.getByRole('checkbox', { name: `Select ${LLAMA_TITLE}` }).check();
  await expect(library.getByRole('region', { name: 'Selected papers' })).toBeVisible();

  const popup = await openPopup(context, extensionId);
  await expect(popupRows(popup)).toHaveCount(3);
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    await library.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(popup, `the popup (${scheme})`);
    await expectNoAxeViolations(library, `the library (${scheme})`);
  }
  await library.emulateMedia({ colorScheme: 'light' });
  await library.screenshot({ path: `${SCREENS_DIR}/library.png`, fullPage: true });
  await library.emulateMedia({ colorScheme: 'dark' });
  await library.screenshot({ path: `${SCREENS_DIR}/library-dark.png`, fullPage: true });
  await popup.screenshot({ path: `${SCREENS_DIR}/popup-dark.png` });
});
