import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type TriageDB } from '@/lib/db';
import { classifySender, handleRequest, settingsOf, type HandlerDeps } from '@/lib/papers/handler';
import { readSettings } from '@/lib/settings-store';
import { createPaperService, type PaperService } from '@/lib/papers/service';
import { createTagger, type RememberedTags } from '@/lib/tags/facets';
import { createTagMemory } from '@/lib/tags/memory';
import { fakeSessionArea } from './fake-session';
import { fixtureText, LISTING, parsePage } from './fixtures';

const paper = {
  id: '2407.21783',
  title: 'The Llama 3 Herd of Models',
  authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Abhinav Pandey'],
  abstract: 'Modern artificial intelligence (AI) systems are powered by foundation models.',
  tags: ['LLM'],
  codeUrl: 'https://github.com/meta-llama/llama3',
};

let db: TriageDB;
let service: PaperService;
let clock = 1_000;

beforeEach(() => {
  db = openDb(`test-${Math.random()}`);
  clock = 1_000;
  service = createPaperService(db, () => clock);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const deps = (onStates = vi.fn()): HandlerDeps => ({ db, papers: service, enrich: { lookup: async () => ({ known: [], fetching: [] }) }, onStates });

describe('paper service', () => {
  it('stars a paper with its snapshot, and unstars it', async () => {
    expect(await service.setState(paper.id, { starred: true }, paper)).toEqual({ starred: true, hidden: false, at: 1_000 });
    const row = await db.papers.get(paper.id);
    expect(row).toMatchObject({ title: paper.title, authors: paper.authors, tags: ['LLM'], starredAt: 1_000, url: 'https://huggingface.co/papers/2407.21783' });
    clock = 2_000;
    expect(await service.setState(paper.id, { starred: false })).toEqual({ starred: false, hidden: false, at: 2_000 });
    const after = await db.papers.get(paper.id);
    expect(after!.starredAt).toBeUndefined();
    expect(after!.title).toBe(paper.title); // unstarring keeps what we know
  });

  it('a snapshot that knows less (DOM fallback) never erases what an earlier one knew', async () => {
    await service.setState(paper.id, { starred: true }, paper);
    await service.setState(paper.id, { hidden: true }, { id: paper.id, title: paper.id, authors: [], tags: [] });
    expect(await db.papers.get(paper.id)).toMatchObject({ title: paper.title, authors: paper.authors, tags: ['LLM'], abstract: paper.abstract, codeUrl: paper.codeUrl });
    await service.setState(paper.id, { hidden: false }, { ...paper, title: 'The Llama 3 Herd of Models (v2)', tags: ['LLM', 'Reasoning'] });
    expect(await db.papers.get(paper.id)).toMatchObject({ title: 'The Llama 3 Herd of Models (v2)', tags: ['LLM', 'Reasoning'] });
  });

  it('counts writes per paper strictly upwards, even within one millisecond', async () => {
    const a = await service.setState(paper.id, { starred: true }, paper);
    const b = await service.setState(paper.id, { starred: false });
    const c = await service.setState(paper.id, { starred: true });
    expect([a.at, b.at, c.at]).toEqual([1_000, 1_001, 1_002]); // the clock stood still
  });

  it('keeps the first starredAt when starred again', async () => {
    await service.setState(paper.id, { starred: true }, paper);
    clock = 5_000;
    await service.setState(paper.id, { starred: true }, paper);
    expect((await db.papers.get(paper.id))!.starredAt).toBe(1_000);
  });

  it('hides independently of starring', async () => {
    await service.setState(paper.id, { starred: true }, paper);
    await service.setState(paper.id, { hidden: true }, paper);
    expect(await service.getStates([paper.id, '2401.00001'])).toMatchObject({
      [paper.id]: { starred: true, hidden: true },
      '2401.00001': { starred: false, hidden: false },
    });
  });

  it('lists starred papers newest first through the starredAt index', async () => {
    for (const [i, id] of ['2401.00001', '2401.00002', '2401.00003'].entries()) {
      clock = 1_000 + i;
      await service.setState(id, { starred: true }, { ...paper, id });
    }
    await service.setState('2401.00004', { hidden: true }, { ...paper, id: '2401.00004' });
    const ids = (await db.papers.orderBy('starredAt').reverse().toArray()).map((r) => r.id);
    expect(ids).toEqual(['2401.00003', '2401.00002', '2401.00001']);
  });
});

describe('message handling', () => {
  const snapshot = async () => JSON.stringify([await db.papers.toArray(), await db.settings.toArray()]);

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['unknown type', { type: 'dropTable' }],
    ['ids not arXiv ids', { type: 'getStates', ids: ['../x'] }],
    ['ids not an array', { type: 'getStates', ids: '2407.21783' }],
    ['empty patch', { type: 'setState', id: '2407.21783', patch: {} }],
    ['patch of wrong type', { type: 'setState', id: '2407.21783', patch: { starred: 'yes' } }],
    ['paper for another id', { type: 'setState', id: '2407.21783', patch: { starred: true }, paper: { ...paper, id: '2401.00001' } }],
    ['code url with credentials', { type: 'setState', id: paper.id, patch: { starred: true }, paper: { ...paper, codeUrl: 'https://huggingface.co@evil.example/x' } }],
    ['javascript: code url', { type: 'setState', id: paper.id, patch: { starred: true }, paper: { ...paper, codeUrl: 'javascript:alert(1)' } }],
    ['huge title', { type: 'setState', id: paper.id, patch: { starred: true }, paper: { ...paper, title: 'x'.repeat(5000) } }],
    ['too many ids', { type: 'getStates', ids: Array(5001).fill('2401.00001') }],
    ['unknown setting', { type: 'setSettings', patch: { telemetry: true } }],
    ['setting of wrong type', { type: 'setSettings', patch: { enrichment: 'off' } }],
    ['unknown reading status', { type: 'setState', id: paper.id, patch: { status: 'skimmed' } }],
    ['blank manual tag', { type: 'setState', id: paper.id, patch: { addTags: ['  '] } }],
    ['bulk without ids', { type: 'bulkSetState', ids: [], patch: { starred: true } }],
    ['notes too long', { type: 'setState', id: paper.id, patch: { notes: 'x'.repeat(100_001) } }],
    ['two keys on one action', { type: 'setSettings', patch: { keys: { next: 'j', prev: 'j', star: 's', hide: 'h', open: 'o', code: 'c', tags: 't', undo: 'u', help: '?' } } }],
  ])('rejects %s with an error reply and no state change', async (_name, raw) => {
    await service.setState('2401.00009', { hidden: true }, { ...paper, id: '2401.00009' });
    const before = await snapshot();
    const onChange = vi.fn();
    const reply = await handleRequest(deps(onChange), raw, 'extension-page');
    expect(reply.ok).toBe(false);
    expect(onChange).not.toHaveBeenCalled();
    expect(await snapshot()).toBe(before);
  });

  it('answers a batched getStates and reports writes for pushing to tabs', async () => {
    const onChange = vi.fn();
    const set = await handleRequest(deps(onChange), { type: 'setState', id: paper.id, patch: { starred: true }, paper }, 'content');
    expect(set).toEqual({ ok: true, states: { [paper.id]: { starred: true, hidden: false, at: 1_000 } } });
    expect(onChange).toHaveBeenCalledWith({ [paper.id]: { starred: true, hidden: false, at: 1_000 } });
    const get = await handleRequest(deps(onChange), { type: 'getStates', ids: [paper.id, '2401.00001'] }, 'content');
    expect(get).toEqual({ ok: true, states: { [paper.id]: { starred: true, hidden: false, at: 1_000 }, '2401.00001': { starred: false, hidden: false, at: 0 } } });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('tags the papers of a getStates while the database is still reading their states', async () => {
    await service.setState(paper.id, { addTags: ['mine'] }, paper);
    await settingsOf(db); // read once when the worker starts: in by the time a page asks
    const events: string[] = [];
    const read = service.getStates;
    const papers: PaperService = {
      ...service,
      getStates: (ids) => (events.push('read asked'), read(ids).then((s) => (events.push('read answered'), s))),
    };
    const tagger = createTagger();
    const prepare = tagger.prepare;
    tagger.prepare = (...args) => (events.push('tagged'), prepare(...args));
    const texts = [{ id: paper.id, title: 'Denoising diffusion models for image generation', abstract: 'A diffusion model.', authors: [], aiKeywords: [] }];
    const reply = await handleRequest({ ...deps(), papers, tagger }, { type: 'getStates', ids: [paper.id], papers: texts }, 'content');
    expect(events).toEqual(['read asked', 'tagged', 'read answered']);
    // What was read still makes the answer: the stored manual tag comes first, ours after it.
    expect(reply.ok && reply.facets?.[paper.id].tags.map((t) => t.label)).toEqual(['mine', 'Diffusion', 'Image Gen']);
  });
});

describe('tags kept beyond the worker', () => {
  it('a worker started anew answers with the tags the previous one kept, and tags nothing', async () => {
    const area = fakeSessionArea();
    const { items } = area;
    const texts = [{ id: paper.id, title: 'Denoising diffusion models for image generation', abstract: 'A diffusion model.', authors: [], aiKeywords: [] }];
    const ask = { type: 'getStates', ids: [paper.id], papers: texts } as const;
    const first = await handleRequest({ ...deps(), tagger: createTagger(), tagMemory: createTagMemory(area, '1') }, ask, 'content');
    await vi.waitFor(() => expect([...items.keys()]).toEqual([`tags:1:${paper.id}`])); // kept once the answer went
    expect(first.ok && first.facets?.[paper.id].tags.map((t) => t.label)).toContain('Diffusion');

    // What was kept, with a label no tagging gives: the next worker's answer shows it.
    const kept = items.get(`tags:1:${paper.id}`) as RememberedTags;
    items.set(`tags:1:${paper.id}`, { ...kept, tags: [{ label: 'Kept', source: 'topic', why: 'kept' }] });
    const again = await handleRequest({ ...deps(), tagger: createTagger(), tagMemory: createTagMemory(area, '1') }, ask, 'content');
    expect(area.get).toHaveBeenLastCalledWith([`tags:1:${paper.id}`]);
    expect(again.ok && again.facets?.[paper.id].tags.map((t) => t.label)).toEqual(['Kept']);
    await new Promise((r) => setTimeout(r, 10));
    expect(area.set).toHaveBeenCalledTimes(1); // it made none, so kept none
  });
});

describe('the page\'s JSON, with tags kept beyond the worker', () => {
  it('asks for the kept tags of the papers the JSON names before it has read their texts (before their states)', async () => {
    const props = parsePage(fixtureText(LISTING)).querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!;
    const events: string[] = [];
    const area = fakeSessionArea();
    area.get.mockImplementation(async (keys: string[]) => (events.push(`kept tags of ${keys.length}`), {}));
    const papers: PaperService = { ...service, getStates: (ids) => (events.push(`states of ${ids.length}`), service.getStates(ids)) };
    const reply = await handleRequest({ ...deps(), papers, tagger: createTagger(), tagMemory: createTagMemory(area, '1') }, { type: 'getStates', ids: [], props: [props] }, 'content');
    expect(events).toEqual(['kept tags of 13', 'states of 13']);
    expect(reply.ok && Object.keys(reply.facets ?? {})).toHaveLength(13);
    // A worker that tagged them already asks for nothing kept.
    events.length = 0;
    const tagger = createTagger();
    await handleRequest({ ...deps(), papers, tagger, tagMemory: createTagMemory(area, '1') }, { type: 'getStates', ids: [], props: [props] }, 'content');
    events.length = 0;
    await handleRequest({ ...deps(), papers, tagger, tagMemory: createTagMemory(area, '1') }, { type: 'getStates', ids: [], props: [props] }, 'content');
    expect(events).toEqual(['states of 13']);
  });
});

describe('faults while writing', () => {
  it('a quota error mid-write leaves the database as it was, and the reply says so', async () => {
    await service.setState(paper.id, { starred: true }, paper);
    const before = JSON.stringify(await db.papers.toArray());
    // The write fails the way a full disk does, inside the transaction.
    const put = vi.spyOn(db.papers, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(service.setState(paper.id, { hidden: true }, paper)).rejects.toThrow(/quota/);
    put.mockRestore();
    expect(JSON.stringify(await db.papers.toArray())).toBe(before);
    // The background answers an error (the content script then reverts its optimistic click).
    vi.spyOn(db.papers, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const onChange = vi.fn();
    await expect(handleRequest(deps(onChange), { type: 'setState', id: paper.id, patch: { hidden: true }, paper }, 'content')).rejects.toThrow();
    expect(onChange).not.toHaveBeenCalled();
    expect(JSON.stringify(await db.papers.toArray())).toBe(before);
    // And the database keeps working afterwards.
    expect(await service.setState(paper.id, { hidden: true }, paper)).toMatchObject({ starred: true, hidden: true });
  });
});

describe('page health reports', () => {
  const health = { path: '/papers', kind: 'listing', papersLinked: 13, papersInJson: 13, cardsAnnotated: 13, recognised: true };

  it('keeps the last 20 reports, oldest dropped', async () => {
    for (let i = 0; i < 25; i++) {
      expect(await handleRequest(deps(), { type: 'reportHealth', health: { ...health, cardsAnnotated: i } }, 'content')).toEqual({ ok: true });
    }
    const kept = await db.health.orderBy('seq').toArray();
    expect(kept.map((h) => h.cardsAnnotated)).toEqual(Array.from({ length: 20 }, (_, i) => i + 5));
  });

  it.each([
    ['a full URL', { ...health, path: 'https://evil.example/' }],
    ['extra fields', { ...health, cookie: 'x' }],
    ['a negative count', { ...health, cardsAnnotated: -1 }],
    ['an unknown kind', { ...health, kind: 'admin' }],
  ])('refuses %s', async (_name, bad) => {
    expect((await handleRequest(deps(), { type: 'reportHealth', health: bad }, 'content')).ok).toBe(false);
    expect(await db.health.count()).toBe(0);
  });
});

describe('library writes', () => {
  it('sets reading status, notes and manual tags, and reports manual tags in the state', async () => {
    await service.setState(paper.id, { starred: true, status: 'reading', notes: '# Why\nread §3', addTags: ['Mamba', 'to cite'] }, paper);
    expect(await db.papers.get(paper.id)).toMatchObject({ status: 'reading', notes: '# Why\nread §3', manualTags: ['Mamba', 'to cite'], starredAt: 1_000 });
    const state = await service.setState(paper.id, { addTags: ['mamba', 'SSM'], removeTags: ['TO CITE'] });
    expect(state.manualTags).toEqual(['Mamba', 'SSM']); // case-insensitive: the first spelling stays
    await service.setState(paper.id, { status: 'to-read', notes: '', removeTags: ['mamba', 'ssm'] });
    const row = await db.papers.get(paper.id);
    expect(row).not.toHaveProperty('status'); // the default is stored as absence
    expect(row).not.toHaveProperty('notes');
    expect(row).not.toHaveProperty('manualTags');
    expect(row!.starredAt).toBe(1_000);
  });

  it('counts starred papers not yet read for the toolbar badge', async () => {
    const { countUnread } = await import('@/lib/papers/queries');
    await service.bulkSetState(['2401.00001', '2401.00002', '2401.00003'], { starred: true });
    await service.setState('2401.00004', { status: 'read' }); // read but not starred: not counted
    expect(await countUnread(db)).toBe(3);
    await service.setState('2401.00002', { status: 'read' });
    await service.setState('2401.00003', { status: 'reading' });
    expect(await countUnread(db)).toBe(2);
  });

  it('applies one patch to many papers in one write, creating unknown ones bare', async () => {
    await service.setState(paper.id, { starred: true }, paper);
    clock = 5_000;
    const states = await service.bulkSetState([paper.id, '2401.00001', paper.id], { status: 'read', addTags: ['batch'] });
    expect(Object.keys(states)).toEqual([paper.id, '2401.00001']);
    expect(await db.papers.get(paper.id)).toMatchObject({ title: paper.title, status: 'read', manualTags: ['batch'], starredAt: 1_000 });
    expect(await db.papers.get('2401.00001')).toMatchObject({ title: '2401.00001', status: 'read', url: 'https://huggingface.co/papers/2401.00001' });
  });

  it('keeps the first sighting of a paper, and reports it with the state', async () => {
    await service.markSeen([paper.id]);
    clock = 9_000;
    await service.markSeen([paper.id, '2401.00001']);
    expect(await service.getStates([paper.id, '2401.00001', '2401.00002'])).toEqual({
      [paper.id]: { starred: false, hidden: false, at: 0, firstSeen: 1_000 },
      '2401.00001': { starred: false, hidden: false, at: 0, firstSeen: 9_000 },
      '2401.00002': { starred: false, hidden: false, at: 0 },
    });
  });

  it('answers a write with the first sighting of the paper', async () => {
    await service.markSeen([paper.id]);
    clock = 9_000;
    expect(await service.setState(paper.id, { starred: true }, paper)).toEqual({ starred: true, hidden: false, at: 9_000, firstSeen: 1_000 });
    expect(await service.setState('2401.00001', { hidden: true })).toEqual({ starred: false, hidden: true, at: 9_000, bare: true });
  });

  it('wholesale changes come from extension pages only; a content script may star, tag and mark seen', async () => {
    for (const raw of [
      { type: 'bulkSetState', ids: [paper.id], patch: { starred: true } },
      { type: 'importIds', ids: [paper.id] },
      { type: 'clearData' },
    ]) {
      const reply = await handleRequest(deps(), raw, 'content');
      expect(reply.ok, JSON.stringify(raw)).toBe(false);
    }
    expect(await db.papers.count()).toBe(0);
    expect((await handleRequest(deps(), { type: 'setState', id: paper.id, patch: { addTags: ['mine'] }, paper }, 'content')).ok).toBe(true);
    expect((await handleRequest(deps(), { type: 'markSeen', ids: [paper.id] }, 'content')).ok).toBe(true);
    expect(await db.seen.count()).toBe(1);
  });

  it('imports a list of ids as saved papers, saying what it added', async () => {
    await service.setState(paper.id, { starred: true }, paper);
    await service.setState('2401.00001', { hidden: true });
    const onLibrary = vi.fn();
    const reply = await handleRequest({ ...deps(), onLibrary }, { type: 'importIds', ids: [paper.id, '2401.00001', '2401.00002'] }, 'extension-page');
    expect(reply).toEqual({ ok: true, imported: { adds: 1, updates: 1, unchanged: 1 } });
    expect(await db.papers.where('starredAt').above(0).primaryKeys()).toHaveLength(3);
    expect(onLibrary).toHaveBeenCalled();
  });

  it('fills in papers known by id only from a page snapshot, never a paper known better', async () => {
    await service.bulkSetState(['2401.00001'], { starred: true });
    await service.setState(paper.id, { starred: true }, paper);
    expect((await service.getStates(['2401.00001', paper.id]))['2401.00001'].bare).toBe(true);
    const filled = await service.fillPapers([
      { id: '2401.00001', title: 'A Real Title', authors: ['Ada'], tags: ['LLM'] },
      { id: paper.id, title: 'Something else', authors: [], tags: [] },
    ]);
    expect(filled).toEqual(['2401.00001']);
    expect(await db.papers.get('2401.00001')).toMatchObject({ title: 'A Real Title', authors: ['Ada'], tags: ['LLM'], starredAt: 1_000 });
    expect((await db.papers.get(paper.id))!.title).toBe(paper.title);
    expect((await service.getStates(['2401.00001']))['2401.00001'].bare).toBeUndefined();
  });

  it('clears papers, sightings and cached links, keeping settings', async () => {
    await service.setState(paper.id, { starred: true, notes: 'n' }, paper);
    await service.markSeen([paper.id]);
    await db.links.put({ id: paper.id, status: 'none', fetchedAt: 1, expiresAt: 2 } as never);
    await handleRequest(deps(), { type: 'setSettings', patch: { dimSeen: false } }, 'extension-page');
    const onReset = vi.fn();
    expect(await handleRequest({ ...deps(), onReset }, { type: 'clearData' }, 'extension-page')).toEqual({ ok: true });
    expect([await db.papers.count(), await db.seen.count(), await db.links.count()]).toEqual([0, 0, 0]);
    expect((await readSettings(db)).dimSeen).toBe(false);
    expect(onReset).toHaveBeenCalled();
  });
});

describe('backup import', () => {
  async function backupText() {
    const { makeBackup } = await import('@/lib/library/backup');
    return JSON.stringify(makeBackup({ papers: await db.papers.toArray(), seen: await db.seen.toArray(), settings: await readSettings(db) }, 50_000));
  }

  it('previews, then restores papers, notes, tags, sightings and settings in one go', async () => {
    await service.setState(paper.id, { starred: true, notes: 'Read §3 "scaling" & {braces} 100%', status: 'reading', addTags: ['to cite'] }, paper);
    await service.setState('2401.00001', { hidden: true });
    await service.markSeen([paper.id]);
    await handleRequest(deps(), { type: 'setSettings', patch: { dimSeen: false } }, 'extension-page');
    const text = await backupText();
    const before = { papers: await db.papers.toArray(), seen: await db.seen.toArray() };
    await handleRequest(deps(), { type: 'clearData' }, 'extension-page');
    await handleRequest(deps(), { type: 'setSettings', patch: { dimSeen: true } }, 'extension-page');

    const preview = await handleRequest(deps(), { type: 'importBackup', text, apply: false }, 'extension-page');
    expect(preview).toEqual({ ok: true, imported: { adds: 2, updates: 0, unchanged: 0 } });
    expect(await db.papers.count()).toBe(0); // a preview writes nothing

    const onReset = vi.fn();
    const applied = await handleRequest({ ...deps(), onReset }, { type: 'importBackup', text, apply: true }, 'extension-page');
    expect(applied).toMatchObject({ ok: true, imported: { adds: 2, updates: 0, unchanged: 0 } });
    expect({ papers: await db.papers.toArray(), seen: await db.seen.toArray() }).toEqual(before);
    expect((await readSettings(db)).dimSeen).toBe(false);
    expect(onReset).toHaveBeenCalled();
  });

  it('a backup of some papers (no settings in it) leaves the settings alone', async () => {
    const { makeBackup } = await import('@/lib/library/backup');
    await service.setState(paper.id, { starred: true }, paper);
    const text = JSON.stringify(makeBackup({ papers: await db.papers.toArray(), seen: [] }, 50_000));
    await handleRequest(deps(), { type: 'clearData' }, 'extension-page');
    await handleRequest(deps(), { type: 'setSettings', patch: { dimSeen: false } }, 'extension-page');
    expect(await handleRequest(deps(), { type: 'importBackup', text, apply: true }, 'extension-page')).toMatchObject({ ok: true, imported: { adds: 1 } });
    expect((await readSettings(db)).dimSeen).toBe(false);
  });

  it('a bad file changes nothing and says where it is wrong; content scripts cannot import', async () => {
    await service.setState(paper.id, { starred: true }, paper);
    const good = JSON.parse(await backupText());
    good.papers[0].id = '../etc';
    const snapshot = JSON.stringify(await db.papers.toArray());
    const reply = await handleRequest(deps(), { type: 'importBackup', text: JSON.stringify(good), apply: true }, 'extension-page');
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/papers\[0\]\.id/);
    expect(JSON.stringify(await db.papers.toArray())).toBe(snapshot);
    const fromPage = await handleRequest(deps(), { type: 'importBackup', text: await backupText(), apply: true }, 'content');
    expect(fromPage.ok).toBe(false);
  });
});

describe('rules from the page', () => {
  it('"Mute this tag" adds one mute rule (again: nothing), and deleting it is the undo', async () => {
    const onSettings = vi.fn();
    const d = { ...deps(), onSettings, newId: () => '1' };
    const first = await handleRequest(d, { type: 'muteTag', tag: 'Diffusion' }, 'content');
    expect(first).toMatchObject({ ok: true, ruleId: 'page-1' });
    const again = await handleRequest({ ...d, newId: () => '2' }, { type: 'muteTag', tag: 'diffusion' }, 'content');
    expect(again).toEqual({ ok: true }); // already muted: no rule added, no id to undo with
    expect((await readSettings(db)).rules).toEqual([{ id: 'page-1', action: 'mute', match: { type: 'tag', value: 'Diffusion' }, enabled: true }]);
    expect(onSettings).toHaveBeenCalledTimes(1);
    await handleRequest(d, { type: 'deleteRule', id: 'page-1' }, 'content');
    expect((await readSettings(db)).rules).toEqual([]);
  });

  it('a page can neither delete the user\'s own rules nor undo them through "Mute this tag"', async () => {
    const mine = { id: 'mine', action: 'mute', match: { type: 'tag', value: 'Diffusion' }, color: '#123456', enabled: true };
    await handleRequest(deps(), { type: 'setSettings', patch: { rules: [mine] } }, 'extension-page');
    expect(await handleRequest(deps(), { type: 'muteTag', tag: 'Diffusion' }, 'content')).toEqual({ ok: true });
    expect((await handleRequest(deps(), { type: 'deleteRule', id: 'mine' }, 'content')).ok).toBe(false);
    expect((await readSettings(db)).rules).toEqual([mine]);
    expect((await handleRequest(deps(), { type: 'deleteRule', id: 'mine' }, 'extension-page')).ok).toBe(true);
  });

  it('a page cannot change notes or reading status', async () => {
    await service.setState(paper.id, { starred: true, notes: 'mine' }, paper);
    for (const patch of [{ notes: '' }, { status: 'read' }]) {
      expect((await handleRequest(deps(), { type: 'setState', id: paper.id, patch }, 'content')).ok).toBe(false);
    }
    expect(await db.papers.get(paper.id)).toMatchObject({ notes: 'mine' });
    expect(await db.papers.get(paper.id)).not.toHaveProperty('status');
  });
});

describe('wake', () => {
  it('answers a content script at once, touching nothing; with anything more it is refused', async () => {
    const onStates = vi.fn();
    expect(await handleRequest(deps(onStates), { type: 'wake' }, 'content')).toEqual({ ok: true });
    expect(await db.papers.count()).toBe(0);
    expect(onStates).not.toHaveBeenCalled();
    expect((await handleRequest(deps(), { type: 'wake', ids: ['2401.00001'] }, 'content')).ok).toBe(false);
    expect((await handleRequest(deps(), { type: 'wake' }, 'untrusted')).ok).toBe(false);
  });
});

describe('settings messages', () => {
  it('content scripts read settings; changes are pushed', async () => {
    const onSettings = vi.fn();
    const rule = { id: 'r1', action: 'mute', match: { type: 'tag', value: 'Diffusion' } };
    const set = await handleRequest({ ...deps(), onSettings }, { type: 'setSettings', patch: { rules: [rule] } }, 'extension-page');
    expect(set.ok).toBe(true);
    expect(onSettings).toHaveBeenCalledWith(expect.objectContaining({ rules: [{ ...rule, enabled: true }] }));
    const got = await handleRequest(deps(), { type: 'getSettings' }, 'content');
    expect(got).toMatchObject({ ok: true, settings: { rules: [{ id: 'r1' }], keyboard: true, keys: { next: 'j' } } });
  });

  it('the options page turns enrichment off; a content script cannot', async () => {
    expect((await readSettings(db)).enrichment).toBe(true);
    const fromPage = await handleRequest(deps(), { type: 'setSettings', patch: { enrichment: false } }, 'content');
    expect(fromPage.ok).toBe(false);
    expect((await readSettings(db)).enrichment).toBe(true);
    const fromOptions = await handleRequest(deps(), { type: 'setSettings', patch: { enrichment: false } }, 'extension-page');
    expect(fromOptions).toMatchObject({ ok: true, settings: { enrichment: false } });
    expect((await readSettings(db)).enrichment).toBe(false);
  });

  it('a stored rule that is no longer valid drops that rule only, not the list', async () => {
    const good = { id: 'ok', action: 'mute', match: { type: 'tag', value: 'Diffusion' }, enabled: true };
    await db.settings.put({ key: 'rules', value: [good, { id: 'bad', action: 'mute', match: { type: 'regex', source: '(a+)+$', flags: 'i', field: 'any' }, enabled: true }, good, 'junk'] });
    expect((await readSettings(db)).rules).toEqual([good]);
  });

  it('a stored setting of the wrong type falls back to its default', async () => {
    await db.settings.put({ key: 'enrichment', value: 'yes' });
    expect((await readSettings(db)).enrichment).toBe(true);
  });

  it('untrusted senders get nothing', async () => {
    const reply = await handleRequest(deps(), { type: 'getStates', ids: [paper.id] }, 'untrusted');
    expect(reply.ok).toBe(false);
  });
});

describe('sender check', () => {
  const own = 'abcdef';
  const origin = 'chrome-extension://abcdef';
  it.each([
    [{ id: own, url: 'chrome-extension://abcdef/popup.html' }, true],
    [{ id: own, url: 'https://huggingface.co/papers', tabUrl: 'https://huggingface.co/papers' }, true],
    [{ id: own, url: 'https://huggingface.co/papers/2407.21783', tabUrl: 'https://huggingface.co/papers/2407.21783' }, true],
    [{ id: 'other-extension', url: 'chrome-extension://other/popup.html' }, false],
    [{ id: own, url: 'https://evil.example/papers', tabUrl: 'https://evil.example/papers' }, false],
    [{ id: own, url: 'https://huggingface.co/models', tabUrl: 'https://huggingface.co/models' }, false],
    [{}, false],
  ])('%j → %s', (sender, ok) => {
    expect(classifySender(sender, own, origin) !== 'untrusted').toBe(ok);
  });

  it.each([
    [{ id: own, url: 'chrome-extension://abcdef/options.html' }, 'extension-page'],
    [{ id: own, url: 'https://huggingface.co/papers', tabUrl: 'https://huggingface.co/papers' }, 'content'],
    // An origin that merely starts with ours is not ours.
    [{ id: own, url: 'chrome-extension://abcdefgh/popup.html' }, 'untrusted'],
  ] as const)('%j is %s', (sender, kind) => {
    expect(classifySender(sender, own, origin)).toBe(kind);
  });
});
