// scripts/bench/trace.mjs: where a trace's main-thread time went. A trace started after the load (a
// scroll) has no parse of the page's URL to find its thread by: asked to, the renderer thread that
// painted most is taken.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the bench, without types
import { selfTimeByName } from '../../scripts/bench/trace.mjs';

const x = (name: string, tid: number, ts: number, dur: number) => ({ ph: 'X', name, pid: 1, tid, ts, dur });

describe('bench trace: self time by event', () => {
  it('finds the painting thread of a trace that began after the load, and counts each event once (nested ones apart)', () => {
    const events = [
      // The page's main thread: a frame with layout, pre-paint and paint inside.
      x('ThreadControllerImpl::RunTask', 7, 0, 10_000),
      x('Layout', 7, 1_000, 3_000),
      x('PrePaint', 7, 4_000, 2_000),
      x('Paint', 7, 6_000, 2_500),
      x('Paint', 7, 20_000, 1_000),
      // Another renderer thread (another frame's, say): one paint, a long task of its own.
      x('Paint', 9, 0, 50_000),
      x('ThreadControllerImpl::RunTask', 9, 0, 60_000),
    ];
    const by = selfTimeByName(events, 'https://huggingface.co/papers?bench=1000', { thread: 'painted most' });
    expect(by).toEqual({ Paint: 3.5, Layout: 3, PrePaint: 2, 'ThreadControllerImpl::RunTask': 2.5 });
    // Not asked to: a load's summaries keep finding nothing rather than some thread.
    expect(selfTimeByName(events, 'https://huggingface.co/papers?bench=1000')).toEqual({});
  });

  it("takes the thread that parsed the page's URL over the one that painted most", () => {
    const url = 'https://huggingface.co/papers?bench=100';
    const events = [
      { ...x('ParseHTML', 3, 0, 4_000), args: { beginData: { url } } },
      x('Paint', 9, 0, 1_000),
      x('Paint', 9, 2_000, 1_000),
    ];
    expect(selfTimeByName(events, url, { thread: 'painted most' })).toEqual({ ParseHTML: 4 });
  });

  it('says nothing for a trace without any paint or parse', () => {
    expect(selfTimeByName([x('RunTask', 1, 0, 5)], 'https://huggingface.co/papers', { thread: 'painted most' })).toEqual({});
  });
});
