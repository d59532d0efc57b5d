// The page's JSON in parts (lib/papers/props-parts.ts), and the handler that joins them for getStates.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPropsParts, MAX_PROPS_PARTS, PROPS_PARTS_MISSING } from '@/lib/papers/props-parts';
import { handleRequest, type HandlerDeps } from '@/lib/papers/handler';
import { Request } from '@/lib/messages';
import { openDb, type TriageDB } from '@/lib/db';
import { createPaperService } from '@/lib/papers/service';
import { fixtureText, LISTING, parsePage } from './fixtures';

describe('createPropsParts', () => {
  it('joins the parts in order, once', () => {
    const parts = createPropsParts();
    expect(parts.add('key-0001', 1, 'world')).toBe(true);
    expect(parts.add('key-0001', 0, 'hello ')).toBe(true);
    expect(parts.take('key-0001', 2)).toBe('hello world');
    expect(parts.take('key-0001', 2)).toBeNull(); // forgotten once taken
  });

  it('says null when a part is missing or the count is not what came', () => {
    const parts = createPropsParts();
    parts.add('key-0001', 0, 'a');
    parts.add('key-0001', 2, 'c');
    expect(parts.take('key-0001', 3)).toBeNull();
    parts.add('key-0002', 0, 'a');
    parts.add('key-0002', 1, 'b');
    expect(parts.take('key-0002', 3)).toBeNull();
    expect(parts.take('never-sent', 1)).toBeNull();
  });

  it('refuses an index out of range, and keeps parts only for a while and for a few islands', () => {
    let t = 0;
    const parts = createPropsParts({ now: () => t, maxKeys: 2, ttlMs: 1000 });
    expect(parts.add('key-0001', MAX_PROPS_PARTS, 'x')).toBe(false);
    expect(parts.add('key-0001', -1, 'x')).toBe(false);
    parts.add('key-0001', 0, 'a');
    parts.add('key-0002', 0, 'b');
    parts.add('key-0003', 0, 'c'); // a third island: the oldest is let go
    expect(parts.take('key-0001', 1)).toBeNull();
    expect(parts.take('key-0002', 1)).toBe('b');
    t = 2000;
    parts.add('key-0004', 0, 'd'); // later than the time the third had
    expect(parts.take('key-0003', 1)).toBeNull();
    expect(parts.take('key-0004', 1)).toBe('d');
  });
});

describe('getStates with props sent in parts', () => {
  let db: TriageDB;
  let deps: HandlerDeps;
  beforeEach(() => {
    db = openDb(`props-parts-${Math.random()}`);
    deps = { db, papers: createPaperService(db), enrich: { lookup: async () => ({ known: [], fetching: [] }) }, onStates: () => {} };
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });
  const props = parsePage(fixtureText(LISTING)).querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!;

  it('answers as for the props sent whole', async () => {
    const whole = await handleRequest(deps, { type: 'getStates', ids: [], props: [props] }, 'content');
    const third = Math.ceil(props.length / 3);
    for (const index of [2, 0, 1]) {
      const part: Request = { type: 'propsPart', key: 'abcdef-123456', index, text: props.slice(index * third, (index + 1) * third) };
      expect(await handleRequest(deps, part, 'content')).toEqual({ ok: true });
    }
    const joined = await handleRequest(deps, { type: 'getStates', ids: [], propsParts: [{ key: 'abcdef-123456', count: 3 }] }, 'content');
    expect(joined).toEqual(whole);
    expect(Object.keys((joined as { papers: object }).papers)).toHaveLength(13);
  });

  it('says so when a part is missing (the worker restarted), and the schema bounds what a page sends', async () => {
    await handleRequest(deps, { type: 'propsPart', key: 'abcdef-123456', index: 1, text: props.slice(10) }, 'content');
    const reply = await handleRequest(deps, { type: 'getStates', ids: [], propsParts: [{ key: 'abcdef-123456', count: 2 }] }, 'content');
    expect(reply).toEqual({ ok: false, error: PROPS_PARTS_MISSING });
    expect(Request.safeParse({ type: 'propsPart', key: 'a/b', index: 0, text: '' }).success).toBe(false);
    expect(Request.safeParse({ type: 'propsPart', key: 'abcdef-123456', index: MAX_PROPS_PARTS, text: '' }).success).toBe(false);
    expect(Request.safeParse({ type: 'propsPart', key: 'abcdef-123456', index: 0, text: 'x'.repeat(1024 * 1024 + 1) }).success).toBe(false);
    expect(Request.safeParse({ type: 'getStates', ids: [], propsParts: [{ key: 'abcdef-123456', count: MAX_PROPS_PARTS + 1 }] }).success).toBe(false);
  });
});
