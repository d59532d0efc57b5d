// Debian's Chromium as the e2e tests start it (tests/e2e/harness.mjs), with or without the built
// extension, serving the saved pages plus the generated bench listings at https://huggingface.co.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer, CHROMIUM_PATH, chromiumArgs, chromiumBaseArgs } from '../../tests/e2e/harness.mjs';

// Images off: a generated 1000-card listing asks for ~6,000 thumbnails and avatars, each of which
// would be aborted through Playwright's router in node, and we would be timing node, not the page.
// Precise performance.memory: otherwise Chromium rounds it coarsely (see memory.mjs).
const BENCH_FLAGS = ['--blink-settings=imagesEnabled=false', '--enable-precise-memory-info'];

/** Generated listings are served at /papers?bench=<n>, a real listing address. */
export const benchUrl = (n) => `https://huggingface.co/papers?bench=${n}`;

/**
 * @param {{ extension: boolean, pages?: Map<number, string>, extensionDir?: string }} opts
 *   pages: card count → HTML; extensionDir: another build (e.g. an unminified one to profile)
 */
export async function launch({ extension, pages = new Map(), extensionDir }) {
  const profileDir = mkdtempSync(join(tmpdir(), 'hfpt-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...(extension ? chromiumArgs(extensionDir) : chromiumBaseArgs()), ...BENCH_FLAGS],
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const n = url.origin === 'https://huggingface.co' && url.pathname === '/papers' && Number(url.searchParams.get('bench'));
    if (n && pages.has(n)) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pages.get(n) });
    const a = answer(url.href);
    return a === 'continue' ? route.continue() : a === 'abort' ? route.abort() : route.fulfill(a);
  });
  let worker = null;
  let extensionId = null;
  if (extension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  // Playwright leaves the first tab open; close it so every run starts from a fresh tab.
  for (const p of context.pages()) await p.close();
  return {
    context,
    worker,
    extensionId,
    /** The background service worker now (MV3 may have restarted it since launch). */
    async currentWorker() {
      return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * The content script's isolated world in `page`, through CDP: evaluate code there as the
 * extension would run it. Returns { evaluate(fn, arg), detach() }.
 */
export async function contentWorld(page, extensionId) {
  const cdp = await page.context().newCDPSession(page);
  const found = new Promise((resolve) => {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin === `chrome-extension://${extensionId}` && context.auxData?.isDefault === false) resolve(context.id);
    });
  });
  await cdp.send('Runtime.enable');
  const contextId = await Promise.race([found, page.waitForTimeout(10_000).then(() => null)]);
  if (contextId === null) throw new Error('the content script world did not show up');
  return {
    cdp,
    async evaluate(fn, arg) {
      const r = await cdp.send('Runtime.evaluate', {
        contextId,
        expression: `(${fn})(${JSON.stringify(arg ?? null)})`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (r.exceptionDetails) throw new Error(`content world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value;
    },
    detach: () => cdp.detach(),
  };
}

/** Waits until `n` cards of the page carry our controls' host (the page's own view). */
export async function waitForControls(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-hfpt-controls]').length >= n, n, { polling: 50 });
}
