// A Playwright fixture: Debian's Chromium with the built extension, network closed except the
// Hugging Face pages served from the saved fixtures.
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { answer, CHROMIUM_PATH, chromiumArgs } from './harness.mjs';

export const SCREENS_DIR = resolve(import.meta.dirname, '../../test-results/screens');

export async function launchWithExtension(options: { api?: 'recorded' | 'down' } = {}): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hfpt-')), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(),
  });
  await context.route('**/*', (route) => {
    const a = answer(route.request().url(), options);
    return a === 'continue' ? route.continue() : a === 'abort' ? route.abort() : route.fulfill(a);
  });
  return context;
}

/** The extension's service worker: the running one, else the next to start (a stopped one starts on a message). */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export async function extensionId(context: BrowserContext): Promise<string> {
  return new URL((await serviceWorker(context)).url()).host;
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
