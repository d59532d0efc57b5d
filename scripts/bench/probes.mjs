// Code that runs inside the browser (serialised by Playwright, so self-contained functions only).

/**
 * Init script for listing pages, in the page's main world before any of its own script: records
 * long tasks, and the moment every <article> carries a rendered controls host (the extension's
 * shadow roots are open, so the page can see them): DOMContentLoaded itself when they all did by
 * then (cards finished while the page loaded take theirs at once). Watching starts at
 * DOMContentLoaded so the parser's own insertions cost nothing extra. That each host holds its
 * rendered controls is checked one task later (the check walks every card: in the same task it
 * lengthened the very task measured by ~8 ms at 1000 cards); the extension puts hosts in with
 * their controls already drawn, so the time of the last host is the time of the last controls.
 */
export function listingProbe() {
  const b = (window.__bench = { longtasks: [], frames: [], controlsAt: null, cards: 0, hosts: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames also count the style and layout that a task leaves for the next frame.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      b.frames.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration,
        styleAndLayout: e.startTime + e.duration - e.styleAndLayoutStart,
        scripts: e.scripts.map((s) => ({ url: s.sourceURL, invoker: s.invoker, duration: s.duration, world: s.executionContext })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });

  const allRendered = () =>
    [...document.querySelectorAll('article')].every((a) => {
      const hosts = a.querySelectorAll('[data-hfpt-controls]');
      return hosts.length === 1 && !!hosts[0].shadowRoot?.querySelector('button[aria-pressed]');
    });
  // Rare path (controls inserted before they render): check after each task until they are.
  const poll = () => {
    if (allRendered()) b.controlsAt = performance.now();
    else {
      const ch = new MessageChannel();
      ch.port1.onmessage = poll;
      ch.port2.postMessage(0);
    }
  };
  document.addEventListener('DOMContentLoaded', () => {
    b.cards = document.querySelectorAll('article').length;
    // Cards the extension finished while the page was still loading already carry theirs. Checked
    // in a task of its own: the check walks every card, and would lengthen the task it measures.
    b.hosts = document.querySelectorAll('[data-hfpt-controls]').length;
    if (b.hosts >= b.cards) {
      const t = performance.now();
      setTimeout(() => (allRendered() ? (b.controlsAt = t) : poll()), 0);
      return;
    }
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeType === 1 && n.hasAttribute('data-hfpt-controls')) b.hosts++;
      }
      if (b.hosts < b.cards) return;
      mo.disconnect();
      const t = performance.now(); // before the check, which is ours, not the extension's
      setTimeout(() => (allRendered() ? (b.controlsAt = t) : poll()), 0);
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
  });
}

/** After the run: what the probe saw, plus the navigation timings. */
export function readListingProbe() {
  const nav = performance.getEntriesByType('navigation')[0];
  const b = window.__bench;
  return {
    dcl: nav.domContentLoadedEventStart,
    load: nav.loadEventEnd,
    controlsAt: b.controlsAt,
    cards: b.cards,
    longtasks: b.longtasks,
    frames: b.frames,
    controlHosts: document.querySelectorAll('[data-hfpt-controls]').length,
  };
}

/**
 * Resolves once the page has been quiet for a while: loaded, no long task or long frame in the
 * last 400 ms, and at least 3 s since DOMContentLoaded (gives up after 15 s). Used before reading
 * the probe, so that what follows an insertion (style, layout) and what the content script does
 * later on its own (its page-health check runs 1.5 s after it starts) are on the record.
 */
export function waitForQuiet() {
  const QUIET_MS = 400;
  const AFTER_DCL_MS = 3000;
  const started = performance.now();
  const dcl = () => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart || 0;
  const lastBusy = () => {
    const b = window.__bench;
    const ends = [...(b?.longtasks ?? []), ...(b?.frames ?? [])].map((t) => t.start + t.duration);
    return Math.max(0, ...ends);
  };
  return new Promise((resolve) => {
    const check = () => {
      const now = performance.now();
      const quiet = document.readyState === 'complete' && now - lastBusy() >= QUIET_MS && now - dcl() >= AFTER_DCL_MS;
      if (quiet || now - started > 15_000) resolve();
      else setTimeout(check, 100);
    };
    check();
  });
}
