// 7. Scrolling: the 300- and 1000-card listings scrolled with the mouse wheel once annotated, with
// and without the extension. A researcher scrolls the listing for minutes; what our hosts cost per
// frame (style, layout, pre-paint, intersection work) shows here, not in a load. Long animation
// frames (over 50 ms) observed in the page: how many, their sum, the longest.
import { benchUrl, waitForControls } from './browser.mjs';
import { median } from './stats.mjs';

const STEPS = 60;
const STEP_PX = 400;

async function scrollOnce(browser, n) {
  const page = await browser.context.newPage();
  try {
    await page.goto(benchUrl(n), { waitUntil: 'load', timeout: 120_000 });
    if (browser.extensionId) await waitForControls(page, n);
    await page.waitForTimeout(1500); // past the seen tracker's start and the page's own settling
    await page.evaluate(() => {
      window.__benchFrames = [];
      new PerformanceObserver((list) => window.__benchFrames.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'long-animation-frame' });
    });
    await page.mouse.move(640, 450);
    for (let i = 0; i < STEPS; i++) {
      await page.mouse.wheel(0, STEP_PX);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(500);
    const { frames, late } = await page.evaluate(() => ({
      frames: window.__benchFrames,
      late: document.querySelectorAll('[data-hfpt-controls][data-hfpt-late]').length,
    }));
    return { count: frames.length, sumMs: frames.reduce((a, b) => a + b, 0), longestMs: Math.max(0, ...frames), late };
  } finally {
    await page.close();
  }
}

/** Median over `runs` of each figure; { [cards]: { withExt, withoutExt } }. */
export async function benchScroll({ withExt, withoutExt, sizes, runs }) {
  const out = {};
  for (const n of sizes) {
    const runsOf = { withExt: [], withoutExt: [] };
    for (let i = 0; i < runs; i++) {
      runsOf.withExt.push(await scrollOnce(withExt, n));
      runsOf.withoutExt.push(await scrollOnce(withoutExt, n));
    }
    const summary = (rs) => ({
      longFrames: median(rs.map((r) => r.count)),
      sumMs: Math.round(median(rs.map((r) => r.sumMs))),
      longestMs: Math.round(median(rs.map((r) => r.longestMs))),
      sumRangeMs: [Math.round(Math.min(...rs.map((r) => r.sumMs))), Math.round(Math.max(...rs.map((r) => r.sumMs)))],
      /** Per run: cards whose controls went in after the page was parsed (content-visibility: auto). */
      lateHosts: rs.map((r) => r.late),
      /** Per run: the sum of its long frames (to read beside lateHosts). */
      sumsMs: rs.map((r) => Math.round(r.sumMs)),
    });
    out[n] = { cards: n, steps: STEPS, stepPx: STEP_PX, runs, withExt: summary(runsOf.withExt), withoutExt: summary(runsOf.withoutExt) };
  }
  return out;
}
