// The first question about the page (lib/page/page-question.ts) and the parser watch that asks it
// early (lib/hf/props.ts watchIslands).
import { describe, expect, it, vi } from 'vitest';
import { watchIslands } from '@/lib/hf/props';
import type { PagePaper } from '@/lib/hf/page-paper';
import type { Reply, Request } from '@/lib/messages';
import { createPageQuestion, MAX_ISLANDS } from '@/lib/page/page-question';
import { PROPS_PART_CHARS, PROPS_PARTS_MISSING } from '@/lib/papers/props-parts';

const paper = (id: string, more: Partial<PagePaper> = {}): PagePaper => ({ id, authors: [], aiKeywords: [], ...more });

/** A background stand-in whose replies are released by hand. */
function heldBackground() {
  const asked: { props: string[]; reply: (r: Reply) => void; fail: (e: Error) => void }[] = [];
  const send = vi.fn(
    (req: Request) =>
      new Promise<Reply>((reply, fail) => {
        if (req.type !== 'getStates' || !req.props) throw new Error(`unexpected ${req.type}`);
        asked.push({ props: req.props, reply, fail });
      }),
  );
  return { send, asked };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the question about the page', () => {
  it('sends a big island in parts, one message a turn, then the question naming them; whole again if the background lacks a part', async () => {
    const big = 'ab'.repeat(PROPS_PART_CHARS + 5); // three parts
    const sent: Request[] = [];
    const send = vi.fn(async (req: Request): Promise<Reply> => {
      sent.push(req);
      if (req.type === 'getStates' && req.propsParts) return { ok: false, error: PROPS_PARTS_MISSING }; // the worker restarted
      return req.type === 'getStates' ? { ok: true, states: { '2401.00001': { starred: true, hidden: false } } } : { ok: true };
    });
    const q = createPageQuestion(send);
    q.ask(big);
    expect(sent).toHaveLength(0); // not in the turn that found the island
    await flush();
    expect(sent).toHaveLength(1);
    await vi.waitFor(() => expect(sent.some((r) => r.type === 'getStates' && r.props)).toBe(true));
    const parts = sent.filter((r): r is Extract<Request, { type: 'propsPart' }> => r.type === 'propsPart');
    expect(parts.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(new Set(parts.map((p) => p.key)).size).toBe(1);
    expect(parts.map((p) => p.text).join('')).toBe(big);
    expect(parts.every((p) => p.text.length <= PROPS_PART_CHARS)).toBe(true);
    expect(sent[3]).toEqual({ type: 'getStates', ids: [], propsParts: [{ key: parts[0].key, count: 3 }] });
    expect(sent[4]).toEqual({ type: 'getStates', ids: [], props: [big] });
    expect(await q.answer([big])).toMatchObject({ states: { '2401.00001': { starred: true } } });
  });

  it('asks once per island; an answer already in is given at once, merged', async () => {
    const bg = heldBackground();
    const q = createPageQuestion(bg.send);
    q.ask('A');
    q.ask('A');
    q.ask('B');
    expect(bg.asked.map((a) => a.props)).toEqual([['A'], ['B']]);
    bg.asked[0].reply({ ok: true, papers: { '2401.00001': paper('2401.00001', { title: 'One' }) }, states: { '2401.00001': { starred: true, hidden: false } }, facets: { '2401.00001': { tags: [], manualTags: [], aiKeywords: [] } } });
    bg.asked[1].reply({ ok: true, states: {} });
    await flush();
    const answer = q.answer(['A', 'B']);
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toMatchObject({ states: { '2401.00001': { starred: true } }, facets: { '2401.00001': { tags: [] } } });
    expect([...(answer as { papers: Map<string, PagePaper> }).papers.keys()]).toEqual(['2401.00001']);
  });

  it('waits for islands still on their way, and asks about those never asked', async () => {
    const bg = heldBackground();
    const q = createPageQuestion(bg.send);
    q.ask('A');
    const answer = q.answer(['A', 'C']);
    expect(answer).toBeInstanceOf(Promise);
    expect(bg.asked.map((a) => a.props)).toEqual([['A'], ['C']]);
    bg.asked[1].reply({ ok: true, states: { '2401.00003': { starred: false, hidden: true } } });
    bg.asked[0].reply({ ok: true, states: {} });
    expect(await answer).toMatchObject({ states: { '2401.00003': { hidden: true } } });
  });

  it('takes an early answer once: asking again asks the background anew (fresh states)', async () => {
    const bg = heldBackground();
    const q = createPageQuestion(bg.send);
    q.ask('A');
    bg.asked[0].reply({ ok: true, states: {} });
    await flush();
    q.answer(['A']);
    const again = q.answer(['A']);
    expect(again).toBeInstanceOf(Promise);
    expect(bg.send).toHaveBeenCalledTimes(2);
  });

  it('forgets islands asked early that the page no longer has', async () => {
    const bg = heldBackground();
    const q = createPageQuestion(bg.send);
    q.ask('old');
    const answer = q.answer(['new']);
    bg.asked[1].reply({ ok: true, states: {} });
    await expect(answer).resolves.toMatchObject({ states: {} });
    q.answer(['old']);
    expect(bg.send).toHaveBeenCalledTimes(3); // asked anew, not taken from before
  });

  it('takes a paper two islands describe from the first, with that island\'s facets', async () => {
    const bg = heldBackground();
    const q = createPageQuestion(bg.send);
    const answer = q.answer(['A', 'B']);
    const tag = (label: string) => ({ tags: [{ label, source: 'topic' as const, why: 'title' }], manualTags: [], aiKeywords: [] });
    bg.asked[0].reply({ ok: true, papers: { '2401.00001': paper('2401.00001', { title: 'One' }), '2401.00002': paper('2401.00002') }, states: {}, facets: { '2401.00001': tag('LLM'), '2401.00002': tag('RL') } });
    bg.asked[1].reply({ ok: true, papers: { '2401.00001': paper('2401.00001', { title: 'Other', abstract: 'Text' }) }, states: {}, facets: { '2401.00001': tag('Robotics') } });
    const a = (await answer)!;
    expect(a.papers.get('2401.00001')).toMatchObject({ title: 'One' });
    expect(a.facets['2401.00001'].tags[0].label).toBe('LLM');
    expect(a.facets['2401.00002'].tags[0].label).toBe('RL');
  });

  it('asks about the first MAX_ISLANDS islands only (a page adding thousands floods nothing)', () => {
    const bg = heldBackground();
    const q = createPageQuestion(bg.send);
    for (let i = 0; i < 3 * MAX_ISLANDS; i++) q.ask(`early ${i}`);
    expect(bg.send).toHaveBeenCalledTimes(MAX_ISLANDS);
    void q.answer(Array.from({ length: 3 * MAX_ISLANDS }, (_, i) => `late ${i}`));
    expect(bg.send).toHaveBeenCalledTimes(2 * MAX_ISLANDS);
  });

  it('is undefined when no island was answered (the background is gone), whatever answered', async () => {
    const bg = heldBackground();
    const q = createPageQuestion(bg.send);
    const answer = q.answer(['A', 'B']);
    bg.asked[0].fail(new Error('Extension context invalidated'));
    bg.asked[1].reply({ ok: false, error: 'bad' });
    expect(await answer).toBeUndefined();
    // One island answering is an answer.
    const q2 = createPageQuestion(bg.send);
    const partial = q2.answer(['A', 'B']);
    bg.asked[2].fail(new Error('gone'));
    bg.asked[3].reply({ ok: true, states: { '2401.00009': { starred: true, hidden: false } } });
    expect(await partial).toMatchObject({ states: { '2401.00009': { starred: true } } });
  });
});

