// A Playwright fixture: Debian's Chromium with the built extension, network closed except the
// Hugging Face papers pages, which are served from the saved fixtures.
import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HF_CSS, PAGES } from './pages';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');

export async function launchWithExtension(): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hfpt-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await serveFixtures(context);
  return context;
}

export async function serveFixtures(context: BrowserContext, pages: Record<string, string> = PAGES) {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'chrome-extension:') return route.continue();
    if (url.origin === 'https://huggingface.co' && url.pathname.startsWith('/papers')) {
      const body = pages[url.pathname + url.search] ?? pages[url.pathname];
      return route.fulfill({ status: body ? 200 : 404, contentType: 'text/html; charset=utf-8', body: body ?? '<h1>Not found</h1>' });
    }
    if (url.origin === 'https://huggingface.co' && /^\/front\/build\/[\w-]+\/style\.css$/.test(url.pathname)) {
      return route.fulfill({ status: 200, contentType: 'text/css', body: HF_CSS });
    }
    return route.abort(); // tests never reach the network
  });
}

export async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

export const test = base.extend<{ context: BrowserContext; extensionId: string; page: Page }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => use(await extensionId(context)),
  page: async ({ context }, use) => use(context.pages()[0] ?? (await context.newPage())),
});
export { expect } from '@playwright/test';

/** The card (article) of a paper on a listing. */
export const card = (page: Page, id: string) => page.locator('article', { has: page.locator(`a[href="/papers/${id}"]`) });
