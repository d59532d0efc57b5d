// Hostile messages: anything a content script (or a page that took it over) could send to the
// background. Every malformed message must get {ok:false}, reach no service, and leave the
// database byte-for-byte as it was; a generated sweep must never throw and never write.
//   npx vitest run tests/unit/hostile-messages.test.ts            (FUZZ_SEED=<n> to vary the sweep)
import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { openDb, type TriageDB } from '@/lib/db';
import { Request as RequestSchema, type States } from '@/lib/messages';
import { handleRequest, type HandlerDeps, type SenderKind } from '@/lib/papers/handler';
import { createPaperService } from '@/lib/papers/service';
import { BAD_IDS, fuzzSeed, HOSTILE_TEXT, jsonValue, objectFromEntries, Rng } from './gen';

const ID = '2407.21783';
const PAPER = {
  id: ID,
  title: 'The Llama 3 Herd of Models',
  authors: ['Abhimanyu Dubey', 'Abhinav Jauhri'],
  abstract: 'Modern artificial intelligence (AI) systems are powered by foundation models.',
  publishedAt: '2024-07-31T00:00:00.000Z',
  codeUrl: 'https://github.com/meta-llama/llama3',
  codeStars: 29000,
  projectUrl: 'https://llama.meta.com/',
  tags: ['LLM'],
};
const HEALTH = { path: '/papers', kind: 'listing', papersLinked: 13, papersInJson: 13, cardsAnnotated: 13, recognised: true };
/** Whether this build's protocol has the health report (it is new; the tests follow the schema). */
const HAS_HEALTH = RequestSchema.safeParse({ type: 'reportHealth', health: HEALTH }).success;
/** A paper as a card sends it to be tagged. */
const TAGGED = { id: ID, title: 'The Llama 3 Herd of Models', abstract: 'A dense Transformer.', authors: ['A. Author'], aiKeywords: ['LLM'] };

const MB = 1024 * 1024;
const TEN_MB = 'x'.repeat(10 * MB);
const TEN_MB_URL = 'https://github.com/a/' + 'b'.repeat(10 * MB);
const MANY_IDS = Array.from({ length: 100_000 }, (_, i) => `2401.${String(i).padStart(5, '0')}`);
const PROTO_KEYS = () => Object.getOwnPropertyNames(Object.prototype).sort().join();
const PROTO_BEFORE = PROTO_KEYS();

/** URLs the snapshot schema must refuse (each one alone makes a setState invalid). */
const REFUSED_URLS = [
  'javascript:window.__pwned=1', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>window.__pwned=1</script>', 'vbscript:msgbox(1)',
  'file:///etc/passwd', 'blob:https://huggingface.co/0000', 'about:blank', 'ftp://github.com/a/b', '//evil.example/x', '/papers/2407.21783',
  'http://github.com/a/b', 'https://huggingface.co@evil.example/x', 'https://user:pw@github.com/a/b', ' https://github.com/a/b', '',
  'https://github.com/' + 'a'.repeat(2100), TEN_MB_URL, 'https:github.com/a/b', 'https:/github.com/a/b',
];
const UNKNOWN_TYPES: unknown[] = [
  'dropTable', 'GETSTATES', 'getStates ', ' setState', 'setstate', 'deletePaper', 'clear', '__proto__', 'constructor', 'toString',
  'hasOwnProperty', 'valueOf', '', TEN_MB, 42, null, true, ['setState'], { type: 'setState' },
];

/** A JSON-parsed message, as it arrives: "__proto__" keys are own data properties. */
const wire = (json: string): unknown => JSON.parse(json);

// ---------------------------------------------------------------------------------------------
// A database seeded with some state, a counter of every write that reaches IndexedDB, and the
// whole database as one string.

let db: TriageDB;
let writes: string[];
let deps: HandlerDeps;
let onStates: Mock<(states: States) => void>;
let lookup: Mock<HandlerDeps['enrich']['lookup']>;

async function dump(d: TriageDB): Promise<string> {
  const tables = [...d.tables].sort((a, b) => a.name.localeCompare(b.name));
  const out: [string, unknown[]][] = [];
  for (const t of tables) out.push([t.name, await t.toArray()]);
  return JSON.stringify([d.verno, out]);
}

