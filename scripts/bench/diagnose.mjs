// Where the time goes, for the report and for fixing budgets: one traced listing load per size
// (Chromium tracing), and with --profile a CPU profile of the 1000-card load (CDP Profiler),
// written to test-results/bench/ to open in DevTools.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchUrl } from './browser.mjs';
import { listingProbe, waitForQuiet } from './probes.mjs';
import { listingTraceSummary, startTrace } from './trace.mjs';

export const PROFILE_DIR = resolve(import.meta.dirname, '../../test-results/bench');

export async function traceListing(browser, n, { save = false } = {}) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(listingProbe);
    const stop = await startTrace(browser.context, page);
    await page.goto(benchUrl(n), { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => window.__bench.controlsAt !== null, null, { timeout: 60_000, polling: 50 });
    await page.evaluate(waitForQuiet);
    const events = await stop();
    if (save) writeOut(`listing-${n}.trace.json`, JSON.stringify({ traceEvents: events }));
    return listingTraceSummary(events, benchUrl(n), `chrome-extension://${browser.extensionId}`);
  } finally {
    await page.close();
  }
}

/** A CPU profile (both worlds: the isolate is shared) of one listing load. */
export async function profileListing(browser, n) {
  const page = await browser.context.newPage();
  try {
    // Same-site first, so the profiled navigation stays in this renderer process.
    await page.goto('https://huggingface.co/papers/none');
    await page.addInitScript(listingProbe);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(benchUrl(n), { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(() => window.__bench.controlsAt !== null, null, { timeout: 60_000, polling: 50 });
    await page.evaluate(waitForQuiet);
    const { profile } = await cdp.send('Profiler.stop');
    const file = writeOut(`listing-${n}.cpuprofile`, JSON.stringify(profile));
    return { file, top: topFunctions(profile, `chrome-extension://${browser.extensionId}`) };
  } finally {
    await page.close();
  }
}

/** Inclusive time (ms) of the extension's functions in a CPU profile, biggest first. */
export function topFunctions(profile, origin, limit = 12) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const f = byId.get(x).callFrame;
      if (!f.url.startsWith(origin)) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.slice(origin.length)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return [...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10 }));
}

function writeOut(name, text) {
  mkdirSync(PROFILE_DIR, { recursive: true });
  const file = resolve(PROFILE_DIR, name);
  writeFileSync(file, text);
  return file;
}
