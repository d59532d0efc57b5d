import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type TriageDB } from '@/lib/db';
import { Fetcher, retryAfterMs } from '@/lib/enrich/fetcher';
import { toEnrichment, type Enrichment } from '@/lib/enrich/hf-api';
import { createEnrichService, FRESH_FOR, isFresh, nextCacheEntry, type CachedEnrichment } from '@/lib/enrich/service';
import { fixtureText } from './fixtures';

const API_PAPER = JSON.parse(fixtureText('api_paper_2608.09888.json'));
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('reading the paper API', () => {
  it('takes code, stars, project page, keywords and citing counts from a real answer', () => {
    const e = toEnrichment('2608.09888', API_PAPER, 5);
    expect(e).toEqual({
      id: '2608.09888',
      status: 'found',
      githubRepo: 'https://github.com/pathwaycom/arc-task-gen',
      githubStars: 11184,
      projectPage: 'https://pathway.com/blog/pathway-150m-model-breaks-arc-agi-1-cost-efficiency-frontier',
      aiKeywords: API_PAPER.ai_keywords,
      models: 0,
      datasets: 1,
      spaces: 0,
      fetchedAt: 5,
    });
  });

  it.each([
    ['an empty object', {}, 'error'],
    ['an array', [], 'error'],
    ['null', null, 'error'],
    ['another paper', { ...API_PAPER, id: '2401.00001' }, 'error'],
    ['no code', { id: '2608.09888', title: 'x' }, 'none'],
    ['wrong types', { id: '2608.09888', githubRepo: 42, githubStars: 'many', ai_keywords: 'x', numTotalModels: -1 }, 'none'],
  ])('%s → %s', (_name, body, status) => {
    const e = toEnrichment('2608.09888', body, 0);
    expect(e.status).toBe(status);
    expect(e.models).toBe(0);
    expect(e.aiKeywords).toEqual([]);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});

describe('Fetcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('never runs more than `concurrency` requests at once, and asks once per paper', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const fetch = vi.fn(async (url: string) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 100));
      inFlight--;
      return json({ id: url.split('/').pop(), githubRepo: 'https://github.com/a/b' });
    });
    const fetcher = new Fetcher({ fetch, concurrency: 3 });
    const ids = Array.from({ length: 10 }, (_, i) => `2401.0000${i}`);
    const all = Promise.all([...ids, ...ids].map((id) => fetcher.get(id)));
    await vi.runAllTimersAsync();
    const results = await all;
    expect(results.every((r) => r.status === 'found')).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(10);
    expect(maxInFlight).toBe(3);
  });

  it('backs off on 429 for Retry-After, pausing every request, then succeeds', async () => {
    const calls: number[] = [];
    let first = true;
    const fetch = vi.fn(async (url: string) => {
      calls.push(Date.now());
      if (first) {
        first = false;
        return json({}, 429, { 'Retry-After': '5' });
      }
      return json({ id: url.split('/').pop() });
    });
    const fetcher = new Fetcher({ fetch, concurrency: 1 });
    const a = fetcher.get('2401.00001');
    const b = fetcher.get('2401.00002');
    await vi.runAllTimersAsync();
    expect((await a).status).toBe('none');
    expect((await b).status).toBe('none');
    expect(calls).toHaveLength(3);
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(5000);
    expect(calls[2]).toBeGreaterThanOrEqual(calls[1]);
  });

  it('retries 5xx with exponential backoff and gives up as "error"', async () => {
    const calls: number[] = [];
    const fetch = vi.fn(async () => {
      calls.push(Date.now());
      return json({}, 503);
    });
    const fetcher = new Fetcher({ fetch, retries: 3, baseDelayMs: 1000 });
    const result = fetcher.get('2401.00001');
    await vi.runAllTimersAsync();
    expect((await result).status).toBe('error');
    expect(calls).toHaveLength(4);
    const gaps = calls.slice(1).map((t, i) => t - calls[i]);
    expect(gaps).toEqual([1000, 2000, 4000]);
  });

  it('a slow answer times out and counts as a failure', async () => {
    const fetch = vi.fn(
      (_url: string, init: { signal: AbortSignal }) =>
        new Promise<Response>((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const fetcher = new Fetcher({ fetch, timeoutMs: 8000, retries: 1, baseDelayMs: 100 });
    const result = fetcher.get('2401.00001');
    await vi.runAllTimersAsync();
    expect((await result).status).toBe('error');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['404', () => json({ error: 'Not found' }, 404), 'none'],
    ['malformed JSON', () => new Response('<html>oops', { status: 200 }), 'error'],
    ['an empty body', () => new Response('', { status: 200 }), 'error'],
    ['a 403', () => json({}, 403), 'error'],
  ])('%s → %s, without retrying', async (_name, answer, status) => {
    const fetch = vi.fn(async () => answer());
    const fetcher = new Fetcher({ fetch });
    const result = fetcher.get('2401.00001');
    await vi.runAllTimersAsync();
    expect((await result).status).toBe(status);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('enrichment cache', () => {
  const found: Enrichment = { id: '2401.00001', status: 'found', githubRepo: 'https://github.com/a/b', aiKeywords: [], models: 2, datasets: 0, spaces: 1, fetchedAt: 0 };

  it('keeps found code a week, "none" a day, errors ten minutes', () => {
    const entry = nextCacheEntry(found, undefined, 0);
    expect(isFresh(entry, FRESH_FOR.found - 1)).toBe(true);
    expect(isFresh(entry, FRESH_FOR.found)).toBe(false);
    expect(nextCacheEntry({ ...found, status: 'none' }, undefined, 0).expiresAt).toBe(24 * 3_600_000);
    expect(nextCacheEntry({ ...found, status: 'error' }, undefined, 0).expiresAt).toBe(600_000);
  });

  it('a failed refresh keeps the last good answer and re-checks it soon', () => {
    const previous = nextCacheEntry(found, undefined, 0);
    const next = nextCacheEntry({ ...found, status: 'error', githubRepo: undefined, fetchedAt: 9 }, previous, 1_000);
    expect(next).toMatchObject({ status: 'found', githubRepo: 'https://github.com/a/b', expiresAt: 1_000 + FRESH_FOR.error });
  });
});

describe('enrichment service', () => {
  let db: TriageDB;
  let clock: number;
  beforeEach(() => {
    db = openDb(`enrich-${Math.random()}`);
    clock = 1_000_000;
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function setup(enabled = true) {
    const updates: CachedEnrichment[] = [];
    const get = vi.fn(async (id: string): Promise<Enrichment> => ({ ...found(id), fetchedAt: clock }));
    const service = createEnrichService({ db, fetcher: { get }, enabled: async () => enabled, onUpdate: (e) => updates.push(...e), now: () => clock });
    return { service, get, updates };
  }
  const found = (id: string): Enrichment => ({ id, status: 'found', githubRepo: `https://github.com/o/${id}`, aiKeywords: [], models: 0, datasets: 0, spaces: 0, fetchedAt: 0 });
  const settle = () => vi.waitFor(async () => expect(await db.links.count()).toBeGreaterThan(0));

  it('fetches what is not cached, stores it, and pushes it', async () => {
    const { service, get, updates } = setup();
    expect(await service.lookup(['2401.00001'])).toEqual({ known: [], fetching: ['2401.00001'] });
    await settle();
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    expect(get).toHaveBeenCalledWith('2401.00001');
    // Asked again while fresh: answered from the cache, no new request.
    const again = await service.lookup(['2401.00001']);
    expect(again.fetching).toEqual([]);
    expect(again.known[0]).toMatchObject({ status: 'found', githubRepo: 'https://github.com/o/2401.00001' });
    expect(get).toHaveBeenCalledTimes(1);
    // A week later it is stale: the cached answer is still given, and a refresh starts.
    clock += FRESH_FOR.found;
    expect(await service.lookup(['2401.00001'])).toMatchObject({ known: [{ id: '2401.00001' }], fetching: ['2401.00001'] });
    await vi.waitFor(() => expect(get).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(updates).toHaveLength(2));
  });

  it('fetches nothing for hidden papers', async () => {
    const { service, get } = setup();
    await db.papers.put({ id: '2401.00002', title: 't', authors: [], tags: [], url: 'https://huggingface.co/papers/2401.00002', hiddenAt: 1, updatedAt: 1 });
    expect((await service.lookup(['2401.00002'])).fetching).toEqual([]);
    await new Promise((r) => setTimeout(r, 20));
    expect(get).not.toHaveBeenCalled();
  });

  it('fetches nothing when the user turned enrichment off, but still answers from the cache', async () => {
    const { service, get } = setup(false);
    await db.links.put({ ...found('2401.00003'), expiresAt: 0 });
    const { known, fetching } = await service.lookup(['2401.00003', '2401.00004']);
    expect(known.map((k) => k.id)).toEqual(['2401.00003']);
    expect(fetching).toEqual([]);
    await new Promise((r) => setTimeout(r, 20));
    expect(get).not.toHaveBeenCalled();
  });
});