function countWrites(d: TriageDB, log: string[]) {
  d.use({
    stack: 'dbcore',
    name: 'hostile-messages-write-counter',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            log.push(`${name}:${req.type}`);
            return table.mutate(req);
          },
        };
      },
    }),
  });
}

beforeEach(async () => {
  db = openDb(`hostile-${Math.random()}`);
  writes = [];
  countWrites(db, writes);
  let clock = 1_000;
  const papers = createPaperService(db, () => clock++);
  onStates = vi.fn();
  lookup = vi.fn(async () => ({ known: [], fetching: [] }));
  deps = { db, papers, enrich: { lookup }, onStates };
  // Some state to protect: a starred paper, a hidden one, a setting, a cached API answer.
  await papers.setState(ID, { starred: true }, PAPER);
  await papers.setState('2401.00009', { hidden: true }, { ...PAPER, id: '2401.00009' });
  await db.settings.put({ key: 'enrichment', value: false });
  await db.links.put({ id: ID, status: 'found', githubRepo: PAPER.codeUrl, githubStars: 1, aiKeywords: [], models: 0, datasets: 0, spaces: 0, fetchedAt: 1, expiresAt: 2 });
  expect(writes.length).toBeGreaterThan(0); // the counter sees writes
  writes.length = 0;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Sends one message and checks: {ok:false}, a short error, no service reached, nothing written. */
async function expectRejected(raw: unknown, sender: SenderKind = 'content', { echoes = false } = {}) {
  const before = await dump(db);
  const reply = await handleRequest(deps, raw, sender);
  expect(reply.ok).toBe(false);
  // Nothing of the input is echoed back, except where noted (see ECHOES).
  if (!reply.ok && !echoes) expect(reply.error.length).toBeLessThan(300);
  expect(onStates).not.toHaveBeenCalled();
  expect(lookup).not.toHaveBeenCalled();
  expect(writes).toEqual([]);
  expect(await dump(db)).toBe(before);
  expect(PROTO_KEYS()).toBe(PROTO_BEFORE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const setState = (extra: Record<string, unknown> = {}, paper: Record<string, unknown> | undefined = PAPER) => ({
  type: 'setState',
  id: ID,
  patch: { starred: true },
  ...(paper ? { paper } : {}),
  ...extra,
});
const withPaper = (fields: Record<string, unknown>) => setState({}, { ...PAPER, ...fields });

const cyclic: Record<string, unknown> = { type: 'setState', id: ID };
cyclic.patch = cyclic;
const cyclicPaper: Record<string, unknown> = { ...PAPER };
cyclicPaper.authors = [cyclicPaper];

const CASES: [string, unknown, SenderKind?][] = [
  // Wrong types
  ...(['hello', 42, true, null, undefined, [], [setState()], {}, Number.NaN] as unknown[]).map((v): [string, unknown] => [`message ${String(v)}`, v]),
  ['getStates without ids', { type: 'getStates' }],
  ['ids null', { type: 'getStates', ids: null }],
  ['ids a string', { type: 'getStates', ids: ID }],
  ['ids numbers', { type: 'getStates', ids: [2407.21783] }],
  ['ids array-like object', { type: 'getStates', ids: { 0: ID, length: 1 } }],
  ['ids sparse array', { type: 'getStates', ids: new Array(10) }],
  ['setState without patch', { type: 'setState', id: ID }],
  ['empty patch', setState({ patch: {} })],
  ['patch "yes"', setState({ patch: { starred: 'yes' } })],
  ['patch 1', setState({ patch: { starred: 1 } })],
  ['patch null', setState({ patch: { hidden: null } })],
  ['patch array', setState({ patch: [true] })],
  ['patch string', setState({ patch: 'starred' })],
  ['one bad patch field', setState({ patch: { starred: true, hidden: 'no' } })],
  ['paper null', setState({ paper: null })],
  ['paper a string', setState({ paper: 'x' })],
  ['paper an array', setState({ paper: [] })],
  ['paper empty', setState({ paper: {} })],
  ['paper for another id', withPaper({ id: '2401.00001' })],
  ['title a number', withPaper({ title: 42 })],
  ['title empty', withPaper({ title: '' })],
  ['authors a string', withPaper({ authors: 'a' })],
  ['tags numbers', withPaper({ tags: [1] })],
  ['empty tag', withPaper({ tags: [''] })],
  ['stars negative', withPaper({ codeStars: -1 })],
  ['stars fractional', withPaper({ codeStars: 1.5 })],
  ['stars NaN (structured clone)', withPaper({ codeStars: Number.NaN })],
  ['stars Infinity (structured clone)', withPaper({ codeStars: Number.POSITIVE_INFINITY })],
  ['stars beyond 2^53', withPaper({ codeStars: 2 ** 53 })],
  ['stars a string', withPaper({ codeStars: '5' })],
  ['id a BigInt (structured clone)', setState({ id: BigInt(2407) })],
  ['title a Date (structured clone)', withPaper({ title: new Date(0) })],
  ['patch a Map (structured clone)', setState({ patch: new Map([['starred', true]]) })],
  ['cyclic patch (structured clone)', cyclic],
  ['cyclic authors (structured clone)', setState({}, cyclicPaper)],
  // Unknown kinds
  ...UNKNOWN_TYPES.map((type): [string, unknown] => [`type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 20)) : JSON.stringify(type)}`, { type, ids: [ID], id: ID, patch: { starred: true } }]),
  // Huge payloads
  ['100k valid ids (getStates)', { type: 'getStates', ids: MANY_IDS }],
  ['100k valid ids (getLinks)', { type: 'getLinks', ids: MANY_IDS }],
  ['5001 ids', { type: 'getStates', ids: MANY_IDS.slice(0, 5001) }],
  ['100k bad ids', { type: 'getStates', ids: Array(100_000).fill('../x') }],
  ['a 10 MB id', { type: 'getStates', ids: [TEN_MB] }],
  ['a 10 MB setState id', setState({ id: TEN_MB }, undefined)],
  ['a 10 MB title', withPaper({ title: TEN_MB })],
  ['a 10 MB abstract', withPaper({ abstract: TEN_MB })],
  ['a 10 MB author', withPaper({ authors: [TEN_MB] })],
  ['100k authors', withPaper({ authors: Array(100_000).fill('A. Author') })],
  ['a 10 MB tag', withPaper({ tags: [TEN_MB] })],
  ['100k tags', withPaper({ tags: Array(100_000).fill('LLM') })],
  ['a 10 MB publishedAt', withPaper({ publishedAt: TEN_MB })],
  ['a 10 MB code URL', withPaper({ codeUrl: TEN_MB_URL })],
  ['10 MB of hostile markup as the title', withPaper({ title: HOSTILE_TEXT.join('').repeat(Math.ceil(MB / 100)) })],
  // Papers sent to be tagged (getStates with papers)
  ['papers not a list', { type: 'getStates', ids: [ID], papers: TAGGED }],
  ['5001 papers', { type: 'getStates', ids: [ID], papers: Array(5001).fill(TAGGED) }],
  ['a paper without a title', { type: 'getStates', ids: [ID], papers: [{ ...TAGGED, title: undefined }] }],
  ['a 10 MB paper title', { type: 'getStates', ids: [ID], papers: [{ ...TAGGED, title: TEN_MB }] }],
  ['a 10 MB paper abstract', { type: 'getStates', ids: [ID], papers: [{ ...TAGGED, abstract: TEN_MB }] }],
  ['100k paper authors', { type: 'getStates', ids: [ID], papers: [{ ...TAGGED, authors: Array(100_000).fill('A. Author') }] }],
  ['100k HF keywords', { type: 'getStates', ids: [ID], papers: [{ ...TAGGED, aiKeywords: Array(100_000).fill('LLM') }] }],
  ['a paper with a bad id', { type: 'getStates', ids: [ID], papers: [{ ...TAGGED, id: '../x' }] }],
  ['a paper with an extra key', { type: 'getStates', ids: [ID], papers: [{ ...TAGGED, __proto__: { starred: true }, starred: true }] }],
  // The page's JSON (getStates with props)
  ['props not a list', { type: 'getStates', ids: [], props: '{}' }],
  ['props of numbers', { type: 'getStates', ids: [], props: [1, 2] }],
  ['101 props', { type: 'getStates', ids: [], props: Array(101).fill('{}') }],
  ['props with an object', { type: 'getStates', ids: [], props: [{ paper: PAPER }] }],
  // Ids that are not arXiv ids
  ...BAD_IDS.map((id): [string, unknown] => [`getStates id ${JSON.stringify(id)}`, { type: 'getStates', ids: [ID, id] }]),
  ...BAD_IDS.map((id): [string, unknown] => [`setState id ${JSON.stringify(id)}`, setState({ id }, { ...PAPER, id })]),
  ...BAD_IDS.map((id): [string, unknown] => [`getLinks id ${JSON.stringify(id)}`, { type: 'getLinks', ids: [id] }]),
  // Links the background must never store
  ...REFUSED_URLS.map((url): [string, unknown] => [`code URL ${JSON.stringify(url.slice(0, 40))}`, withPaper({ codeUrl: url })]),
  ...REFUSED_URLS.map((url): [string, unknown] => [`project URL ${JSON.stringify(url.slice(0, 40))}`, withPaper({ projectUrl: url })]),
  // Prototype-pollution keys (as JSON.parse makes them: own properties)
  ['required fields only under __proto__', wire(`{"__proto__":{"type":"setState","id":"${ID}","patch":{"starred":true}}}`)],
  ['patch only under __proto__', wire(`{"type":"setState","id":"${ID}","patch":{"__proto__":{"starred":true}}}`)],
  ['patch only under constructor.prototype', wire(`{"type":"setState","id":"${ID}","patch":{"constructor":{"prototype":{"starred":true}}}}`)],
  ['paper only under __proto__', wire(`{"type":"setState","id":"${ID}","patch":{"starred":true},"paper":{"__proto__":{"id":"${ID}","title":"x"}}}`)],
  ['ids under __proto__', wire(`{"type":"getStates","ids":{"__proto__":["${ID}"]}}`)],
  ['type __proto__', wire('{"type":"__proto__","__proto__":{"polluted":"yes"}}')],
  ['type constructor', wire('{"type":"constructor","constructor":{"prototype":{"polluted":"yes"}}}')],
  ['id __proto__', wire('{"type":"setState","id":"__proto__","patch":{"starred":true}}')],
  ['settings patch under __proto__', wire('{"type":"setSettings","patch":{"__proto__":{"enrichment":true}}}'), 'extension-page'],
  ['settings patch under constructor', wire('{"type":"setSettings","patch":{"constructor":{"prototype":{"enrichment":true}}}}'), 'extension-page'],
  // Settings belong to the options page
  ['setSettings from a content script', { type: 'setSettings', patch: { enrichment: true } }],
  ['an unknown setting', { type: 'setSettings', patch: { telemetry: true } }, 'extension-page'],
  ['a setting of the wrong type', { type: 'setSettings', patch: { enrichment: 'on' } }, 'extension-page'],
  ['a 10 MB setting name', { type: 'setSettings', patch: { [TEN_MB]: true } }, 'extension-page'],
  // The library's wholesale changes, notes and status, and the user's rules: never from a page
  ['bulkSetState from a content script', { type: 'bulkSetState', ids: [ID], patch: { starred: true } }],
  ['importIds from a content script', { type: 'importIds', ids: [ID] }],
  ['importBackup from a content script', { type: 'importBackup', text: '{}', apply: true }],
  ['clearData from a content script', { type: 'clearData' }],
  ['notes from a content script', setState({ patch: { notes: '' } })],
  ['reading status from a content script', setState({ patch: { status: 'read' } })],
  ["deleting a user's rule from a content script", { type: 'deleteRule', id: 'mine' }],
  ['muteTag with a blank tag', { type: 'muteTag', tag: '   ' }],
  ['muteTag with a 10 MB tag', { type: 'muteTag', tag: TEN_MB }],
  ['muteTag with extra keys', { type: 'muteTag', tag: 'LLM', rule: { action: 'mute' } }],
  ['a 10 MB manual tag', setState({ patch: { addTags: [TEN_MB] } })],
  ['100k manual tags', setState({ patch: { addTags: Array(100_000).fill('x') } })],
  ['fillPapers with a javascript: link', { type: 'fillPapers', papers: [{ ...PAPER, codeUrl: 'javascript:alert(1)' }] }],
  ['fillPapers with 501 papers', { type: 'fillPapers', papers: Array(501).fill(PAPER) }],
  ['fillPapers with a bad id', { type: 'fillPapers', papers: [{ ...PAPER, id: '../x' }] }],
  ['markSeen 5001 ids', { type: 'markSeen', ids: MANY_IDS.slice(0, 5001) }],
  ['markSeen a bad id', { type: 'markSeen', ids: [ID, '__proto__'] }],
  ['a 10 MB backup of junk', { type: 'importBackup', text: TEN_MB, apply: true }, 'extension-page'],
  ['a backup with __proto__ keys', { type: 'importBackup', text: '{"__proto__":{"polluted":"yes"},"format":"hf-papers-triage-backup"}', apply: true }, 'extension-page'],
  ['a catastrophic regex rule', { type: 'setSettings', patch: { rules: [{ id: 'r', action: 'mute', match: { type: 'regex', source: '(a+)+$' } }] } }, 'extension-page'],
  ['a tag rule without its tag', { type: 'setSettings', patch: { rules: [{ id: 'r', action: 'tag', match: { type: 'keyword', value: 'x' } }] } }, 'extension-page'],
  ['two actions on one key', { type: 'setSettings', patch: { keys: { next: 'j', prev: 'j', star: 's', hide: 'h', open: 'o', code: 'c', tags: 't', undo: 'u', help: '?' } } }, 'extension-page'],
  // Untrusted senders get nothing, even for valid messages
  ['a valid setState from an untrusted sender', setState(), 'untrusted'],
  ...(HAS_HEALTH
    ? ([
        ['health with __proto__', wire(`{"type":"reportHealth","health":${JSON.stringify(HEALTH).replace('{', '{"__proto__":{"polluted":"yes"},')}}`)],
        ['health with constructor', { type: 'reportHealth', health: { ...HEALTH, constructor: { prototype: { polluted: 'yes' } } } }],
        ['health with a 10 MB key', { type: 'reportHealth', health: { ...HEALTH, [TEN_MB]: 1 } }],
        ['health with a 10 MB path', { type: 'reportHealth', health: { ...HEALTH, path: '/' + TEN_MB } }],
        ['health counts out of range', { type: 'reportHealth', health: { ...HEALTH, papersLinked: 1e9 } }],
        ['health of the wrong types', { type: 'reportHealth', health: { ...HEALTH, recognised: 'yes', kind: '<script>' } }],
      ] as [string, unknown][])
    : []),
];

/**
 * Known: zod names an unrecognised key in its message ('Unrecognized key: "<key>"'), and the handler
 * returns that message as is, so a strict object (settings patch, health report) with a 10 MB key
 * sends 10 MB back to the sender. Nothing is stored; the fix belongs in lib/papers/handler.ts
 * (bound the error text), which this test file may not change.
 */
const ECHOES = new Set<string>(); // the handler echoes nothing back any more

describe('hostile messages: each rejected with {ok:false} and no state change', () => {
  it('the write counter and the dump see a valid write (positive control)', async () => {
    const before = await dump(db);
    const reply = await handleRequest(deps, setState({ patch: { hidden: true } }), 'content');
    expect(reply.ok).toBe(true);
    expect(writes).toContain('papers:put');
    expect(await dump(db)).not.toBe(before);
  });

  it.each(CASES)('%s', async (name, raw, sender) => {
    await expectRejected(raw, sender ?? 'content', { echoes: ECHOES.has(name) });
  });

  it('bounds the error text even for a 10 MB unknown key', async () => {
    const reply = await handleRequest(deps, { type: 'setSettings', patch: { [TEN_MB]: true } }, 'content');
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.length).toBeLessThan(300);
  });
});

describe('hostile page JSON in a valid question (getStates with props)', () => {
  const ask = (props: string[]) => handleRequest(deps, { type: 'getStates', ids: [], props }, 'content');

  it('is read tolerantly: broken, deep or prototype-polluting JSON yields no paper, writes nothing, throws nothing', async () => {
    const before = await dump(db);
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const reply = await ask(['{not json', deep, '{"__proto__":{"polluted":1},"paper":{"id":"2407.21783","title":"T","__proto__":{"x":1}}}', 'null', '"a string"']);
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(Object.keys(reply.papers ?? {})).toEqual(['2407.21783']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(writes).toEqual([]);
    expect(await dump(db)).toBe(before);
  });

  it('reads 5000 papers at most, however many the page names', async () => {
    const many = Array.from({ length: 6000 }, (_, i) => ({ id: `2501.${String(10000 + i)}`, title: `Paper ${i}` }));
    const reply = await ask([JSON.stringify({ dailyPapers: many.map((paper) => ({ paper })) })]);
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      expect(Object.keys(reply.papers ?? {})).toHaveLength(5000);
      expect(Object.keys(reply.facets ?? {})).toHaveLength(5000);
    }
  });
});

describe('hostile messages: https links the snapshot schema lets through', () => {
  // These pass the schema (https, no credentials, under 2048 characters): they are stored in
  // canonical form (percent-encoded by the URL parser), never as sent.
  const ODD = ['https://github.com/a/b"><script>window.__pwned=1</script>', 'https://github.com/a/b\n', 'https://github.com/a b', 'https://github.com/a/b\u202E', 'https://127.0.0.1:8080/x'];

  it('are stored only in canonical form, and change nothing else', async () => {
    for (const url of ODD) {
      const reply = await handleRequest(deps, withPaper({ codeUrl: url }), 'content');
      if (!reply.ok) continue; // refusing is fine too
      const stored = (await db.papers.get(ID))!.codeUrl!;
      expect(new URL(stored).href).toBe(stored);
      expect(stored).not.toMatch(/[\s"<>\u202E]/);
    }
    expect(PROTO_KEYS()).toBe(PROTO_BEFORE);
  });
});

describe('hostile messages: extra keys on otherwise valid messages', () => {
  // The message objects are strict: unknown keys are refused; and whatever the parse, nothing pollutes.
  it('__proto__ / constructor / unknown keys are refused, never stored, never pollute', async () => {
    const raw = wire(
      JSON.stringify(setState({ extra: 1 }, { ...PAPER, secret: '<script>window.__pwned=1</script>' }))
        .replace('{', '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},')
        .replace('"paper":{', '"paper":{"__proto__":{"polluted":"yes"},'),
    );
    await expectRejected(raw);
    expect(PROTO_KEYS()).toBe(PROTO_BEFORE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an otherwise valid message that carries __proto__ / constructor keys', async () => {
    await expectRejected(wire(`{"type":"getStates","ids":["${ID}"],"__proto__":{"polluted":"yes"}}`));
  });

  it('fields inherited through a real prototype do not survive the trip (runtime messages copy own properties only)', async () => {
    const inherited = Object.create(setState());
    await expectRejected(structuredClone(inherited));
    await expectRejected(JSON.parse(JSON.stringify(inherited)));
  });
});

// ---------------------------------------------------------------------------------------------
// A generated sweep: random JSON values and valid messages broken on purpose.

const SEED = fuzzSeed();

type Msg = Record<string, unknown>;
const clone = <T>(v: T): T => structuredClone(v);

/** Mutations that each make a message invalid, by template. */
function breakers(r: Rng): Record<string, ((m: Msg) => void)[]> {
  const badId = () => r.pick(BAD_IDS);
  const nonBool = () => r.pick<unknown>(['yes', 1, 0, null, [], {}, 'true', TEN_MB.slice(0, 10)]);
  const nonString = () => r.pick<unknown>([42, null, true, [], {}, ['x']]);
  const paperBreakers: ((p: Msg) => void)[] = [
    (p) => (p.id = r.bool() ? '2401.00001' : badId()),
    (p) => delete p.id,
    (p) => (p.title = r.pick<unknown>(['', 'x'.repeat(1001), TEN_MB, ...[nonString()]])),
    (p) => delete p.title,
    (p) => (p.codeUrl = r.pick(REFUSED_URLS)),
    (p) => (p.projectUrl = r.pick(REFUSED_URLS)),
    (p) => (p.authors = r.pick<unknown>(['a', Array(101).fill('A'), ['x'.repeat(301)], [1], [null]])),
    (p) => (p.tags = r.pick<unknown>([[''], ['x'.repeat(81)], Array(21).fill('LLM'), [1], 'LLM'])),
    (p) => (p.codeStars = r.pick<unknown>([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '5', 2 ** 53])),
    (p) => (p.abstract = r.pick<unknown>(['x'.repeat(20_001), ...[nonString()].filter((v) => v !== null)])),
    (p) => (p.publishedAt = r.pick<unknown>(['x'.repeat(65), 7, {}])),
  ];
  const healthOf = (m: Msg): Msg => {
    if (m.health === null || typeof m.health !== 'object') m.health = { ...HEALTH };
    return m.health as Msg;
  };
  const common: ((m: Msg) => void)[] = [(m) => (m.type = r.pick(UNKNOWN_TYPES)), (m) => delete m.type];
  const idsBreakers: ((m: Msg) => void)[] = [
    (m) => delete m.ids,
    (m) => (m.ids = r.pick<unknown>([null, ID, {}, 7, [null], [[ID]]])),
    (m) => {
      const ids = Array.isArray(m.ids) ? [...(m.ids as unknown[])] : [];
      ids.splice(r.int(ids.length + 1), 0, badId());
      m.ids = ids;
    },
    (m) => (m.ids = r.bool(0.9) ? MANY_IDS.slice(0, 5001 + r.int(100)) : MANY_IDS),
  ];
  return {
    getStates: [...common, ...idsBreakers],
    getLinks: [...common, ...idsBreakers],
    setState: [
      ...common,
      (m) => (m.id = badId()),
      (m) => delete m.id,
      (m) => delete m.patch,
      (m) => (m.patch = r.pick<unknown>([{}, { starred: nonBool() }, { hidden: nonBool() }, 'starred', [true], null, wire('{"__proto__":{"starred":true}}')])),
      (m) => (m.paper = r.pick<unknown>([null, 'x', 42, [], {}])),
      (m) => {
        if (m.paper === null || typeof m.paper !== 'object' || Array.isArray(m.paper)) m.paper = clone(PAPER);
        r.pick(paperBreakers)(m.paper as Msg);
      },
    ],
    setSettings: [
      ...common,
      (m) => (m.patch = r.pick<unknown>([{ enrichment: nonBool() }, { telemetry: true }, wire('{"__proto__":{"enrichment":true}}'), null, 'off'])),
      (m) => delete m.patch,
    ],
    reportHealth: [
      ...common,
      (m) => delete m.health,
      (m) => {
        const h = healthOf(m);
        const key = r.pick(Object.keys(HEALTH));
        h[key] = r.pick<unknown>([-1, 1.5, 1e9, 'x', null, {}, '<script>', 'relative/path', '/' + 'x'.repeat(300)]);
        if (key === 'path' && typeof h[key] === 'string' && (h[key] as string).startsWith('/') && (h[key] as string).length <= 200) h[key] = 'x';
        if (key === 'kind' && ['listing', 'paper', 'other'].includes(h[key] as string)) h[key] = 'x';
      },
      (m) => Object.defineProperty(healthOf(m), r.pick(['__proto__', 'constructor', 'extra']), { value: { polluted: 'yes' }, enumerable: true, writable: true, configurable: true }),
    ],
  };
}

/** Own "__proto__" / "constructor" keys sprinkled on the objects of a message (never making it valid). */
function sprinkle(r: Rng, v: unknown, depth = 0): void {
  if (depth > 3 || v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Map) return;
  const obj = v as Msg;
  for (const k of Object.keys(obj)) sprinkle(r, obj[k], depth + 1);
  if (r.bool(0.2)) Object.defineProperty(obj, r.pick(['__proto__', 'constructor', 'prototype']), { value: objectFromEntries([['polluted', 'yes']]), enumerable: true, writable: true, configurable: true });
}

describe(`hostile messages: generated sweep (seed ${SEED})`, () => {
  const stats = { cases: 0, random: 0, pollutedReads: 0, broken: 0, validReads: 0, validWritesSkipped: 0, ms: 0 };
  afterAll(() => console.log(`[hostile-messages] seed ${SEED}: ${JSON.stringify(stats)} (reproduce: FUZZ_SEED=${SEED} npx vitest run tests/unit/hostile-messages.test.ts)`));

  it('never throws out of handleRequest, never writes, never reaches a service for an invalid message', async () => {
    const started = Date.now();
    const r = new Rng(SEED).fork(101);
    const templates: Msg[] = [
      { type: 'getStates', ids: [ID, '2401.00009', '2401.00001'] },
      { type: 'getLinks', ids: [ID, '2401.00001'] },
      setState(),
      setState({ patch: { hidden: true } }, undefined),
      { type: 'setSettings', patch: { enrichment: true } },
      ...(HAS_HEALTH ? [{ type: 'reportHealth', health: { ...HEALTH } }] : []),
    ];
    const table = breakers(r);
    const before = await dump(db);
    const failures: string[] = [];
    const N = 3000;
    for (let i = 0; i < N && failures.length < 5; i++) {
      let raw: unknown;
      let mustReject: boolean;
      if (r.bool(0.1)) {
        // A valid read with pollution keys sprinkled on: answered, never a write.
        const m = clone(r.pick(templates.slice(0, 2)));
        sprinkle(r, m);
        raw = m;
        mustReject = false;
        stats.pollutedReads++;
      } else if (r.bool(0.45)) {
        raw = jsonValue(r, 5);
        mustReject = false; // decided below from the schema: a random value may be a valid read
        stats.random++;
      } else {
        const m = clone(r.pick(templates));
        const list = table[m.type as string];
        for (let k = r.range(1, 2); k > 0; k--) r.pick(list)(m);
        if (r.bool(0.3)) sprinkle(r, m);
        raw = m;
        mustReject = true;
        stats.broken++;
      }
      const sender = r.pick<SenderKind>(['content', 'content', 'content', 'extension-page']);
      const valid = RequestSchema.safeParse(raw);
      const read = valid.success && (valid.data.type === 'getStates' || valid.data.type === 'getLinks');
      const validWrite = valid.success && !read && !(valid.data.type === 'setSettings' && sender === 'content');
      if (validWrite) {
        // A broken message must not be valid (a generator bug); a random value may be, by chance:
        // then writing would be right, and it is left out of a sweep that must not write.
        if (mustReject) failures.push(`#${i}: the generator made a valid message: ${JSON.stringify(raw)?.slice(0, 300)}`);
        else stats.validWritesSkipped++;
        continue;
      }
      writes.length = 0;
      onStates.mockClear();
      lookup.mockClear();
      let reply;
      try {
        reply = await handleRequest(deps, raw, sender);
      } catch (e) {
        failures.push(`#${i}: threw ${String(e)} for ${JSON.stringify(raw)?.slice(0, 300)}`);
        continue;
      }
      if (read) {
        stats.validReads++;
        if (!reply.ok) failures.push(`#${i}: a valid read was refused: ${JSON.stringify(raw)?.slice(0, 300)}`);
      }
      if (!read && reply.ok) failures.push(`#${i}: accepted ${JSON.stringify(raw)?.slice(0, 300)}`);
      if (writes.length > 0) failures.push(`#${i}: wrote ${writes.join(', ')} for ${JSON.stringify(raw)?.slice(0, 300)}`);
      if (onStates.mock.calls.length > 0) failures.push(`#${i}: pushed states`);
      if (!read && lookup.mock.calls.length > 0) failures.push(`#${i}: reached the API lookup`);
      stats.cases++;
    }
    stats.ms = Date.now() - started;
    expect(failures, `reproduce: FUZZ_SEED=${SEED} npx vitest run tests/unit/hostile-messages.test.ts`).toEqual([]);
    expect(stats.cases + stats.validWritesSkipped).toBe(N);
    expect(stats.validWritesSkipped).toBeLessThan(N / 100);
    expect(await dump(db)).toBe(before);
    expect(PROTO_KEYS()).toBe(PROTO_BEFORE);
  }, 20_000);
});
