// Chromium tracing through a Playwright CDP session, and the two questions we ask of a trace:
// which main-thread tasks ran the extension's code (and how long they took), and where the
// main thread's time went (self time by trace event name) in a window.
import { round1 } from './stats.mjs';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
].join(',');

/** Starts tracing on `page`; returns stop() → the trace events. */
export async function startTrace(context, page) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async function stop() {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    return events;
  };
}

/**
 * The renderer main thread that parsed `url` (the page's thread, not the service worker's). With
 * `thread: 'painted most'`, a trace begun after the load (a scroll) falls back to the thread that
 * painted most.
 */
function pageThread(events, url, { thread } = {}) {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (parse) return { pid: parse.pid, tid: parse.tid };
  const nav = events.find((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url === url);
  if (nav) return { pid: nav.pid, tid: nav.tid };
  if (thread !== 'painted most') return null;
  const painted = new Map();
  for (const e of events) if (e.name === 'Paint') painted.set(`${e.pid}:${e.tid}`, (painted.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const [busiest] = [...painted].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!busiest) return null;
  const [pid, tid] = busiest.split(':').map(Number);
  return { pid, tid };
}

/** Complete ('X') events of one thread, sorted, each with its self time (microseconds). */
function withSelfTimes(events, { pid, tid }) {
  const xs = events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of xs) {
    e.self = e.dur;
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) {
      parent.self -= e.dur;
      e.parent = parent;
    }
    stack.push(e);
  }
  return xs;
}

const scriptUrl = (e) => e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.beginData?.url ?? '';

/**
 * Tasks on the page's main thread that ran any of the extension's script (url starting with
 * `extensionOrigin`), each with its duration and the time inside the extension's script events.
 */
export function extensionTasks(events, url, extensionOrigin) {
  const thread = pageThread(events, url);
  if (!thread) return [];
  const xs = withSelfTimes(events, thread);
  const tasks = new Map();
  for (const e of xs) {
    if (!scriptUrl(e).startsWith(extensionOrigin)) continue;
    let top = e;
    while (top.parent) top = top.parent;
    const t = tasks.get(top) ?? { start: top.ts, durationMs: top.dur / 1000, scriptMs: 0 };
    if (!isInsideExtensionScript(e, extensionOrigin)) t.scriptMs += e.dur / 1000;
    tasks.set(top, t);
  }
  return [...tasks.values()].sort((a, b) => a.start - b.start);
}

function isInsideExtensionScript(e, origin) {
  for (let p = e.parent; p; p = p.parent) if (scriptUrl(p).startsWith(origin)) return true;
  return false;
}

/** Self time (ms) by event name on the page's main thread between two trace timestamps (µs). */
export function selfTimeByName(events, url, { fromTs = -Infinity, toTs = Infinity, thread: which } = {}) {
  const thread = pageThread(events, url, { thread: which });
  if (!thread) return {};
  const out = {};
  for (const e of withSelfTimes(events, thread)) {
    if (e.ts < fromTs || e.ts > toTs) continue;
    out[e.name] = (out[e.name] ?? 0) + e.self / 1000;
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

/**
 * What the extension did to the page's main thread in a listing load: how long after
 * DOMContentLoaded Chromium started the content script, and every task over 50 ms from then until
 * a second after its last script ran (the page itself runs no script then: HF's bundles are not
 * served), with the extension's script time and where the rest of each task went.
 */
export function listingTraceSummary(events, url, extensionOrigin) {
  const thread = pageThread(events, url);
  if (!thread) return null;
  const xs = withSelfTimes(events, thread);
  const ext = xs.filter((e) => scriptUrl(e).startsWith(extensionOrigin));
  if (ext.length === 0) return null;
  const first = ext[0].ts;
  const last = Math.max(...ext.map((e) => e.ts + e.dur));
  const dcl = events
    .filter((e) => e.name === 'domContentLoadedEventStart' && e.pid === thread.pid && e.ts <= first)
    .reduce((a, e) => (!a || e.ts > a.ts ? e : a), null);
  const scriptTasks = new Map(extensionTasks(events, url, extensionOrigin).map((t) => [t.start, t]));
  const tops = xs.filter((e) => !e.parent && e.dur > 50_000 && e.ts + e.dur >= first && e.ts <= last + 1_000_000);
  return {
    injectionWaitMs: dcl ? round1((first - dcl.ts) / 1000) : null,
    scriptSpanMs: round1((last - first) / 1000),
    longTasks: tops.map((t) => ({
      atMs: round1((t.ts - first) / 1000),
      durationMs: round1(t.dur / 1000),
      extensionScriptMs: round1(scriptTasks.get(t.ts)?.scriptMs ?? 0),
      top: topSelf(xs, t),
    })),
  };
}

function topSelf(xs, task) {
  const by = {};
  for (const e of xs) {
    if (e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
    let top = e;
    while (top.parent) top = top.parent;
    if (top !== task) continue;
    const name = /^(RunTask|ThreadControllerImpl::RunTask)$/.test(e.name) ? '(task)' : e.name;
    by[name] = (by[name] ?? 0) + e.self / 1000;
  }
  return Object.fromEntries(
    Object.entries(by)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, v]) => [k, round1(v)]),
  );
}

