// 1. Annotation latency and 2. main-thread cost, on generated listings of 100 and 1000 cards.
// Every run is a fresh tab; runs with and without the extension alternate so that drift (the
// machine warming up, other load) hits both alike.
import { benchUrl } from './browser.mjs';
import { listingProbe, readListingProbe, waitForQuiet } from './probes.mjs';
import { longest, summarise, totalBlocking } from './stats.mjs';

/** One page load; returns what the probe saw. */
async function loadOnce(browser, n) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(listingProbe);
    await page.goto(benchUrl(n), { waitUntil: 'load', timeout: 120_000 });
    if (browser.extensionId) {
      await page.waitForFunction(() => window.__bench.controlsAt !== null, null, { timeout: 60_000, polling: 50 });
    }
    await page.evaluate(waitForQuiet); // so the rendering our insertion causes is counted too
    return await page.evaluate(readListingProbe);
  } finally {
    await page.close();
  }
}

/**
 * Stops the extension's service worker, as Chromium does after 30 s idle (MV3): the next load's
 * questions start it again. A real user's first listing of the morning meets such a worker. It
 * marks the running worker first: see restartedSinceStop. `forget`: the tags workers kept in
 * storage.session (lib/tags/memory.ts) go too, as for a page not seen in this browser session.
 */
async function stopWorkers(browser, { forget = false } = {}) {
  await (await browser.currentWorker()).evaluate(async (forget) => {
    globalThis.__benchBeforeStop = true;
    if (forget) await chrome.storage.session.clear();
  }, forget);
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(300);
    await cdp.detach();
  } finally {
    await page.close();
  }
}

/** The worker answering now is a new one (the mark stopWorkers left is gone): the stop took. */
async function restartedSinceStop(browser) {
  return (await browser.currentWorker()).evaluate(() => globalThis.__benchBeforeStop !== true);
}

/** Long tasks: all of them, and those from DOMContentLoaded on (where the content script runs). */
function taskStats(r) {
  const afterDcl = r.longtasks.filter((t) => t.start + t.duration > r.dcl);
  return {
    longestMs: longest(r.longtasks),
    tbtMs: totalBlocking(r.longtasks),
    longestAfterDclMs: longest(afterDcl),
    tbtAfterDclMs: totalBlocking(afterDcl),
  };
}

/**
 * @param {{ withExt: object, withoutExt: object, sizes: number[], runs: number, log: (s: string) => void }} o
 */
export async function benchAnnotation({ withExt, withoutExt, sizes, runs, log }) {
  const out = {};
  for (const n of sizes) {
    // A warm-up load each (compile caches, the service worker's first start), not counted.
    await loadOnce(withExt, n);
    await loadOnce(withoutExt, n);
    const ext = [];
    const base = [];
    for (let i = 0; i < runs; i++) {
      ext.push(await loadOnce(withExt, n));
      base.push(await loadOnce(withoutExt, n));
      log(`  ${n} cards, run ${i + 1}/${runs}: annotated ${(ext.at(-1).controlsAt - ext.at(-1).dcl).toFixed(0)} ms after DOMContentLoaded`);
    }
    // Then loads that each start with the worker stopped (not in the figures above): the page's tags
    // kept by the workers before (a page seen earlier in the browser's session), then nothing kept.
    const stopped = { 'tags kept': await stoppedLoads(withExt, n, false), 'nothing kept': await stoppedLoads(withExt, n, true) };
    for (const [what, { loads, stopsSeen }] of Object.entries(stopped)) {
      const annotated = loads.map((r) => (r.controlsAt - r.dcl).toFixed(0)).join(', ');
      log(`  ${n} cards, worker stopped first, ${what} (a worker started anew in ${stopsSeen} of ${IDLE_RUNS}): annotated ${annotated} ms after DOMContentLoaded`);
    }
    const annotated = ext.map((r) => r.controlsAt - r.dcl);
    const loadBase = base.map((r) => r.load);
    const s = (list, key) => summarise(list.map((r) => taskStats(r)[key]));
    out[n] = {
      cards: n,
      everyCardOnce: ext.every((r) => r.controlHosts === r.cards && r.cards === n),
      annotatedAfterDclMs: summarise(annotated),
      pageLoadWithoutExtMs: summarise(loadBase),
      pageDclWithoutExtMs: summarise(base.map((r) => r.dcl)),
      pageLoadWithExtMs: summarise(ext.map((r) => r.load)),
      /** Annotation latency over the page's own load time (medians of the same run set). */
      ratioToPageLoad: round3(summarise(annotated).median / summarise(loadBase).median),
      longTasks: {
        withExt: { longestMs: s(ext, 'longestMs'), tbtMs: s(ext, 'tbtMs'), longestAfterDclMs: s(ext, 'longestAfterDclMs'), tbtAfterDclMs: s(ext, 'tbtAfterDclMs') },
        withoutExt: { longestMs: s(base, 'longestMs'), tbtMs: s(base, 'tbtMs'), longestAfterDclMs: s(base, 'longestAfterDclMs'), tbtAfterDclMs: s(base, 'tbtAfterDclMs') },
      },
      /** Long animation frames from DOMContentLoaded on: they include the style and layout a task leaves behind. */
      longFramesAfterDcl: {
        withExt: summarise(ext.map((r) => longest(r.frames.filter((f) => f.start + f.duration > r.dcl)))),
        withoutExt: summarise(base.map((r) => longest(r.frames.filter((f) => f.start + f.duration > r.dcl)))),
      },
      /** Loads with the service worker stopped first (as after 30 s idle): each load's figures. */
      workerStopped: stoppedFigures(stopped['tags kept']),
      /** The same, the tags kept by earlier workers forgotten first. */
      workerStoppedNothingKept: stoppedFigures(stopped['nothing kept']),
    };
  }
  return out;
}

/** IDLE_RUNS loads of `n` cards, each after the worker was stopped (and its kept tags forgotten). */
async function stoppedLoads(browser, n, forget) {
  const loads = [];
  let stopsSeen = 0;
  for (let i = 0; i < IDLE_RUNS; i++) {
    await stopWorkers(browser, { forget });
    loads.push(await loadOnce(browser, n));
    if (await restartedSinceStop(browser)) stopsSeen++;
  }
  return { loads, stopsSeen };
}

const stoppedFigures = ({ loads, stopsSeen }) => ({
  /** Of the loads, how many met a worker started anew (the stop took). */
  stopsSeen,
  annotatedAfterDclMs: loads.map((r) => Math.round(r.controlsAt - r.dcl)),
  longestFrameAfterDclMs: loads.map((r) => Math.round(longest(r.frames.filter((f) => f.start + f.duration > r.dcl)))),
});

const round3 = (x) => Math.round(x * 1000) / 1000;
const IDLE_RUNS = 3;
