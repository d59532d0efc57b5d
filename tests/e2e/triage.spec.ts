// Triage in a real browser: tags and the filter bar, rules from the options page applied to an
// open page, mutes with reasons, keyboard triage with undo, and new-since-last-visit.
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { card, expect, SCREENS_DIR, test } from './chromium';
import { LISTING_IDS } from './harness.mjs';

const LISTING = 'https://huggingface.co/papers?date=2024-08-01';
const LLAMA = '2407.21783';

test.beforeAll(() => mkdirSync(SCREENS_DIR, { recursive: true }));

const filterBar = (page: Page) => page.getByRole('group', { name: 'Filter papers by tag' });
const visibleStars = (page: Page) => page.getByRole('button', { name: 'Star', exact: true }).filter({ visible: true });
/** A card's tag labels. */
const tagsOf = (page: Page, id: string) => card(page, id).getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents();

/** The page's most common tag, and the papers carrying it. */
async function commonTag(page: Page) {
  const first = filterBar(page).getByRole('button').first();
  const label = (await first.getAttribute('aria-label'))!.replace(/ \d+ papers?$/, '');
  const carrying: string[] = [];
  for (const id of LISTING_IDS) if ((await tagsOf(page, id)).includes(label)) carrying.push(id);
  return { label, carrying };
}

test('tags render on the saved listing; the filter bar filters and clears', async ({ page }) => {
  await page.goto(LISTING);
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(LISTING_IDS.length);
  expect(await tagsOf(page, LLAMA)).toContain('LLM');
  const { label, carrying } = await commonTag(page);
  expect(carrying.length).toBeGreaterThan(1);

  await filterBar(page).getByRole('button', { name: new RegExp(`^${label} \\d+ paper`) }).click();
  await expect(page.getByText(`${carrying.length} of ${LISTING_IDS.length} shown`)).toBeVisible();
  await expect(visibleStars(page)).toHaveCount(carrying.length);
  for (const id of carrying) await expect(card(page, id)).toBeVisible();
  await page.screenshot({ path: `${SCREENS_DIR}/filter.png` });

  await filterBar(page).getByRole('button', { name: new RegExp(`^${label} \\d+ paper`) }).click(); // again: clear
  await expect(visibleStars(page)).toHaveCount(LISTING_IDS.length);

  await filterBar(page).getByRole('button', { name: new RegExp(`^${label} \\d+ paper`) }).click({ modifiers: ['Shift'] });
  await expect(visibleStars(page)).toHaveCount(LISTING_IDS.length - carrying.length);
  await filterBar(page).getByRole('button', { name: 'Clear filter' }).click();
  await expect(visibleStars(page)).toHaveCount(LISTING_IDS.length);
});

test('a tag rule and a mute rule added in the options show on the open page without reload', async ({ page, context, extensionId }) => {
  await page.goto(LISTING);
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(LISTING_IDS.length);
  const { label, carrying } = await commonTag(page);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const tagForm = options.getByRole('form', { name: 'Add a rule to your tag rules' });
  await tagForm.getByRole('textbox', { name: 'Keyword' }).fill('foundation models');
  await tagForm.getByLabel('Tag to give').fill('Foundation');
  await tagForm.getByRole('button', { name: 'Add rule' }).click();

  // A bad pattern is refused with a message, and never saved.
  const muteForm = options.getByRole('form', { name: 'Add a rule to mute rules' });
  await muteForm.getByRole('combobox', { name: 'Match on' }).selectOption('regex');
  await muteForm.getByRole('textbox', { name: 'Pattern' }).fill('(a+)+$');
  await muteForm.getByRole('button', { name: 'Add rule' }).click();
  await expect(muteForm.getByRole('textbox', { name: 'Pattern' })).toHaveAttribute('aria-invalid', 'true');

  await muteForm.getByRole('combobox', { name: 'Match on' }).selectOption('tag');
  await muteForm.getByRole('textbox', { name: 'Tag' }).fill(label);
  await muteForm.getByRole('button', { name: 'Add rule' }).click();
  await options.screenshot({ path: `${SCREENS_DIR}/options-rules.png`, fullPage: true });

  await page.bringToFront();
  await expect.poll(() => tagsOf(page, LLAMA)).toContain('Foundation');
  // Muted: collapsed to a slim row that says why; the summary splits hidden and muted.
  for (const id of carrying) await expect(card(page, id).getByText(`muted: tag ${label}`)).toBeVisible();
  await expect(page.getByText(`(0 by you, ${carrying.length} muted by rules)`)).toBeVisible();
  await page.screenshot({ path: `${SCREENS_DIR}/muted.png` });
  // One click reveals one.
  await card(page, carrying[0]).getByRole('button', { name: 'Show', exact: true }).click();
  await expect(card(page, carrying[0]).getByRole('button', { name: 'Star', exact: true })).toBeVisible();
  await expect(page.getByText(`(0 by you, ${carrying.length - 1} muted by rules)`)).toBeVisible();
});

