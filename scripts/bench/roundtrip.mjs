// 3. Star round trip: a click on a card's Star → the background's IndexedDB write committed →
// its reply back in the content script, with the card showing the new state. Timed inside the
// browser so that no CDP hop is counted:
// - the click is a trusted one (CDP mouse events: the extension ignores synthetic clicks); in the
//   content script's world (reached through CDP) its event timestamp is the start, and
//   runtime.sendMessage is wrapped to stamp the reply's arrival;
// - in the background service worker, writes to the 'papers' store are wrapped to stamp their
//   transaction's 'complete' event, next to a listener that stamps each setState message's arrival.
// Clocks are never compared across processes: page-side and worker-side spans are reported apart.
import { benchUrl, contentWorld } from './browser.mjs';
import { summarise } from './stats.mjs';

/** Service worker side: stamps message arrival and IndexedDB commits (worker clock). */
function instrumentWorker() {
  if (globalThis.__benchRt) return;
  const rt = (globalThis.__benchRt = { received: [], commits: [] });
  chrome.runtime.onMessage.addListener((msg) => {
    if (msg?.type === 'setState') rt.received.push(performance.now());
    return undefined; // not an answer: the extension's own listener answers
  });
  // Dexie keeps its own handle on the open database, so stamp at the write itself: the first
  // put to 'papers' in a transaction arms a stamp for that transaction's commit.
  const armed = new WeakSet();
  for (const method of ['put', 'add']) {
    const write = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      const req = write.apply(this, args);
      if (this.name === 'papers' && !armed.has(this.transaction)) {
        armed.add(this.transaction);
        this.transaction.addEventListener('complete', () => rt.commits.push(performance.now()));
      }
      return req;
    };
  }
}

/**
 * Content-script side, once: stamps each trusted click's event time, the moment its card shows
 * aria-pressed="true", and the moment each setState reply arrives.
 */
function instrumentContentWorld() {
  const rt = (globalThis.__benchRt = { clicks: [], dispatched: [], shown: [], replies: [] });
  for (const runtime of new Set([globalThis.browser?.runtime, globalThis.chrome?.runtime].filter(Boolean))) {
    const send = runtime.sendMessage;
    runtime.sendMessage = function (...args) {
      const p = send.apply(this, args);
      if (args[0]?.type === 'setState') p.then(() => rt.replies.push(performance.now()), () => rt.replies.push(NaN));
      return p;
    };
  }
  document.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted) return;
      rt.clicks.push(e.timeStamp); // when the input happened
      rt.dispatched.push(performance.now()); // when the page got to it
    },
    { capture: true },
  );
  for (const star of starButtons()) {
    const mo = new MutationObserver(() => {
      if (star.getAttribute('aria-pressed') !== 'true') return;
      rt.shown.push(performance.now());
      mo.disconnect();
    });
    mo.observe(star, { attributes: true, attributeFilter: ['aria-pressed'] });
  }
  function starButtons() {
    return [...document.querySelectorAll('article [data-hfpt-controls]')]
      .map((host) => [...host.shadowRoot.querySelectorAll('button[aria-pressed]')].find((b) => b.textContent.trim() === 'Star'))
      .filter(Boolean);
  }
}

/** Main world: scrolls the i-th card's Star into view and returns where to click. */
function starCentre(i) {
  const host = document.querySelectorAll('article [data-hfpt-controls]')[i];
  const star = [...host.shadowRoot.querySelectorAll('button[aria-pressed]')].find((b) => b.textContent.trim() === 'Star');
  star.scrollIntoView({ block: 'center' });
  const r = star.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** Content-script side: waits for the i-th reply, then reads that click's stamps. */
async function sampleAfterReply(i) {
  const rt = globalThis.__benchRt;
  const until = performance.now() + 5000;
  while (rt.replies.length <= i && performance.now() < until) await new Promise((r) => setTimeout(r, 1));
  await new Promise((r) => setTimeout(r, 0)); // the reply is applied in its own turn
  const host = document.querySelectorAll('article [data-hfpt-controls]')[i];
  const star = [...host.shadowRoot.querySelectorAll('button[aria-pressed]')].find((b) => b.textContent.trim() === 'Star');
  return {
    replyMs: rt.replies[i] - rt.clicks[i],
    shownMs: rt.shown[i] - rt.clicks[i],
    inputDelayMs: rt.dispatched[i] - rt.clicks[i],
    confirmed: star.getAttribute('aria-pressed') === 'true',
  };
}

async function clickStars(page, world, count) {
  await world.evaluate(instrumentContentWorld);
  const out = [];
  for (let i = 0; i < count; i++) {
    const { x, y } = await page.evaluate(starCentre, i);
    await page.mouse.click(x, y);
    out.push(await world.evaluate(sampleAfterReply, i));
    await page.waitForTimeout(30); // let the background's push to the tab settle before the next
  }
  return out;
}

/** Worker side, after: how many of the given ids are stored as starred. */
async function countStarred(ids) {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('hf-papers-triage');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const store = db.transaction('papers').objectStore('papers');
  const rows = await Promise.all(
    ids.map((id) => new Promise((resolve) => (store.get(id).onsuccess = (e) => resolve(e.target.result)))),
  );
  db.close();
  return rows.filter((r) => r && typeof r.starredAt === 'number').length;
}

export async function benchRoundTrip(browser, { cards, clicks, ids }) {
  const page = await browser.context.newPage();
  try {
    await page.goto(benchUrl(cards), { waitUntil: 'load' });
    await page.waitForFunction((n) => document.querySelectorAll('[data-hfpt-controls]').length >= n, cards, { polling: 50 });
    await page.waitForTimeout(300);
    const world = await contentWorld(page, browser.extensionId);
    const worker = await browser.currentWorker();
    await worker.evaluate(instrumentWorker);
    await worker.evaluate(() => {
      globalThis.__benchRt.received.length = 0;
      globalThis.__benchRt.commits.length = 0;
    });
    const samples = await clickStars(page, world, clicks);
    await world.detach();
    // A service worker restarted meanwhile (MV3 may) has lost the stamps: then there are none.
    const stamps = await (await browser.currentWorker()).evaluate(() => globalThis.__benchRt ?? { received: [], commits: [] });
    const inWorker = stamps.received.length === samples.length ? stamps.received.map((t, i) => (stamps.commits[i] ?? NaN) - t) : [];
    const persisted = await (await browser.currentWorker()).evaluate(countStarred, ids.slice(0, samples.length));
    return {
      clicks: samples.length,
      cards,
      /** click → reply back in the content script (the write committed before the reply is sent). */
      roundTripMs: summarise(samples.map((s) => s.replyMs)),
      /** click → aria-pressed="true" on the card (optimistic, before the write). */
      shownMs: summarise(samples.map((s) => s.shownMs)),
      /** click → the page's first listener runs (input delivery, before any of our code). */
      inputDelayMs: summarise(samples.map((s) => s.inputDelayMs)),
      /** In the service worker: setState message received → IndexedDB transaction complete. */
      workerReceiveToCommitMs: summarise(inWorker),
      confirmedOnCard: samples.filter((s) => s.confirmed).length,
      persistedInIndexedDb: persisted,
    };
  } finally {
    await page.close();
  }
}
