import { mkdirSync } from 'node:fs';
import { card, expect, SCREENS_DIR, serviceWorker, test } from './chromium';
import { API_2026, LISTING_IDS } from './harness.mjs';
import { benchPaperId, listingWithCards } from '../../scripts/bench/pages.mjs';
import { PROPS_PART_CHARS } from '../../lib/papers/props-parts';

const LLAMA = '2407.21783';
const OVAVSS = '2407.21721'; // its abstract links https://github.com/ruohaoguo/ovavss.

test.beforeAll(() => mkdirSync(SCREENS_DIR, { recursive: true }));

test('every card of the saved listing is annotated exactly once', async ({ page }) => {
  await page.goto('https://huggingface.co/papers?date=2024-08-01');
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(LISTING_IDS.length);
  for (const id of LISTING_IDS) {
    const c = card(page, id);
    await expect(c.getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await expect(c.getByRole('button', { name: 'Hide', exact: true })).toHaveCount(1);
    await expect(c.locator('[data-hfpt-controls]')).toHaveCount(1);
  }
  // Tags: the Llama 3 paper is about LLMs; chips are list items of a list named "Tags".
  const tags = card(page, LLAMA).getByRole('list', { name: 'Tags' }).getByRole('listitem');
  await expect(tags.first()).toBeVisible();
  expect(await tags.allTextContents()).toContain('LLM');
  // Code badge from a repository URL in the abstract, normalised (no trailing ".").
  const code = card(page, OVAVSS).getByRole('link', { name: /^Code/ });
  await expect(code).toHaveAttribute('href', 'https://github.com/ruohaoguo/ovavss');
  // Re-running a scan (a mutation from the page) must not duplicate anything.
  await page.evaluate(() => document.body.append(document.createElement('div')));
  await page.waitForTimeout(200);
  await expect(page.locator('[data-hfpt-controls]')).toHaveCount(LISTING_IDS.length);
  await card(page, LLAMA).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS_DIR}/listing-light.png` });
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await page.screenshot({ path: `${SCREENS_DIR}/listing-dark.png` });
});

test('a listing whose JSON is over 1 MB (sent to the background in parts): every card annotated once, with its tags', async ({ page, context }) => {
  const url = 'https://huggingface.co/papers?cards=300';
  const body = listingWithCards(300);
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  await page.goto(url);
  const propsChars = await page.evaluate(() => document.querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!.length);
  expect(propsChars).toBeGreaterThan(PROPS_PART_CHARS);
  await expect(page.locator('[data-hfpt-controls]')).toHaveCount(300);
  await expect(page.locator('article:not(:has([data-hfpt-controls]))')).toHaveCount(0);
  // The first card is a clone of the Llama 3 paper: its tags come from the background's reading of the JSON.
  const first = card(page, benchPaperId(0));
  await expect(first.getByRole('list', { name: 'Tags' }).getByRole('listitem').filter({ hasText: 'LLM' })).toHaveCount(1);
  await expect(first.getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'false');
});

test('a worker stopped while idle answers a reloaded listing with the tags the previous one kept', async ({ page, context }) => {
  await page.goto('https://huggingface.co/papers?date=2024-08-01');
  const tags = () => card(page, LLAMA).getByRole('list', { name: 'Tags' }).getByRole('listitem');
  await expect(tags().first()).toBeVisible();
  const before = await tags().allTextContents();
  expect(before).toContain('LLM');
  // Kept in storage.session (in memory, the extension's own), one entry per paper of the page.
  type Session = { get(keys: null): Promise<Record<string, { tags: { label: string }[] }>>; set(items: object): Promise<void> };
  const keptKeys = async () =>
    (await serviceWorker(context)).evaluate(async () => {
      const { session } = (globalThis as unknown as { chrome: { storage: { session: Session } } }).chrome.storage;
      return Object.keys(await session.get(null)).filter((k) => k.startsWith('tags:'));
    });
  await expect.poll(async () => (await keptKeys()).length).toBe(LISTING_IDS.length);
  // The Llama 3 paper's entry given a label no tagging gives: it shows only if the kept tags are taken.
  const llamaKey = (await keptKeys()).find((k) => k.endsWith(`:${LLAMA}`))!;
  await (await serviceWorker(context)).evaluate(async (key) => {
    const { session } = (globalThis as unknown as { chrome: { storage: { session: Session } } }).chrome.storage;
    const entry = (await session.get(null))[key];
    await session.set({ [key]: { ...entry, tags: [{ label: 'Kept', source: 'topic', why: 'kept' }] } });
  }, llamaKey);

  // As Chromium does after 30 s idle; the reload starts a new worker, whose tagger knows nothing.
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.reload();
  await expect(page.locator('[data-hfpt-controls]')).toHaveCount(LISTING_IDS.length);
  await expect(tags().first()).toBeVisible();
  expect(await tags().allTextContents()).toEqual(['Kept']);
  expect(before).not.toContain('Kept');
});

test('star survives a reload and shows in the popup, which updates live', async ({ page, context, extensionId }) => {
  await page.goto('https://huggingface.co/papers');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByText('No saved papers yet.')).toBeVisible();

  await page.bringToFront();
  const star = card(page, LLAMA).getByRole('button', { name: 'Star', exact: true });
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');

  // The open popup follows without a reload (Dexie liveQuery over the background's write).
  const link = popup.getByRole('link', { name: 'The Llama 3 Herd of Models' });
  await expect(link).toHaveAttribute('href', `https://huggingface.co/papers/${LLAMA}`);

  await page.reload();
  await expect(card(page, LLAMA).getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Unstar from the popup reaches the open page.
  await popup.getByRole('button', { name: 'Unstar The Llama 3 Herd of Models' }).click();
  await expect(popup.getByText('No saved papers yet.')).toBeVisible();
  // The row is gone; focus stays in the popup (on its heading), not dropped to the page.
  await expect(popup.getByRole('heading', { name: 'Saved papers' })).toBeFocused();
  await expect(card(page, LLAMA).getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'false');
});

test('the toolbar badge counts starred papers, and follows its setting', async ({ page, context, extensionId }) => {
  type Action = { getBadgeText(details: object): Promise<string> };
  const badge = async () => (await serviceWorker(context)).evaluate(() => (globalThis as unknown as { chrome: { action: Action } }).chrome.action.getBadgeText({}));
  await page.goto('https://huggingface.co/papers');
  await card(page, LLAMA).getByRole('button', { name: 'Star', exact: true }).click();
  await expect.poll(badge).toBe('1');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const setting = options.getByRole('checkbox', { name: 'Count starred papers not yet read on the toolbar button' });
  await setting.uncheck();
  await expect.poll(badge).toBe('');
  await setting.check();
  await expect.poll(badge).toBe('1');
});

test('hide collapses the card, survives reload, and follows the paper to another listing', async ({ page }) => {
  await page.goto('https://huggingface.co/papers');
  const c = card(page, OVAVSS);
  await c.getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(c.getByRole('button', { name: 'Show', exact: true })).toBeVisible();
  await expect(c.getByRole('button', { name: 'Star', exact: true })).toBeHidden();
  await expect(page.getByText('1 paper hidden on this page')).toBeVisible();
  const box = await c.boundingBox();
  expect(box!.height).toBeLessThan(80); // a slim row, not a card

  await page.reload();
  await expect(card(page, OVAVSS).getByRole('button', { name: 'Show', exact: true })).toBeVisible();
  await expect(card(page, OVAVSS).getByRole('button', { name: 'Star', exact: true })).toBeHidden();

  // "show all" peeks without unhiding; a second click collapses again.
  await page.getByRole('button', { name: 'show all' }).click();
  await expect(card(page, OVAVSS).getByRole('button', { name: 'Star', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'collapse hidden' }).click();
  await expect(card(page, OVAVSS).getByRole('button', { name: 'Star', exact: true })).toBeHidden();
  await page.screenshot({ path: `${SCREENS_DIR}/listing-hidden.png` });

  // Another listing (no embedded JSON there: DOM fallback) with the same paper.
  await page.goto('https://huggingface.co/papers/trending');
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(LISTING_IDS.length - 1);
  await expect(card(page, OVAVSS).getByRole('button', { name: 'Show', exact: true })).toBeVisible();

  // Show brings it back everywhere.
  await card(page, OVAVSS).getByRole('button', { name: 'Show', exact: true }).click();
  await expect(card(page, OVAVSS).getByRole('button', { name: 'Hide', exact: true })).toBeVisible();
  await page.goto('https://huggingface.co/papers');
  await expect(card(page, OVAVSS).getByRole('button', { name: 'Hide', exact: true })).toBeVisible();
});

test('client-side navigation: new cards are annotated, none twice', async ({ page }) => {
  await page.goto('https://huggingface.co/papers');
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(LISTING_IDS.length);
  const next = API_2026.slice(0, 6).map((i) => ({ id: i.paper.id, title: i.paper.title }));
  // What a client-side date change does: the list's cards are replaced, the URL changes.
  await page.evaluate((papers) => {
    const articles = [...document.querySelectorAll('article')];
    const template = articles[0];
    const grid = template.parentElement!.parentElement!;
    for (const a of articles) a.parentElement!.remove();
    for (const p of papers) {
      const clone = template.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[data-hfpt-controls], [data-hfpt-collapsed]').forEach((el) => el.remove());
      clone.querySelectorAll('a[href^="/papers/"]').forEach((a) => a.setAttribute('href', `/papers/${p.id}`));
      clone.querySelector('h3 a')!.textContent = p.title;
      const cell = document.createElement('div');
      cell.append(clone);
      grid.append(cell);
    }
    history.pushState({}, '', '/papers/date/2026-05-08');
  }, next);
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(next.length);
  for (const p of next) {
    await expect(card(page, p.id).locator('[data-hfpt-controls]')).toHaveCount(1);
  }
  // Cards added later, one at a time (infinite list), are annotated too.
  await page.evaluate(() => {
    const article = document.querySelector('article')!.cloneNode(true) as HTMLElement;
    article.querySelectorAll('[data-hfpt-controls], [data-hfpt-collapsed]').forEach((el) => el.remove());
    article.querySelectorAll('a[href^="/papers/"]').forEach((a) => a.setAttribute('href', '/papers/2605.99999'));
    document.querySelector('article')!.parentElement!.parentElement!.append(article);
  });
  await expect(card(page, '2605.99999').locator('[data-hfpt-controls]')).toHaveCount(1);
  await expect(page.locator('[data-hfpt-controls]')).toHaveCount(next.length + 1);
  // Put in after the page was parsed, controls skip layout while off-screen (PAGE_CSS).
  const visibility = await card(page, '2605.99999').locator('[data-hfpt-controls]').evaluate((h) => getComputedStyle(h).contentVisibility);
  expect(visibility).toBe('auto');
});

test('the paper page gets controls next to its title', async ({ page }) => {
  await page.goto('https://huggingface.co/papers/2509.24002');
  const controls = page.locator('h1 + [data-hfpt-controls]');
  await expect(controls).toHaveCount(1);
  await expect(controls.getByRole('button', { name: 'Star', exact: true })).toBeVisible();
  await expect(controls.getByRole('link', { name: /^Code/ })).toHaveAttribute('href', 'https://github.com/eval-sys/mcpmark');
  await expect(controls.getByRole('link', { name: /^Code/ })).toContainText('182');
  await expect(controls.getByRole('link', { name: /^Project page/ })).toHaveAttribute('href', 'https://mcpmark.ai/');
  await controls.getByRole('button', { name: 'Star', exact: true }).click();
  await expect(controls.getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: `${SCREENS_DIR}/paper-page.png` });
});
