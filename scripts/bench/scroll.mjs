// 7. Scrolling: the 300- and 1000-card listings scrolled with the mouse wheel once annotated, with
// and without the extension. A researcher scrolls the listing for minutes; what our hosts cost per
// frame (style, layout, pre-paint, paint, hit testing) shows here, not in a load.
//
// Each run starts a browser of its own and loads the listing once unmeasured first, so that the
// measured load meets a running worker (its controls mostly go in while the page is parsed, as on
// most loads; a run whose did not says so) and no earlier run's scroll is in the profile: runs that
// shared one browser met a worker stopped after 30 s idle in some runs and not in others, and their
// sums moved 1.5-4 s with it.
// Measured in the page: the interval between frames (requestAnimationFrame) during the scroll, and
// long animation frames (over 50 ms). One more traced run per size and side says where the main
// thread's time went (self time by trace event).
import { benchUrl, launch, waitForControls } from './browser.mjs';
import { median, percentile, round1 } from './stats.mjs';
import { selfTimeByName, startTrace } from './trace.mjs';

const STEPS = 60;
const STEP_PX = 400;
/** What a trace of the scroll is summed into (the rest is under a few percent of it). */
const PHASES = {
  PrePaint: 'pre-paint',
  Paint: 'paint',
  HitTest: 'hit testing',
  Layout: 'layout',
  UpdateLayoutTree: 'style',
  'IntersectionObserverController::computeIntersections': 'intersection observers',
};

/** Records frames and long animation frames from now on (in the page). */
function startFrameProbe() {
  const p = (window.__scrollProbe = { frames: [], long: [], stop: false });
  new PerformanceObserver((list) => p.long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'long-animation-frame' });
  const tick = (t) => {
    p.frames.push(t);
    if (!p.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Frames are recorded while the wheel turns only (long frames go on being observed after it). */
function stopFrames() {
  window.__scrollProbe.stop = true;
}

function readFrameProbe() {
  const p = window.__scrollProbe;
  return {
    frameTimes: p.frames,
    long: p.long,
    late: document.querySelectorAll('[data-hfpt-controls][data-hfpt-late]').length,
  };
}

async function scrollOnce({ extension, pages, extensionDir }, n, { trace = false } = {}) {
  const browser = await launch({ extension, pages, extensionDir });
  try {
    const load = async (page) => {
      await page.goto(benchUrl(n), { waitUntil: 'load', timeout: 120_000 });
      if (extension) await waitForControls(page, n);
    };
    const warm = await browser.context.newPage();
    await load(warm);
    await warm.close();
    const page = await browser.context.newPage();
    await load(page);
    await page.waitForTimeout(1500); // past the seen tracker's start and the page's own settling
    await page.evaluate(startFrameProbe);
    const stopTrace = trace ? await startTrace(browser.context, page) : null;
    await page.mouse.move(640, 450);
    const started = Date.now();
    for (let i = 0; i < STEPS; i++) {
      await page.mouse.wheel(0, STEP_PX);
      await page.waitForTimeout(16);
    }
    const wallMs = Date.now() - started;
    await page.evaluate(stopFrames);
    await page.waitForTimeout(500);
    const events = stopTrace ? await stopTrace() : null;
    const { frameTimes, long, late } = await page.evaluate(readFrameProbe);
    const intervals = frameTimes.slice(1).map((t, i) => t - frameTimes[i]);
    const run = {
      wallMs,
      frameP50Ms: intervals.length > 0 ? percentile(intervals, 50) : null,
      frameP90Ms: intervals.length > 0 ? percentile(intervals, 90) : null,
      count: long.length,
      sumMs: long.reduce((a, b) => a + b, 0),
      longestMs: Math.max(0, ...long),
      late,
    };
    if (events) {
      // No ParseHTML of the page in a trace begun after its load: its thread is the one that painted.
      const by = selfTimeByName(events, benchUrl(n), { thread: 'painted most' });
      // Nothing found is said as nothing, not as zeros.
      if (Object.keys(by).length > 0) run.phasesMs = Object.fromEntries(Object.entries(PHASES).map(([event, name]) => [name, Math.round(by[event] ?? 0)]));
    }
    return run;
  } finally {
    await browser.close();
  }
}

/**
 * Median over `runs` of each figure; { [cards]: { withExt, withoutExt } }. `withExt` and
 * `withoutExt`: how to launch each side ({ extension, pages, extensionDir }).
 */
export async function benchScroll({ withExt, withoutExt, sizes, runs, log = () => {} }) {
  const out = {};
  for (const n of sizes) {
    const runsOf = { withExt: [], withoutExt: [] };
    for (let i = 0; i < runs; i++) {
      runsOf.withExt.push(await scrollOnce(withExt, n));
      runsOf.withoutExt.push(await scrollOnce(withoutExt, n));
    }
    log(`  ${n} cards: one traced scroll each side`);
    const traced = { withExt: await scrollOnce(withExt, n, { trace: true }), withoutExt: await scrollOnce(withoutExt, n, { trace: true }) };
    const medianOf = (xs) => (xs.every((x) => Number.isFinite(x)) ? round1(median(xs)) : null);
    const summary = (rs, t) => ({
      wallMs: Math.round(median(rs.map((r) => r.wallMs))),
      frameP50Ms: medianOf(rs.map((r) => r.frameP50Ms)),
      frameP90Ms: medianOf(rs.map((r) => r.frameP90Ms)),
      longFrames: median(rs.map((r) => r.count)),
      sumMs: Math.round(median(rs.map((r) => r.sumMs))),
      longestMs: Math.round(median(rs.map((r) => r.longestMs))),
      sumRangeMs: [Math.round(Math.min(...rs.map((r) => r.sumMs))), Math.round(Math.max(...rs.map((r) => r.sumMs)))],
      /** Per run: cards whose controls went in after the page was parsed (content-visibility: auto). */
      lateHosts: rs.map((r) => r.late),
      /** Per run: the sum of its long frames (to read beside lateHosts). */
      sumsMs: rs.map((r) => Math.round(r.sumMs)),
      /** The traced run: main-thread self time by phase over the scroll, and its controls put in late. */
      phasesMs: t.phasesMs,
      tracedLateHosts: t.late,
    });
    out[n] = { cards: n, steps: STEPS, stepPx: STEP_PX, runs, withExt: summary(runsOf.withExt, traced.withExt), withoutExt: summary(runsOf.withoutExt, traced.withoutExt) };
  }
  return out;
}
