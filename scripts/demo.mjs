// `npm run demo`: the built extension in Debian's Chromium on a saved real Daily Papers page,
// served at its real address with no network. With a display it opens a window to try it by
// hand; without one it writes screenshots of the annotated page and the popup to demo/.
import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { answer, CHROMIUM_PATH, chromiumArgs } from '../tests/e2e/harness.mjs';

const OUT = resolve(import.meta.dirname, '../demo');
const headed = Boolean(process.env.DISPLAY) && !process.env.CI && !process.argv.includes('--screenshots');

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hfpt-demo-')), {
  executablePath: CHROMIUM_PATH,
  headless: !headed,
  viewport: { width: 1280, height: 860 },
  args: chromiumArgs(),
});
await context.route('**/*', (route) => {
  const a = answer(route.request().url());
  return a === 'continue' ? route.continue() : a === 'abort' ? route.abort() : route.fulfill(a);
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto('https://huggingface.co/papers?date=2024-08-01');
await page.getByRole('button', { name: 'Star', exact: true }).first().waitFor();

if (headed) {
  console.log('Chromium is open on a saved Daily Papers page (2024-08-01) with the extension loaded.');
  console.log(`Popup: chrome-extension://${extensionId}/popup.html · close the window to end the demo.`);
  await new Promise((done) => context.on('close', done));
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
const card = (id) => page.locator('article', { has: page.locator(`a[href="/papers/${id}"]`) });
const star = (id) => card(id).getByRole('button', { name: 'Star', exact: true }).click();
await star('2407.21783');
await star('2407.21705');
await card('2407.21646').getByRole('button', { name: 'Hide', exact: true }).click();
await page.getByText('1 paper hidden on this page').waitFor();
await page.evaluate(() => window.scrollTo(0, 240));
await page.screenshot({ path: `${OUT}/listing.png` });
await page.evaluate(() => document.documentElement.classList.add('dark'));
await page.screenshot({ path: `${OUT}/listing-dark.png` });

await page.goto('https://huggingface.co/papers/2509.24002');
await page.getByRole('button', { name: 'Star', exact: true }).click();
await page.screenshot({ path: `${OUT}/paper.png`, clip: { x: 0, y: 90, width: 760, height: 330 } });

const popup = await context.newPage();
await popup.setViewportSize({ width: 420, height: 420 });
await popup.goto(`chrome-extension://${extensionId}/popup.html`);
await popup.getByRole('link', { name: /MCPMark/ }).waitFor();
await popup.screenshot({ path: `${OUT}/popup.png` });

// A mute rule from the options page, seen on the listing: the muted card says why.
const options = await context.newPage();
await options.goto(`chrome-extension://${extensionId}/options.html`);
const mute = options.getByRole('form', { name: 'Add a rule to mute rules' });
await mute.getByRole('combobox', { name: 'Match on' }).selectOption('tag');
await mute.getByRole('textbox', { name: 'Tag' }).fill('3D');
await mute.getByRole('button', { name: 'Add rule' }).click();
await options.getByText('muted: tag 3D').first().waitFor().catch(() => {});
await page.bringToFront();
await page.goto('https://huggingface.co/papers?date=2024-08-01');
await page.getByText('muted: tag 3D').first().waitFor();
await page.evaluate(() => {
  const muted = document.querySelector('[data-hfpt-muted]');
  window.scrollTo(0, muted.getBoundingClientRect().top + window.scrollY - 420);
});
await page.screenshot({ path: `${OUT}/listing-muted.png` });

// The library page, with a note being written.
const library = await context.newPage();
await library.setViewportSize({ width: 1280, height: 760 });
await library.goto(`chrome-extension://${extensionId}/library.html`);
await library.getByRole('link', { name: /Llama 3 Herd/ }).first().waitFor();
const notes = library.getByRole('textbox', { name: /^Notes/ }).first();
if (await notes.count()) await notes.fill('Read §3 (pre-training data mix) before the reading group.');
await library.waitForTimeout(600);
await library.screenshot({ path: `${OUT}/library.png` });
await context.close();
console.log(`Screenshots written to ${OUT}: listing.png, listing-dark.png, listing-muted.png, paper.png, popup.png, library.png`);
