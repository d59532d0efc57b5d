// Code links known only to Hugging Face's API (cards whose page JSON lacks them), answered by the
// test's router from recorded API responses; and a page that still works when the API is down.
import { card, expect, launchWithExtension, test } from './chromium';
import { API_PAPERS, LISTING_2026_IDS } from './harness.mjs';

const withCode = LISTING_2026_IDS.filter((id) => API_PAPERS[id].githubRepo);
const withoutCode = LISTING_2026_IDS.filter((id) => !API_PAPERS[id].githubRepo);

test('badges appear for papers whose code only the API knows', async ({ page }) => {
  await page.goto('https://huggingface.co/papers/date/2026-05-08');
  await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(LISTING_2026_IDS.length);
  for (const id of withCode) {
    const p = API_PAPERS[id];
    const code = card(page, id).getByRole('link', { name: /^Code/ });
    await expect(code).toHaveAttribute('href', p.githubRepo!);
    if (p.githubStars !== undefined) await expect(code).toHaveAccessibleName(new RegExp(`${p.githubStars} GitHub stars`));
  }
  // The API answered "no code" for the others: a quiet, visible state, not a missing badge.
  for (const id of withoutCode) {
    await expect(card(page, id).getByText('No code yet')).toBeVisible();
    await expect(card(page, id).getByRole('link', { name: /^Code/ })).toHaveCount(0);
  }
  await card(page, withCode[0]).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/enriched-listing.png' });
});

test('with the API down (500), every other control is there and no error escapes', async () => {
  const context = await launchWithExtension({ api: 'down' });
  const page = context.pages()[0] ?? (await context.newPage());
  // Errors from the extension's code (the page's own scripts fail too: the test aborts their
  // downloads, and that is not ours to judge).
  const errors: string[] = [];
  const ours = (where: string | undefined) => !!where?.includes('chrome-extension://');
  page.on('pageerror', (e) => ours(e.stack) && errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && ours(m.location().url) && errors.push(m.text()));
  try {
    await page.goto('https://huggingface.co/papers/date/2026-05-08');
    await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(LISTING_2026_IDS.length);
    await expect(page.getByRole('button', { name: 'Hide', exact: true })).toHaveCount(LISTING_2026_IDS.length);
    await expect(page.getByRole('list', { name: 'Tags' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: /^Code/ })).toHaveCount(0);
    // Star still works end to end.
    const star = card(page, withCode[0]).getByRole('button', { name: 'Star', exact: true });
    await star.click();
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    await page.reload();
    await expect(card(page, withCode[0]).getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
