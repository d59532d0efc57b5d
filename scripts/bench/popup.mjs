// 4. The popup with many saved papers: time to first rows, and per-keystroke search latency (typing
// a word, typing with typos, and typing at once on opening, before the search index may be ready). Papers are seeded in the extension's own origin (the background
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

/**
 * Popup init script: when the first saved-paper row shows up, and when the whole list is in (the
 * count of saved papers next to the heading), in ms from navigation start.
 */
function popupProbe() {
  const b = (window.__bench = { firstRowsAt: null, rowsAtFirst: 0, wholeListAt: null, longtasks: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const mo = new MutationObserver(() => {
    if (b.firstRowsAt === null) {
      const rows = document.querySelectorAll('ul[aria-label="Saved papers"] > li');
      if (rows.length > 0) {
        b.firstRowsAt = performance.now();
        b.rowsAtFirst = rows.length;
      }
    }
    if (b.wholeListAt === null && document.querySelector('h1 + .count')) b.wholeListAt = performance.now();
    if (b.firstRowsAt !== null && b.wholeListAt !== null) mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true });
}

/** Opens the popup; waits `settle` ms after its first rows (0: hands it back at once). */
async function openPopupOnce(browser, { settle = 300 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.addInitScript(popupProbe);
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForFunction(() => window.__bench.firstRowsAt !== null, null, { timeout: 60_000, polling: settle ? 50 : 'raf' });
  if (settle) {
    await page.waitForFunction(() => window.__bench.wholeListAt !== null, null, { timeout: 60_000, polling: 50 });
    await page.waitForTimeout(settle);
  }
  const r = await page.evaluate(() => ({
    ...window.__bench,
    rowsAfter: document.querySelectorAll('ul[aria-label="Saved papers"] > li').length,
  }));
  return { page, r };
}

/**
 * Per-keystroke latency of the popup's search: from each key's input event to the end of the frame
 * that follows it (the list re-rendered, laid out and painted; a keystroke that changes nothing
 * visible is timed the same way). Returns the samples in ms, or null when there is no search box.
 *
 * The probe is installed in the page before each key is sent, then read back: installing and
 * typing at once would race (the key can arrive before the listener).
 */
export async function measureSearch(page, query = SEARCH_QUERY) {
  const box = page.getByRole('searchbox').or(page.locator('input[type="search"]')).first();
  if ((await box.count()) === 0) return null;
  await box.focus();
  const samples = [];
  for (const ch of query) {
    await page.evaluate(() => {
      window.__keystroke = new Promise((resolve) => {
        document.addEventListener(
          'input',
          (e) => {
            const start = e.timeStamp;
            // Rendering happens in microtasks after the handler; rAF then runs before the frame's
            // style, layout and paint, and a message posted there arrives after them.
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => resolve(performance.now() - start);
              ch.port2.postMessage(null);
            });
          },
          { capture: true, once: true },
        );
      });
    });
    await page.keyboard.type(ch);
    samples.push(await page.evaluate(() => window.__keystroke));
  }
  return samples;
}

/** Empties the search box and waits for the list to settle. */
async function clearSearch(page) {
  const box = page.getByRole('searchbox');
  if ((await box.count()) === 0) return;
  await box.fill('');
  await page.waitForTimeout(300);
}

/** Adds rows [from, to) once the extension has created its database. */
export async function seed(browser, from, to) {
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
    const whole = [];
    const keystrokes = [];
    const typo = [];
    const early = [];
    let rows = null;
    for (let i = 0; i < runs; i++) {
      const { page, r } = await openPopupOnce(browser, { settle: i % 2 === 0 ? 300 : 0 });
      first.push(r.firstRowsAt);
      if (i % 2 === 0) rows = { atFirstRows: r.rowsAtFirst, afterSettling: r.rowsAfter, longestTaskMs: Math.max(0, ...r.longtasks.map((t) => t.duration)) };
      if (i % 2 === 1) {
        // Typing at once, as soon as the first rows show (the whole list and its index may still be on their way).
        early.push(...((await measureSearch(page, SEARCH_QUERY)) ?? []));
        await page.waitForFunction(() => window.__bench.wholeListAt !== null, null, { timeout: 60_000, polling: 50 });
        whole.push(await page.evaluate(() => window.__bench.wholeListAt));
      } else {
        whole.push(r.wholeListAt);
        keystrokes.push(...((await measureSearch(page, SEARCH_QUERY)) ?? []));
        await clearSearch(page);
        typo.push(...((await measureSearch(page, 'difusion modles')) ?? []));
      }
      await page.close();
    }
    const search = summarise(keystrokes);
    log(
      `  popup with ${count} papers: first rows after ${summarise(first).median} ms (median), the whole list (searchable) after ${summarise(whole)?.median} ms; ` +
        (search
          ? `search keystroke ${search.median} ms median, p95 ${search.p95} (typing "${SEARCH_QUERY}"); ` +
            `with typos ${summarise(typo)?.median} ms, p95 ${summarise(typo)?.p95} ("difusion modles"); ` +
            `typing at once on opening ${summarise(early)?.median} ms, p95 ${summarise(early)?.p95}, max ${summarise(early)?.max}`
          : 'no search box'),
    );
    out[count] = {
      papers: count,
      firstRowsMs: summarise(first),
      /** The whole list read (searching and filtering work from then on; a query typed earlier waits). */
      wholeListMs: summarise(whole),
      rows,
      searchKeystrokeMs: search ?? 'n/a: no search yet',
      searchTypoKeystrokeMs: summarise(typo),
      searchOnOpeningKeystrokeMs: summarise(early),
    };
  }
  return out;
}

export async function openPopupOnceEmpty(browser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.getByRole('heading', { name: 'Saved papers' }).waitFor();
  return page;
}
