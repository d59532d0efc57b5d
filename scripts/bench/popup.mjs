// 4. The popup with many saved papers: time to first rows, and (once the popup has a search box)
// per-keystroke search latency. Papers are seeded in the extension's own origin (the background
// service worker), straight into IndexedDB, shaped like PaperRow (lib/db/index.ts).
import { TEMPLATE_PAPERS } from './pages.mjs';
import { summarise } from './stats.mjs';

export const SEARCH_QUERY = 'diffusion';

/** Saved-paper rows made from the real papers of the fixtures, newest first by starredAt. */
function seedRows({ templates, from, to, now }) {
  const rows = [];
  for (let i = from; i < to; i++) {
    const p = templates[i % templates.length];
    const repo = typeof p.githubRepo === 'string' && p.githubRepo.startsWith('https://github.com/') ? p.githubRepo : undefined;
    rows.push({
      id: `2502.${String(10000 + i)}`,
      title: p.title,
      authors: (p.authors ?? []).map((a) => a.name).filter(Boolean).slice(0, 100),
      abstract: p.summary,
      publishedAt: p.publishedAt,
      url: `https://huggingface.co/papers/2502.${String(10000 + i)}`,
      codeUrl: repo,
      codeStars: repo && typeof p.githubStars === 'number' ? p.githubStars : undefined,
      tags: (p.ai_keywords ?? []).slice(0, 3),
      starredAt: now - i * 60_000,
      updatedAt: now - i * 60_000,
    });
  }
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('hf-papers-triage');
    // Never create the database here: that is Dexie's job (schema and version), in the popup.
    req.onupgradeneeded = () => req.transaction.abort();
    req.onerror = () => resolve(0);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('papers', 'readwrite');
      const store = tx.objectStore('papers');
      for (const row of rows) store.put(row);
      tx.oncomplete = () => {
        db.close();
        resolve(rows.length);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Popup init script: when the first saved-paper row shows up (ms from navigation start). */
function popupProbe() {
  const b = (window.__bench = { firstRowsAt: null, rowsAtFirst: 0, longtasks: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const mo = new MutationObserver(() => {
    const rows = document.querySelectorAll('ul[aria-label="Saved papers"] > li');
    if (rows.length === 0) return;
    b.firstRowsAt = performance.now();
    b.rowsAtFirst = rows.length;
    mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true });
}

async function openPopupOnce(browser) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.addInitScript(popupProbe);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForFunction(() => window.__bench.firstRowsAt !== null, null, { timeout: 60_000, polling: 50 });
  await page.waitForTimeout(300);
  const r = await page.evaluate(() => ({
    ...window.__bench,
    rowsAfter: document.querySelectorAll('ul[aria-label="Saved papers"] > li').length,
  }));
  return { page, r };
}

/**
 * Per-keystroke latency of the popup's search, if it has one: from each key's input event to the
 * next frame after the list changed. Returns null when there is no search box yet.
 */
export async function measureSearch(page, query = SEARCH_QUERY) {
  const box = page.getByRole('searchbox').or(page.locator('input[type="search"]')).first();
  if ((await box.count()) === 0) return null;
  await box.focus();
  const samples = [];
  for (const ch of query) {
    const done = page.evaluate(() => {
      return new Promise((resolve) => {
        const list = document.querySelector('main') ?? document.body;
        let start = null;
        const finish = () => requestAnimationFrame(() => resolve(performance.now() - start));
        document.addEventListener('input', (e) => (start = e.timeStamp), { capture: true, once: true });
        const mo = new MutationObserver(() => {
          mo.disconnect();
          clearTimeout(timer);
          finish();
        });
        mo.observe(list, { childList: true, subtree: true, characterData: true });
        const timer = setTimeout(() => (mo.disconnect(), finish()), 1000); // no visible change
      });
    });
    await page.keyboard.type(ch);
    samples.push(await done);
  }
  return summarise(samples);
}

/** Adds rows [from, to) once the extension has created its database. */
async function seed(browser, from, to) {
  const now = Date.now();
  for (let attempt = 0; attempt < 50; attempt++) {
    const worker = await browser.currentWorker();
    if (await worker.evaluate(seedRows, { templates: TEMPLATE_PAPERS, from, to, now })) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the extension never created its database');
}

/** Run in a fresh browser: the papers seeded here must be the only ones saved. */
export async function benchPopup(browser, { counts, runs, log }) {
  const out = {};
  let seeded = 0;
  for (const count of counts) {
    // The popup opens the database (Dexie creates its schema); it stays open until the rows are in.
    const opener = await openPopupOnceEmpty(browser);
    await seed(browser, seeded, count);
    await opener.close();
    seeded = count;
    await (await openPopupOnce(browser)).page.close(); // warm-up
    const first = [];
    let search = null;
    let rows = null;
    for (let i = 0; i < runs; i++) {
      const { page, r } = await openPopupOnce(browser);
      first.push(r.firstRowsAt);
      rows = { atFirstRows: r.rowsAtFirst, afterSettling: r.rowsAfter, longestTaskMs: Math.max(0, ...r.longtasks.map((t) => t.duration)) };
      if (i === runs - 1) search = await measureSearch(page);
      await page.close();
    }
    log(`  popup with ${count} papers: first rows after ${summarise(first).median} ms (median)`);
    out[count] = {
      papers: count,
      firstRowsMs: summarise(first),
      rows,
      searchKeystrokeMs: search ?? 'n/a: no search yet',
    };
  }
  return out;
}

async function openPopupOnceEmpty(browser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.getByRole('heading', { name: 'Saved papers' }).waitFor();
  return page;
}
