// 3. Star round trip: a click on a card's Star → the background's IndexedDB write committed →
// its reply back in the content script, with the card showing the new state. Timed inside the
// browser so that no CDP hop is counted:
// - the click is a trusted one (CDP mouse events: the extension ignores synthetic clicks); in the
//   content script's world (reached through CDP) its event timestamp is the start, and
//   runtime.sendMessage is wrapped to stamp the reply's arrival;
// - the button is held down PRESS_MS, as a person's click is. A click's timestamp is its mouseup's,
//   and a mouseup sent right after its mousedown (Playwright's default) waits in the renderer for
//   the frame the mousedown started, which no person's click does: input delivery several ms
//   longer, with or without the extension (the control at the end measures both). A second pass
//   clicks every Star again with such instant presses (un-starring: the same message and write),
//   so that the figures can be compared with runs before this change;
// - in the background service worker, writes to the 'papers' store are wrapped to stamp their
//   transaction's 'complete' event, next to a listener that stamps each setState message's arrival.
// Clocks are never compared across processes: page-side and worker-side spans are reported apart.
import { benchUrl, contentWorld, waitForControls } from './browser.mjs';
import { summarise } from './stats.mjs';

/** How long the button is held: under any person's click (~60–150 ms), past the mousedown's frame. */
export const PRESS_MS = 50;

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
 * Content-script side, once a pass: stamps each trusted click's event time, the moment its card
 * shows aria-pressed=`pressed`, and the moment each setState reply arrives.
 */
function instrumentContentWorld(pressed) {
  globalThis.__benchRt?.stop();
  const observers = [];
  const ac = new AbortController();
  const rt = (globalThis.__benchRt = {
    pressed,
    clicks: [],
    dispatched: [],
    shown: [],
    replies: [],
    stop() {
      ac.abort();
      for (const mo of observers) mo.disconnect();
    },
  });
  for (const runtime of new Set([globalThis.browser?.runtime, globalThis.chrome?.runtime].filter(Boolean))) {
    if (runtime.sendMessage.benchWrapped) continue; // by the pass before
    const send = runtime.sendMessage;
    runtime.sendMessage = function (...args) {
      const p = send.apply(this, args);
      const { replies } = globalThis.__benchRt; // this pass's
      if (args[0]?.type === 'setState') p.then(() => replies.push(performance.now()), () => replies.push(NaN));
      return p;
    };
    runtime.sendMessage.benchWrapped = true;
  }
  document.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted) return;
      rt.clicks.push(e.timeStamp); // when the input happened
      rt.dispatched.push(performance.now()); // when the page got to it
    },
    { capture: true, signal: ac.signal },
  );
  for (const star of starButtons()) {
    const mo = new MutationObserver(() => {
      if (star.getAttribute('aria-pressed') !== String(pressed)) return;
      rt.shown.push(performance.now());
      mo.disconnect();
    });
    mo.observe(star, { attributes: true, attributeFilter: ['aria-pressed'] });
    observers.push(mo);
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
    confirmed: star.getAttribute('aria-pressed') === String(rt.pressed),
  };
}

/** One pass: each of the first `count` Stars clicked, held `press` ms, until it shows `pressed`. */
async function clickStars(page, world, count, { press, pressed }) {
  await world.evaluate(instrumentContentWorld, pressed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const { x, y } = await page.evaluate(starCentre, i);
    await page.mouse.click(x, y, { delay: press });
    out.push(await world.evaluate(sampleAfterReply, i));
    await page.waitForTimeout(30); // let the background's push to the tab settle before the next
  }
  return out;
}

/**
 * The control: input delivery (a trusted click's timestamp → the first capture listener) for
 * clicks on card titles (their navigation prevented), held PRESS_MS and instant, in `browser`.
 */
