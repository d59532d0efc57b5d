// What must hold whatever happens: the page never holds the user's data, and several views of the
// same paper agree. (An extension update with a page open is tested in tests/unit/content-run.test.ts:
// chrome.runtime.reload() wedges headless Chromium under Playwright.)
import type { Page } from '@playwright/test';
import { card, expect, serviceWorker, test } from './chromium';
import { LISTING_IDS } from './harness.mjs';

const LLAMA = LISTING_IDS[0];
const starOn = (page: Page) => card(page, LLAMA).getByRole('button', { name: 'Star', exact: true });

test('the page’s own storage never holds the user’s data', async ({ page }) => {
  const storage = () =>
    page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      local: Object.keys(localStorage).sort(),
      session: Object.keys(sessionStorage).sort(),
    }));
  await page.goto('https://huggingface.co/papers');
  await expect(starOn(page)).toBeVisible();
  const before = await storage(); // whatever the page's own scripts keep
  await starOn(page).click();
  await card(page, LISTING_IDS[1]).getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(starOn(page)).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(starOn(page)).toHaveAttribute('aria-pressed', 'true');
  expect(await storage()).toEqual(before);
  expect(before.databases).not.toContain('hf-papers-triage');
  // In the page's DOM: only our hosts and the shown "hidden" state, no ids, titles or dates of ours.
  const attrs = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('data-hfpt')).map((a) => `${a.name}=${a.value}`)),
  );
  expect(attrs.length).toBeGreaterThan(0);
  for (const attr of attrs) expect(attr).toMatch(/^data-hfpt-[a-z]+=$/); // markers only, never a value
});

test('two tabs and the popup toggling one paper 100 times end in the same state', async ({ page, context, extensionId }) => {
  const other = await context.newPage();
  const popup = await context.newPage();
  await page.goto('https://huggingface.co/papers');
  await other.goto('https://huggingface.co/papers/trending');
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabs = [page, other];
  for (let i = 0; i < 100; i++) {
    // A background tab paints no frames, and a click waits for one: the acting view comes first.
    if (i % 10 === 9) {
      // Every tenth turn, unstar from the popup when it lists the paper.
      await popup.bringToFront();
      const unstar = popup.getByRole('button', { name: 'Unstar The Llama 3 Herd of Models' });
      if (await unstar.isVisible()) await unstar.click({ timeout: 2_000 }).catch(() => {});
    } else {
      await tabs[i % 2].bringToFront();
      await starOn(tabs[i % 2]).click();
    }
  }
  const worker = await serviceWorker(context);
  // Settle: once no write happens for a while, every view must show what the database holds.
  await expect
    .poll(async () => {
      const stored = await worker.evaluate(
        (id) =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open('hf-papers-triage');
            open.onsuccess = () => {
              const get = open.result.transaction('papers').objectStore('papers').get(id);
              get.onsuccess = () => resolve(get.result?.starredAt !== undefined);
            };
          }),
        LLAMA,
      );
      const shown = await Promise.all(tabs.map((t) => starOn(t).getAttribute('aria-pressed')));
      const listed = await popup.getByRole('link', { name: 'The Llama 3 Herd of Models' }).count();
      return { stored, shown, listed, agreed: shown.every((s) => s === String(stored)) && listed === (stored ? 1 : 0) };
    })
    .toEqual(expect.objectContaining({ agreed: true }));
});