describe('asking while the page loads', () => {
  it('tells each island as the parser inserts it, and stops at the first card', async () => {
    const doc = document.implementation.createHTMLDocument('');
    const seen: string[] = [];
    watchIslands(doc, (p) => seen.push(p));
    const island = (target: string, props: string) => {
      const el = doc.createElement('div');
      el.setAttribute('data-target', target);
      el.setAttribute('data-props', props);
      return el;
    };
    // As a parser does: one node at a time, parents before their children.
    doc.body.append(island('MainHeader', '{"a":1}'));
    const list = island('DailyPapers', '{"dailyPapers":[]}');
    doc.body.append(list);
    doc.body.append(Object.assign(doc.createElement('div'), { textContent: 'no props' }));
    await flush();
    list.append(doc.createElement('article'));
    await flush();
    doc.body.append(island('Footer', '{"late":true}'));
    await flush();
    expect(seen).toEqual(['{"a":1}', '{"dailyPapers":[]}']);
  });

  it('stops when told (DOMContentLoaded)', async () => {
    const doc = document.implementation.createHTMLDocument('');
    const seen: string[] = [];
    const watch = watchIslands(doc, (p) => seen.push(p));
    watch.stop();
    const el = doc.createElement('div');
    el.setAttribute('data-target', 'DailyPapers');
    el.setAttribute('data-props', '{}');
    doc.body.append(el);
    await flush();
    expect(seen).toEqual([]);
  });
});
