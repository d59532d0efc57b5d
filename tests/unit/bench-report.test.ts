// The bench's report, from a results object shaped as scripts/bench/roundtrip.mjs returns it: the
// star budget is judged on the held press, and both presses are shown.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { budgets, toMarkdown } from '../../scripts/bench/report.mjs';

// Summaries as stats.mjs rounds them (to 0.1).
const span = (median: number) => ({ median, p95: median + 5, min: Math.round(median * 5) / 10, max: median + 9, n: 100 });
const pass = (pressMs: number, median: number, starred: number) => ({
  pressMs,
  roundTripMs: span(median),
  shownMs: span(median / 3),
  inputDelayMs: span(median / 4),
  workerReceiveToCommitMs: span(3),
  confirmedOnCard: 100,
  starredInIndexedDb: starred,
});
const results = {
  meta: { date: '2026-11-28 19:00 UTC', machine: '2 × CPU', chromium: 'Chromium 1', node: 'v20', runs: 5, pageNote: 'generated' },
  roundTrip: {
    clicks: 100,
    cards: 100,
    held: pass(50, 10.1, 100),
    instant: pass(0, 16.7, 0),
    inputControl: { withoutExt: { heldMs: span(1.4), instantMs: span(4.5) }, withExt: { heldMs: span(1.9), instantMs: span(6.3) } },
  },
};

describe('bench report: star round trip', () => {
  it('judges the budget on the held press', () => {
    const star = budgets(results).find((b: { name: string }) => b.name.startsWith('star round trip'));
    expect(star).toMatchObject({ value: 10.1, limit: 16, pass: true });
  });

  it('shows both presses, what each left in IndexedDB, and the control', () => {
    const md = toMarkdown({ ...results, budgets: budgets(results) });
    expect(md).toContain('| click → reply from the background (IndexedDB write committed first) | 10.1 ms (p95 15.1, 5.1–19.1) | 16.7 ms (p95 21.7, 8.4–25.7) |');
    expect(md).toContain('100/100 papers are starred in IndexedDB');
    expect(md).toContain('0 are still starred');
    expect(md).toMatch(/without the extension 1\.4 ms \(0\.7–10\.4\) held, 4\.5 ms \(2\.3–13\.5\) instant; with it 1\.9 ms \(1–10\.9\) held, 6\.3 ms \(3\.2–15\.3\) instant/);
  });
});

describe('bench report: scrolling', () => {
  const x = (longFrames: number, sums: number[], late: number[], more = {}) => ({ longFrames, sumMs: sums[1], longestMs: 90, sumRangeMs: [Math.min(...sums), Math.max(...sums)], lateHosts: late, sumsMs: sums, ...more });
  it("shows each size with and without the extension, and each run's sum beside its controls put in late", () => {
    const scroll = { 1000: { cards: 1000, steps: 60, stepPx: 400, runs: 3, withExt: x(49, [4840, 3058, 1731], [1000, 0, 0]), withoutExt: x(31, [900, 1750, 1800], [0, 0, 0]) } };
    const md = toMarkdown({ meta: results.meta, budgets: [], scroll });
    expect(md).toContain('60 steps of 400 px');
    expect(md).toContain('| 1000 | with |  |  | 49 | 3058 ms (1731–4840) | 90 ms | 4840 ms (1000), 3058 ms (0), 1731 ms (0) |');
    expect(md).toContain('| 1000 | without |  |  | 31 | 1750 ms (900–1800) | 90 ms | 900 ms (0), 1750 ms (0), 1800 ms (0) |');
    expect(md).not.toContain('traced scroll');
  });
  it('gives the frame intervals, how long the scroll took, and where a traced scroll spent the main thread', () => {
    const phases = (pre: number, paint: number) => ({ 'pre-paint': pre, paint, 'hit testing': 800 });
    const scroll = {
      1000: {
        cards: 1000, steps: 60, stepPx: 400, runs: 4,
        withExt: x(45, [3000, 2500], [0, 0], { frameP50Ms: 66.7, frameP90Ms: 100, wallMs: 8650, phasesMs: phases(780, 1330), tracedLateHosts: 1000 }),
        withoutExt: x(30, [2000, 1500], [0, 0], { frameP50Ms: 50, frameP90Ms: 83.3, wallMs: 6800, phasesMs: phases(490, 640) }),
      },
    };
    const md = toMarkdown({ meta: results.meta, budgets: [], scroll });
    expect(md).toContain('| 1000 | with | 66.7 / 100 ms | 8.7 s | 45 | 2500 ms (2500–3000) | 90 ms |');
    expect(md).toContain('| 1000 | without | 50 / 83.3 ms | 6.8 s | 30 |');
    // A run without frame intervals (none recorded) shows none, not NaN.
    const none = toMarkdown({ meta: results.meta, budgets: [], scroll: { 300: { ...scroll[1000], cards: 300, withoutExt: { ...scroll[1000].withoutExt, frameP50Ms: null, frameP90Ms: null } } } });
    expect(none).toContain('| 300 | without |  | 6.8 s | 30 |');
    expect(none).not.toContain('NaN');
    expect(md).toContain("- 1000 cards: pre-paint 780 / 490 ms; paint 1330 / 640 ms; hit testing 800 / 800 ms (the traced run with the extension had 1000 cards' controls put in late).");
  });
});

describe('bench report: loads with the worker stopped', () => {
  it('lists each load after the warm figures', () => {
    const a = { cards: 1000, annotatedAfterDclMs: span(4.8), pageLoadWithoutExtMs: span(2400), pageLoadWithExtMs: span(3100), ratioToPageLoad: 0.002, everyCardOnce: true, workerStopped: { stopsSeen: 3, annotatedAfterDclMs: [549, 4, 432], longestFrameAfterDclMs: [500, 156, 378] }, workerStoppedNothingKept: { stopsSeen: 3, annotatedAfterDclMs: [601, 498, 5], longestFrameAfterDclMs: [420, 360, 150] } };
    const t = { longestMs: span(1), tbtMs: span(1), longestAfterDclMs: span(1), tbtAfterDclMs: span(1) };
    const md = toMarkdown({ meta: results.meta, budgets: [], annotation: { 1000: { ...a, longTasks: { withExt: t, withoutExt: t }, longFramesAfterDcl: { withExt: span(1), withoutExt: span(1) } } } });
    expect(md).toContain('- 1000 cards: annotated 549, 4, 432 ms after DOMContentLoaded; longest frame after it 500, 156, 378 ms (a worker started anew in 3 of 3).');
    expect(md).toContain('- 1000 cards, nothing kept: annotated 601, 498, 5 ms after DOMContentLoaded; longest frame after it 420, 360, 150 ms (a worker started anew in 3 of 3).');
  });
});