test('a tag is muted from its chip with the keyboard (its mute button focused, Enter); u takes it back', async ({ page }) => {
  await page.goto(LISTING);
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(LISTING_IDS.length);
  const { label, carrying } = await commonTag(page);
  const mute = card(page, carrying[0]).getByRole('button', { name: `Mute tag ${label}`, exact: true });
  await mute.focus();
  await expect(mute).toBeFocused();
  await page.screenshot({ path: `${SCREENS_DIR}/chip-mute-focus.png` });
  await page.keyboard.press('Enter');
  for (const id of carrying) await expect(card(page, id).getByText(`muted: tag ${label}`)).toBeVisible();
  await expect(page.getByText(`(0 by you, ${carrying.length} muted by rules)`)).toBeVisible();
  await page.keyboard.press('u');
  for (const id of carrying) await expect(card(page, id).getByText(`muted: tag ${label}`)).toBeHidden();
});

test('keyboard: j j s h stars the second card and hides the third, u undoes; reload keeps state; a new visit dims seen cards', async ({ page }) => {
  await page.goto(LISTING);
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(LISTING_IDS.length);
  const [first, second, third] = LISTING_IDS;
  await page.waitForTimeout(300); // the settings (keys) arrive with the first answers
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(card(page, second)).toHaveAttribute('data-hfpt-current', '');
  await page.keyboard.press('s');
  await expect(card(page, second).getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press('h');
  await expect(card(page, third).getByRole('button', { name: 'Show', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Hidden:' })).toBeVisible(); // the undo toast
  await page.screenshot({ path: `${SCREENS_DIR}/keyboard.png` });
  await page.keyboard.press('u');
  await expect(card(page, third).getByRole('button', { name: 'Hide', exact: true })).toBeVisible();
  await page.keyboard.press('k'); // the ring moved on after the hide: back to the third card
  await expect(card(page, third)).toHaveAttribute('data-hfpt-current', '');
  await page.keyboard.press('h'); // hide it again, for the reload
  await expect(card(page, third).getByRole('button', { name: 'Show', exact: true })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: /keyboard/i })).toBeVisible();
  await page.keyboard.press('Escape');

  // The first cards were on screen for more than a second: seen. (Reported in batches.)
  await page.waitForTimeout(3500);
  await page.reload();
  await expect(card(page, second).getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(card(page, third).getByRole('button', { name: 'Show', exact: true })).toBeVisible();
  await expect(card(page, first)).toHaveAttribute('data-hfpt-seen', '');
  await expect(card(page, second)).not.toHaveAttribute('data-hfpt-seen', ''); // starred: never dimmed
  const last = LISTING_IDS[LISTING_IDS.length - 1];
  await expect(card(page, last).getByText('New', { exact: true })).toBeVisible(); // never on screen before
  await card(page, last).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS_DIR}/seen.png` });
});

test('our controls on the page pass axe (light and dark), with a card hidden and a tag of your own', async ({ page }) => {
  await page.goto('https://huggingface.co/papers');
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(LISTING_IDS.length);
  await card(page, LISTING_IDS[2]).getByRole('button', { name: 'Hide', exact: true }).click();
  // "+ Tag" is a button by role (roleButton): the keyboard opens it as it would a <button>.
  await card(page, LLAMA).getByRole('button', { name: 'Add a tag' }).focus();
  await page.keyboard.press('Enter');
  await expect(card(page, LLAMA).getByRole('textbox', { name: 'New tag' })).toBeFocused();
  await card(page, LLAMA).getByRole('textbox', { name: 'New tag' }).fill('to cite');
  await card(page, LLAMA).getByRole('textbox', { name: 'New tag' }).press('Enter');
  await expect.poll(() => tagsOf(page, LLAMA)).toContain('to cite');
  await expect(card(page, LLAMA).getByRole('button', { name: 'Add a tag' })).toBeFocused(); // the keyboard user's place
  await card(page, LLAMA).getByRole('button', { name: 'Remove tag to cite' }).focus(); // the chip shows its why
  for (const dark of [false, true]) {
    await page.evaluate((d) => document.documentElement.classList.toggle('dark', d), dark);
    const results = await new AxeBuilder({ page }).include('[data-hfpt-ui]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.screenshot({ path: `${SCREENS_DIR}/listing-controls.png` });
});
