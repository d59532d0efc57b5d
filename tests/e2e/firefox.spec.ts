// Firefox ESR (Debian's) with the built Firefox extension, driven by puppeteer-core over
// WebDriver BiDi (Playwright's own Firefox is a patched build that cannot be downloaded here).
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { answer, FIREFOX_EXTENSION_DIR, FIREFOX_PATH, LISTING_IDS } from './harness.mjs';
import { benchPaperId, listingWithCards } from '../../scripts/bench/pages.mjs';

const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');
const GECKO_ID = 'hf-papers-triage@hf-papers-triage.dev';
// A fixed internal UUID so the test knows the popup's moz-extension:// address.
const EXTENSION_UUID = '6f1c1f2e-4b7a-4d1e-9a55-1d0c0ffee123';

let browser: Browser;

test.beforeAll(async () => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
});

test.afterAll(async () => {
  await browser?.close();
});

/** Serves the fixtures (and `extra` pages, by address) at their real addresses; aborts everything else. */
async function servedPage(extra: Record<string, string> = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const body = extra[req.url()];
    const a = body !== undefined ? { status: 200, contentType: 'text/html; charset=utf-8', body } : answer(req.url());
    // A request can vanish before it is answered (the page reloaded meanwhile): nothing to do then.
    (a === 'continue' ? req.continue() : a === 'abort' ? req.abort() : req.respond(a)).catch(() => {});
  });
  return page;
}

/** aria-pressed of each card's Star button, by paper id (reads through the open shadow roots). */
/**
 * An extension page opened without awaiting its goto (see below): a selector poll that runs while
 * the page swaps about:blank for moz-extension:// can fail inside Firefox's BiDi script module
 * ("right-hand side of 'in' should be an object"). Such a poll is tried again; any other failure
 * (a timeout: the element never came) is not.
 */
async function waitInExtensionPage(page: Page, selector: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.waitForSelector(selector);
    } catch (err) {
      // puppeteer wraps it: "Waiting for selector … failed", caused by "Waiting failed", caused by the ProtocolError.
      if (attempt >= 3 || !causes(err).some((e) => String(e).includes('Protocol error'))) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** An error and the errors it was caused by. */
function causes(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = err; e !== undefined && out.length < 10; e = (e as { cause?: unknown } | null)?.cause) out.push(e);
  return out;
}

function starStates(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, string | null> = {};
    for (const article of document.querySelectorAll('article')) {
      const id = article.querySelector('h3 a')?.getAttribute('href')?.split('/').pop() ?? '?';
      const hosts = article.querySelectorAll('[data-hfpt-controls]');
      const star = [...(hosts[0]?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Star');
      out[id] = hosts.length === 1 && star ? star.getAttribute('aria-pressed') : `hosts:${hosts.length}`;
    }
    return out;
  });
}

test('Firefox: the listing gets controls and a star reaches the popup', async () => {
  const page = await servedPage();
  await page.goto('https://huggingface.co/papers', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction((n) => document.querySelectorAll('[data-hfpt-controls]').length === n, {}, LISTING_IDS.length);
  expect(await starStates(page)).toEqual(Object.fromEntries(LISTING_IDS.map((id) => [id, 'false'])));

  // Star the first paper with a real click (puppeteer's selectors pierce open shadow roots).
  const star = await page.waitForSelector('article [data-hfpt-controls] >>> button[aria-pressed]');
  await star!.click();
  await page.waitForFunction(() =>
    document.querySelector('article [data-hfpt-controls]')?.shadowRoot?.querySelector('button[aria-pressed="true"]'),
  );
  await page.screenshot({ path: `${SCREENS_DIR}/firefox-listing.png` });

  // Reload: the state comes back from the background's database.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() =>
    document.querySelector('article [data-hfpt-controls]')?.shadowRoot?.querySelector('button[aria-pressed="true"]'),
  );

  const popup = await browser.newPage();
  // Firefox loads moz-extension:// pages but never reports the navigation as finished over
  // BiDi, so the goto is not awaited: the selector below waits for the page instead.
  popup.goto(`moz-extension://${EXTENSION_UUID}/popup.html`).catch(() => {});
  const link = await waitInExtensionPage(popup, `a[href="https://huggingface.co/papers/${LISTING_IDS[0]}"]`);
  expect(await link!.evaluate((a) => a.textContent)).toBe('The Llama 3 Herd of Models');
  await popup.screenshot({ path: `${SCREENS_DIR}/firefox-popup.png` });
  await popup.close();

  // The library page lists it too, with its notes and status controls.
  const library = await browser.newPage();
  library.goto(`moz-extension://${EXTENSION_UUID}/library.html`).catch(() => {});
  await waitInExtensionPage(library, `a[href="https://huggingface.co/papers/${LISTING_IDS[0]}"]`);
  await library.waitForSelector('select');
  await library.screenshot({ path: `${SCREENS_DIR}/firefox-library.png` });
  await library.close();
  await page.close();
});

