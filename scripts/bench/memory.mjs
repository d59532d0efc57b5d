// 6. Memory on the 1000-card listing. A content script's isolated world shares the page's V8
// isolate (and Blink's DOM heap), so no API reports the world's heap alone: CDP
// Runtime.getHeapUsage (after HeapProfiler.collectGarbage) reports the isolate. The extension's
// share is the difference between the same page loaded with and without the extension.
// performance.memory read inside the content script's world is shown for reference: it is the
// same isolate-wide figure (precise here: the bench starts Chromium with --enable-precise-memory-info).
import { benchUrl, contentWorld } from './browser.mjs';
import { listingProbe, waitForQuiet } from './probes.mjs';
import { median } from './stats.mjs';

const MB = 1024 * 1024;
const mb = (bytes) => Math.round((bytes / MB) * 100) / 100;

async function heapAfterLoad(browser, n) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(listingProbe);
    await page.goto(benchUrl(n), { waitUntil: 'load', timeout: 120_000 });
    if (browser.extensionId) await page.waitForFunction(() => window.__bench.controlsAt !== null, null, { polling: 50 });
    await page.evaluate(waitForQuiet);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    let perfMemory = null;
    if (browser.extensionId) {
      const world = await contentWorld(page, browser.extensionId);
      perfMemory = await world.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
      await world.detach();
    }
    await cdp.detach();
    return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? null, perfMemory };
  } finally {
    await page.close();
  }
}

export async function benchMemory({ withExt, withoutExt, cards, runs }) {
  const ext = [];
  const base = [];
  for (let i = 0; i < runs; i++) {
    ext.push(await heapAfterLoad(withExt, cards));
    base.push(await heapAfterLoad(withoutExt, cards));
  }
  const med = (list, key) => (list.every((r) => typeof r[key] === 'number') ? median(list.map((r) => r[key])) : null);
  const jsExt = med(ext, 'js');
  const jsBase = med(base, 'js');
  const domExt = med(ext, 'embedder');
  const domBase = med(base, 'embedder');
  return {
    cards,
    method: 'CDP Runtime.getHeapUsage after two HeapProfiler.collectGarbage, page with minus page without the extension (median of runs)',
    jsHeapWithExtMB: mb(jsExt),
    jsHeapWithoutExtMB: mb(jsBase),
    extensionJsHeapMB: mb(jsExt - jsBase),
    domHeapWithExtMB: domExt === null ? null : mb(domExt),
    domHeapWithoutExtMB: domBase === null ? null : mb(domBase),
    extensionDomHeapMB: domExt === null ? null : mb(domExt - domBase),
    performanceMemoryInContentWorldMB: mb(med(ext, 'perfMemory') ?? NaN),
    runs,
  };
}