async function inputDelivery(browser, cards, clicks) {
  const page = await browser.context.newPage();
  try {
    await page.goto(benchUrl(cards), { waitUntil: 'load' });
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__benchInput = [];
      document.addEventListener('click', (e) => {
        if (!e.isTrusted) return;
        window.__benchInput.push(performance.now() - e.timeStamp);
        e.preventDefault(); // a title is a link
      }, { capture: true });
    });
    const byPress = { held: [], instant: [] };
    for (let i = 0; i < clicks; i++) {
      const held = i % 2 === 0; // alternately, so that both meet the same conditions
      const { x, y } = await page.evaluate((i) => {
        const title = document.querySelectorAll('article h3')[i];
        title.scrollIntoView({ block: 'center' });
        const r = title.getBoundingClientRect();
        return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
      }, i % cards);
      await page.mouse.click(x, y, { delay: held ? PRESS_MS : 0 });
      await page.waitForTimeout(30);
      const d = await page.evaluate(() => window.__benchInput.pop());
      (held ? byPress.held : byPress.instant).push(d);
    }
    return { heldMs: summarise(byPress.held), instantMs: summarise(byPress.instant) };
  } finally {
    await page.close();
  }
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

/** Worker side: the stamps so far, cleared for the next pass. */
function takeWorkerStamps() {
  const rt = globalThis.__benchRt ?? { received: [], commits: [] }; // none if MV3 restarted the worker
  return { received: rt.received.splice(0), commits: rt.commits.splice(0) };
}

/**
 * The first `clicks` Stars of a `cards`-card listing clicked twice: held PRESS_MS (starring, the
 * budget's figures), then instant presses (un-starring); then the input-delivery control in both
 * browsers.
 */
export async function benchRoundTrip(browser, withoutExt, { cards, clicks, ids }) {
  const page = await browser.context.newPage();
  try {
    await page.goto(benchUrl(cards), { waitUntil: 'load' });
    await waitForControls(page, cards);
    await page.waitForTimeout(300);
    const world = await contentWorld(page, browser.extensionId);
    const pass = async (press, pressed) => {
      // Each pass: a worker MV3 restarted since has lost the instrumentation (it is idempotent).
      await (await browser.currentWorker()).evaluate(instrumentWorker);
      await (await browser.currentWorker()).evaluate(takeWorkerStamps);
      const samples = await clickStars(page, world, clicks, { press, pressed });
      const stamps = await (await browser.currentWorker()).evaluate(takeWorkerStamps);
      const inWorker = stamps.received.length === samples.length ? stamps.received.map((t, i) => (stamps.commits[i] ?? NaN) - t) : [];
      const starred = await (await browser.currentWorker()).evaluate(countStarred, ids.slice(0, clicks));
      return {
        pressMs: press,
        /** click → reply back in the content script (the write committed before the reply is sent). */
        roundTripMs: summarise(samples.map((s) => s.replyMs)),
        /** click → the card's aria-pressed flips (optimistic, before the write). */
        shownMs: summarise(samples.map((s) => s.shownMs)),
        /** click → the page's first listener runs (input delivery, before any of our code). */
        inputDelayMs: summarise(samples.map((s) => s.inputDelayMs)),
        /** In the service worker: setState message received → IndexedDB transaction complete. */
        workerReceiveToCommitMs: summarise(inWorker),
        confirmedOnCard: samples.filter((s) => s.confirmed).length,
        /** Of the clicked papers, how many IndexedDB has starred afterwards. */
        starredInIndexedDb: starred,
      };
    };
    const held = await pass(PRESS_MS, true);
    const instant = await pass(0, false);
    await world.detach();
    return {
      clicks,
      cards,
      /** Held PRESS_MS, starring: the budget's figures. */
      held,
      /** Instant presses (Playwright's default; how runs before this change measured), un-starring. */
      instant,
      /** Input delivery on card titles, by press, without and with the extension. */
      inputControl: { withoutExt: await inputDelivery(withoutExt, cards, 60), withExt: await inputDelivery(browser, cards, 60) },
    };
  } finally {
    await page.close();
  }
}