test('Firefox: keyboard triage, the tag filter bar and the undo toast work', async () => {
  const page = await servedPage();
  await page.goto('https://huggingface.co/papers?date=2024-08-01', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction((n) => document.querySelectorAll('[data-hfpt-controls]').length === n, {}, LISTING_IDS.length);
  await new Promise((r) => setTimeout(r, 300)); // the keys come with the settings
  const second = LISTING_IDS[1];
  // j j s: the second card is starred (trusted key presses from the browser).
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.waitForFunction((id) => document.querySelector(`article:has(a[href="/papers/${id}"])`)?.hasAttribute('data-hfpt-current'), {}, second);
  await page.keyboard.press('s');
  await page.waitForFunction(
    (id) => document.querySelector(`article:has(a[href="/papers/${id}"]) [data-hfpt-controls]`)?.shadowRoot?.querySelector('button[aria-pressed="true"]'),
    {},
    second,
  );
  // The toast offers the undo; u takes the star back.
  await page.waitForFunction(() => document.querySelector('[data-hfpt-overlay="toast"]')?.shadowRoot?.textContent?.includes('Starred'));
  await page.keyboard.press('u');
  await page.waitForFunction(
    (id) => document.querySelector(`article:has(a[href="/papers/${id}"]) [data-hfpt-controls]`)?.shadowRoot?.querySelector('button[aria-pressed="false"]'),
    {},
    second,
  );
  // The filter bar: a click on its first tag leaves only the papers carrying it.
  const tag = await page.waitForSelector('[data-hfpt-summary] >>> button.ftag');
  const expected = Number(await tag!.evaluate((b) => b.querySelector('.n')!.textContent));
  await tag!.click();
  await page.waitForFunction((n) => [...document.querySelectorAll('article')].filter((a) => !a.closest('[data-hfpt-filtered]')).length === n, {}, expected);
  await page.screenshot({ path: `${SCREENS_DIR}/firefox-filter.png` });
  await page.close();
});

test('Firefox: a listing whose JSON is over 1 MB (sent to the background in parts) gets every card its controls and tags', async () => {
  const url = 'https://huggingface.co/papers?cards=300';
  const page = await servedPage({ [url]: listingWithCards(300) });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  expect(await page.evaluate(() => document.querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!.length)).toBeGreaterThan(1024 * 1024);
  await page.waitForFunction(() => document.querySelectorAll('[data-hfpt-controls]').length === 300, { timeout: 30_000 });
  expect(await page.evaluate(() => [...document.querySelectorAll('article')].every((a) => a.querySelectorAll('[data-hfpt-controls]').length === 1))).toBe(true);
  // The first card is a clone of the Llama 3 paper: its tags come from the background's reading of the JSON.
  await page.waitForFunction(
    (id) => [...(document.querySelector(`article:has(a[href="/papers/${id}"]) [data-hfpt-controls]`)?.shadowRoot?.querySelectorAll('[role="listitem"]') ?? [])].some((li) => li.textContent === 'LLM'),
    {},
    benchPaperId(0),
  );
  await page.close();
});
