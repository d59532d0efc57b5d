// Import side of lib/library: the JSON backup (lossless round trip, errors that say where, the merge
// rule of planImport) and id lists / BibTeX files (parseIdList).
//
// Reproduce a run with the seed it printed: FUZZ_SEED=<seed> npx vitest run tests/unit/library-import.test.ts
import { describe, expect, it } from 'vitest';
import type { PaperRow, SeenRow } from '@/lib/db';
import { paperUrl } from '@/lib/hf/urls';
import {
  BACKUP_MAX_CHARS,
  formatPath,
  makeBackup,
  mergeNotes,
  NOTES_SEPARATOR,
  parseBackup,
  planImport,
  type Backup,
} from '@/lib/library/backup';
import { toBibtex } from '@/lib/library/bibtex';
import { findArxivIds, parseIdList, plausibleId } from '@/lib/library/import-list';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { anyString, fuzzSeed, HOSTILE_TEXT, HOSTILE_URLS, Rng } from './gen';
import { genLibrary, genSeen, realPapers } from './library-gen';

const SEED = fuzzSeed();
console.log(`library-import seed ${SEED}`);

const NOW = 1_800_000_000_000;
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  enrichment: false,
  disabledTopics: ['Robotics', 'Ünïcødé "topic"'],
  rules: [{ id: 'r1', action: 'tag', match: { type: 'keyword', value: 'diffusion', field: 'any' }, tag: 'diff', color: '#ff00aa', enabled: true }],
};

/** The background's part, for the tests: put the plan's rows into a map. */
function apply(db: Map<string, PaperRow>, plan: { put: PaperRow[] }) {
  for (const row of plan.put) db.set(row.id, structuredClone(row));
}

function roundTrip(papers: PaperRow[], seen: SeenRow[], settings: Settings = SETTINGS) {
  const text = JSON.stringify(makeBackup({ papers, seen, settings }, NOW));
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed;
}

/** A valid backup as plain JSON, to break in one place. */
function validJson(): Record<string, any> {
  const papers = genLibrary(new Rng(7), 6, true);
  return JSON.parse(JSON.stringify(makeBackup({ papers, seen: genSeen(new Rng(8), papers, 2), settings: SETTINGS }, NOW)));
}

function errorOf(data: unknown): string {
  const parsed = parseBackup(typeof data === 'string' ? data : JSON.stringify(data));
  expect(parsed.ok).toBe(false);
  return parsed.ok ? '' : parsed.error;
}

// ---------------------------------------------------------------------------------------------

describe('backup round trip', () => {
  it('restores generated libraries with every field filled into an empty library exactly', () => {
    const r = new Rng(SEED).fork(10);
    for (let run = 0; run < 10; run++) {
      const papers = genLibrary(r, 80, true);
      const seen = genSeen(r, papers);
      const parsed = roundTrip(papers, seen);
      expect(parsed.warnings).toEqual([]);
      const plan = planImport(parsed.backup, new Map(), NOW);
      expect(plan.put).toStrictEqual(papers);
      expect(plan).toMatchObject({ adds: papers.length, updates: 0, unchanged: 0, notesMerged: [] });
      expect(plan.seen).toStrictEqual(seen);
      expect(plan.settings).toStrictEqual(SETTINGS);
      expect(parsed.backup.exportedAt).toBe(new Date(NOW).toISOString());
    }
  });

  it('restores libraries with fields missing at random, and real papers as saved', () => {
    const r = new Rng(SEED).fork(11);
    for (let run = 0; run < 10; run++) {
      const papers = genLibrary(r, 50, false);
      const plan = planImport(roundTrip(papers, []).backup, new Map(), NOW);
      expect(plan.put).toStrictEqual(papers);
    }
    const real = realPapers();
    expect(planImport(roundTrip(real, []).backup, new Map(), NOW).put).toStrictEqual(real);
  });

  it('drops keys holding undefined (as IndexedDB rows may) and writes the documented envelope', () => {
    const row = { ...realPapers()[0], notes: undefined, status: undefined } as PaperRow;
    const backup = makeBackup({ papers: [row], seen: [{ id: row.id, firstSeen: 5 }], settings: DEFAULT_SETTINGS }, 0);
    expect(Object.keys(backup)).toEqual(['format', 'schemaVersion', 'exportedAt', 'papers', 'seen', 'settings']);
    expect(backup).toMatchObject({ format: 'hf-papers-triage-backup', schemaVersion: 1, exportedAt: '1970-01-01T00:00:00.000Z' });
    expect('notes' in backup.papers[0]).toBe(false);
  });

  it('importing the same file twice changes nothing the second time', () => {
    const r = new Rng(SEED).fork(12);
    const stored = genLibrary(r, 40, false);
    const db = new Map(stored.map((p) => [p.id, structuredClone(p)]));
    // The file: some of the same papers edited, some new.
    const file = genLibrary(r, 60, false).map((p, i) => (i < 40 ? { ...p, id: stored[i].id, url: stored[i].url } : p));
    const backup = roundTrip(file, []).backup;
    const first = planImport(backup, db, NOW);
    expect(first.adds + first.updates + first.unchanged).toBe(file.length);
    apply(db, first);
    const second = planImport(backup, db, NOW + 1);
    expect(second).toMatchObject({ put: [], adds: 0, updates: 0, unchanged: file.length });
  });
});

// ---------------------------------------------------------------------------------------------

describe('parseBackup: bad files say what is wrong and where, never throw', () => {
  const cases: [string, (b: Record<string, any>) => unknown, RegExp][] = [
    ['not JSON', () => '{"format": ', /^not JSON: /],
    ['JSON but not an object', () => [1, 2], /not an HF Papers Triage backup: the file is not a JSON object/],
    ['null', () => null, /not a JSON object/],
    ['another format', (b) => ({ ...b, format: 'zotero' }), /format is "zotero", expected "hf-papers-triage-backup"/],
    ['no format', (b) => ({ ...b, format: undefined }), /format is missing/],
    ['a newer schema', (b) => ({ ...b, schemaVersion: 2 }), /^schemaVersion: 2 is not supported/],
    ['schema as a string', (b) => ({ ...b, schemaVersion: '1' }), /^schemaVersion: "1" is not supported/],
    ['no papers', (b) => ({ ...b, papers: undefined }), /^papers: missing/],
    ['papers not a list', (b) => ({ ...b, papers: {} }), /^papers: .*expected array/],
    ['a bad id', (b) => (b.papers[3].id = 'hep-th/9901001', b), /^papers\[3\]\.id: not an arXiv id/],
    ['an id with a version', (b) => (b.papers[1].id = '2407.21783v2', b), /^papers\[1\]\.id: not an arXiv id/],
    ['an empty title', (b) => (b.papers[2].title = '', b), /^papers\[2\]\.title: /],
    ['a huge title', (b) => (b.papers[2].title = 'x'.repeat(1001), b), /^papers\[2\]\.title: .*1000/],
    ['an author not a string', (b) => (b.papers[0].authors[1] = 42, b), /^papers\[0\]\.authors\[1\]: .*expected string/],
    ['a javascript: code link', (b) => (b.papers[4].codeUrl = 'javascript:alert(1)', b), /^papers\[4\]\.codeUrl: not a safe https URL/],
    ['an http project link', (b) => (b.papers[4].projectUrl = 'http://example.org/', b), /^papers\[4\]\.projectUrl: not a safe https URL/],
    ['a link with credentials', (b) => (b.papers[4].projectUrl = 'https://huggingface.co@evil.example/', b), /^papers\[4\]\.projectUrl: not a safe https URL/],
    ['a url that is not its HF page', (b) => (b.papers[5].url = 'https://evil.example/papers/' + b.papers[5].id, b), /^papers\[5\]\.url: not the Hugging Face page of this paper/],
    ['another paper’s HF page', (b) => (b.papers[5].url = paperUrl('2401.00001'), b), /^papers\[5\]\.url: not the Hugging Face page/],
    ['negative stars', (b) => (b.papers[0].codeStars = -1, b), /^papers\[0\]\.codeStars: /],
    ['fractional time', (b) => (b.papers[0].starredAt = 1.5, b), /^papers\[0\]\.starredAt: /],
    ['no updatedAt', (b) => (delete b.papers[0].updatedAt, b), /^papers\[0\]\.updatedAt: missing/],
    ['an unknown status', (b) => (b.papers[0].status = 'skimmed', b), /^papers\[0\]\.status: /],
    ['an empty tag', (b) => (b.papers[0].tags = ['ok', ''], b), /^papers\[0\]\.tags\[1\]: /],
    ['huge notes', (b) => (b.papers[0].notes = 'n'.repeat(100_001), b), /^papers\[0\]\.notes: /],
    ['an unknown paper field', (b) => (b.papers[2].owner = 'me', b), /^papers\[2\]: unknown field "owner"/],
    ['a __proto__ key', () => '{"format":"hf-papers-triage-backup","schemaVersion":1,"exportedAt":"x","papers":[],"__proto__":{"polluted":1}}', /^unknown field "__proto__"/],
    ['an unknown top-level field', (b) => ({ ...b, extra: 1 }), /^unknown field "extra"/],
    ['a duplicate paper', (b) => (b.papers[4] = { ...b.papers[1] }, b), /^papers\[4\]\.id: \d{4}\.\d{4,5} is already papers\[1\]/],
    ['a bad sighting', (b) => (b.seen[1] = { id: '2401.00001', firstSeen: 'yesterday' }, b), /^seen\[1\]\.firstSeen: /],
    ['a duplicate sighting', (b) => (b.seen[2] = { ...b.seen[0] }, b), /^seen\[2\]\.id: .* is already seen\[0\]/],
    ['a bad setting', (b) => (b.settings.keys.star = 'ss', b), /^settings\.keys\.star: /],
    ['a bad rule', (b) => (b.settings.rules[0].color = 'red', b), /^settings\.rules\[0\]\.color: /],
    ['settings not an object', (b) => ({ ...b, settings: 'on' }), /^settings: /],
  ];

  it.each(cases)('%s', (_name, breakIt, expected) => {
    expect(errorOf(breakIt(validJson()))).toMatch(expected);
  });

  it('names at most three places, then how many more', () => {
    const b = validJson();
    for (const p of b.papers) p.id = 'nope';
    expect(errorOf(b)).toBe('papers[0].id: not an arXiv id; papers[1].id: not an arXiv id; papers[2].id: not an arXiv id; (and 3 more)');
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(errorOf(' '.repeat(BACKUP_MAX_CHARS + 1))).toMatch(/^file too large: 201 MB \(at most 200 MB\)/);
  });

  it('accepts a byte-order mark, a file without sightings or settings, and skips settings of a newer version', () => {
    const b = validJson();
    delete b.seen;
    b.settings = { badge: false, futureThing: 1 };
    const parsed = parseBackup('\uFEFF' + JSON.stringify(b));
    expect(parsed).toMatchObject({ ok: true, warnings: ['settings.futureThing: not a setting of this version, skipped'] });
    if (!parsed.ok) return;
    expect(parsed.backup.seen).toEqual([]);
    expect(parsed.backup.settings).toEqual({ badge: false });
    delete b.settings;
    const bare = parseBackup(JSON.stringify(b));
    expect(bare.ok && bare.backup.settings).toBe(undefined);
    expect(bare.ok && planImport(bare.backup, new Map(), NOW).settings).toBe(undefined);
  });

  it('canonicalises links and keeps nothing it does not know', () => {
    const b = validJson();
    b.papers[0].codeUrl = 'https://GitHub.com/x/y';
    const parsed = parseBackup(JSON.stringify(b));
    expect(parsed.ok && parsed.backup.papers[0].codeUrl).toBe('https://github.com/x/y');
  });

  it('formats paths like code', () => {
    expect(formatPath(['papers', 3, 'authors', 2])).toBe('papers[3].authors[2]');
    expect(formatPath(['settings', 'keys', 'star'])).toBe('settings.keys.star');
    expect(formatPath(['papers', 0, 'odd key'])).toBe('papers[0]["odd key"]');
    expect(formatPath([])).toBe('');
  });

  it('survives generated garbage: every input gives ok or an error, never a throw', () => {
    const r = new Rng(SEED).fork(13);
    const base = JSON.stringify(validJson());
    const values = (): unknown =>
      r.pick<() => unknown>([
        () => anyString(r, 30),
        () => r.pick(HOSTILE_TEXT),
        () => r.pick(HOSTILE_URLS),
        () => r.int(1e9) - 5e8,
        () => r.next(),
        () => null,
        () => [],
        () => ({}),
        () => true,
        () => ({ __proto__: { x: 1 } }),
        () => Number.MAX_SAFE_INTEGER * 10,
      ])();
    for (let i = 0; i < 1500; i++) {
      const b = JSON.parse(base);
      // Replace one value somewhere in the tree, or cut the text.
      if (r.bool(0.2)) {
        const text = base.slice(0, r.int(base.length));
        const parsed = parseBackup(text);
        expect(typeof parsed.ok).toBe('boolean');
        continue;
      }
      let node: any = b;
      const path: PropertyKey[] = [];
      for (let depth = 0; depth < 5 && node && typeof node === 'object'; depth++) {
        const keys = Object.keys(node);
        if (!keys.length) break;
        const k = r.pick(keys);
        if (depth === 4 || r.bool(0.3) || typeof node[k] !== 'object' || node[k] === null) {
          if (r.bool(0.2)) delete node[k];
          else node[k] = values();
          path.push(k);
          break;
        }
        path.push(k);
        node = node[k];
      }
      const parsed = parseBackup(JSON.stringify(b));
      if (parsed.ok) {
        // Whatever passes is a library we could store: plan it and check it is well-formed.
        const plan = planImport(parsed.backup, new Map(), NOW);
        expect(plan.put.length).toBe(parsed.backup.papers.length);
      } else {
        expect(parsed.error.length).toBeGreaterThan(0);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('planImport: the merge rule', () => {
  const stored: PaperRow = {
    id: '2407.21783',
    title: 'The Llama 3 Herd of Models',
    authors: ['Abhimanyu Dubey'],
    abstract: 'Stored abstract.',
    url: paperUrl('2407.21783'),
    codeUrl: 'https://github.com/meta-llama/llama3',
    tags: ['LLM'],
    manualTags: ['mine'],
    notes: 'Stored notes.',
    status: 'reading',
    starredAt: 100,
    updatedAt: 1_000,
  };
  const backupOf = (papers: PaperRow[], extra: Partial<Backup> = {}): Backup => ({
    format: 'hf-papers-triage-backup',
    schemaVersion: 1,
    exportedAt: 'x',
    papers,
    seen: [],
    ...extra,
  });
  const plan1 = (incoming: PaperRow, now = 5_000) => planImport(backupOf([incoming]), new Map([[stored.id, stored]]), now);

  it('an identical paper is unchanged and not written', () => {
    expect(plan1({ ...stored })).toMatchObject({ put: [], adds: 0, updates: 0, unchanged: 1 });
    // Only updatedAt differs: nothing to write either.
    expect(plan1({ ...stored, updatedAt: 9_999 })).toMatchObject({ put: [], unchanged: 1 });
  });

  it('a newer file wins: its state is taken whole, absence included', () => {
    const incoming: PaperRow = { ...stored, status: undefined, starredAt: undefined, hiddenAt: 200, manualTags: undefined, title: 'Renamed', updatedAt: 2_000 };
    for (const k of ['status', 'starredAt', 'manualTags'] as const) delete incoming[k];
    const plan = plan1(incoming);
    expect(plan).toMatchObject({ adds: 0, updates: 1, unchanged: 0 });
    const row = plan.put[0];
    expect(row.title).toBe('Renamed');
    expect(row.hiddenAt).toBe(200);
    expect('starredAt' in row || 'status' in row || 'manualTags' in row).toBe(false);
    // What the file did not know of the paper is kept from the stored row.
    expect(row.abstract).toBe('Stored abstract.');
    expect(row.codeUrl).toBe(stored.codeUrl);
    expect(row.notes).toBe('Stored notes.');
    expect(row.updatedAt).toBe(5_000);
  });

  it('an older file loses: the stored state stays, gaps are filled from the file', () => {
    const incoming: PaperRow = { ...stored, starredAt: undefined, status: 'read', projectUrl: 'https://llama.example/', upvotes: 7, publishedAt: '2024-07-31', updatedAt: 500 };
    delete incoming.starredAt;
    const row = plan1(incoming).put[0];
    expect(row).toMatchObject({ starredAt: 100, status: 'reading', projectUrl: 'https://llama.example/', upvotes: 7, publishedAt: '2024-07-31' });
  });

  it('on a tie the file wins', () => {
    expect(plan1({ ...stored, status: 'read' }).put[0].status).toBe('read');
  });

  it('a row made from an id only (title = id, no authors or tags) is filled in from the other side', () => {
    const bare: PaperRow = { id: stored.id, title: stored.id, authors: [], tags: [], url: stored.url, starredAt: 3_000, updatedAt: 3_000 };
    const row = plan1(bare).put[0];
    expect(row).toMatchObject({ title: stored.title, authors: stored.authors, tags: stored.tags, starredAt: 3_000 });
  });

  it('never loses notes: different notes on both sides are both kept and reported', () => {
    const plan = plan1({ ...stored, notes: 'File notes.', updatedAt: 2_000 });
    expect(plan.put[0].notes).toBe('File notes.' + NOTES_SEPARATOR + 'Stored notes.');
    expect(plan.notesMerged).toEqual([stored.id]);
    // The newer notes already hold the older ones (added to since): kept as they are.
    const grown = plan1({ ...stored, notes: 'Stored notes.\n\nMore.', updatedAt: 2_000 });
    expect(grown.put[0].notes).toBe('Stored notes.\n\nMore.');
    expect(grown.notesMerged).toEqual([]);
    // Notes on one side only are kept, whichever side wins.
    const none = { ...stored, updatedAt: 2_000 };
    delete none.notes;
    expect(plan1(none).put).toEqual([]); // nothing else differs: stored row, notes and all
    expect(mergeNotes(undefined, 'x')).toEqual({ text: 'x', merged: false });
    expect(mergeNotes('  ', 'x')).toEqual({ text: 'x', merged: false });
    expect(mergeNotes('a', undefined)).toEqual({ text: 'a', merged: false });
    expect(mergeNotes(undefined, undefined)).toEqual({ text: undefined, merged: false });
  });

  it('writes updatedAt that only grows, even when the clock is behind', () => {
    const row = plan1({ ...stored, status: 'read', updatedAt: 2_000 }, 10).put[0];
    expect(row.updatedAt).toBe(1_001);
  });

  it('sightings: the earliest wins; settings come as a patch', () => {
    const seen = new Map<string, SeenRow>([
      ['2401.00001', { id: '2401.00001', firstSeen: 50 }],
      ['2401.00002', { id: '2401.00002', firstSeen: 50 }],
    ]);
    const plan = planImport(
      backupOf([], {
        seen: [
          { id: '2401.00001', firstSeen: 10 },
          { id: '2401.00002', firstSeen: 90 },
          { id: '2401.00003', firstSeen: 70 },
        ],
        settings: { badge: false },
      }),
      new Map(),
      NOW,
      seen,
    );
    expect(plan.seen).toEqual([
      { id: '2401.00001', firstSeen: 10 },
      { id: '2401.00003', firstSeen: 70 },
    ]);
    expect(plan.settings).toEqual({ badge: false });
  });

  it('holds its invariants on generated libraries', () => {
    const r = new Rng(SEED).fork(14);
    for (let run = 0; run < 20; run++) {
      const mine = genLibrary(r, 30, false);
      const db = new Map(mine.map((p) => [p.id, structuredClone(p)]));
      const before = structuredClone([...db.values()]);
      const file = genLibrary(r, 40, r.bool()).map((p, i) => (i < 30 && r.bool(0.7) ? { ...p, id: mine[i].id, url: mine[i].url } : p));
      const backup = roundTrip(file, []).backup;
      const plan = planImport(backup, db, NOW);
      // Pure: the stored rows are untouched.
      expect([...db.values()]).toStrictEqual(before);
      expect(plan.adds + plan.updates + plan.unchanged).toBe(file.length);
      expect(plan.put.length).toBe(plan.adds + plan.updates);
      for (const row of plan.put) {
        const old = db.get(row.id);
        if (old) {
          expect(row.updatedAt).toBeGreaterThan(old.updatedAt);
          // No notes lost: every non-blank note of either side is in the result.
          const theirs = backup.papers.find((p) => p.id === row.id)!;
          for (const n of [old.notes, theirs.notes]) if (n?.trim()) expect(row.notes).toContain(n.trim());
        }
      }
      // Every written row is still a valid backup row.
      apply(db, plan);
      const again = roundTrip([...db.values()], []);
      expect(again.backup.papers.length).toBe(db.size);
      // Idempotent.
      expect(planImport(backup, db, NOW + 1).put).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('parseIdList', () => {
  it('reads ids and URLs in every usual form, versions stripped, duplicates dropped', () => {
    const text = [
      '2407.21783',
      'arXiv:2407.21783v2',
      'https://arxiv.org/abs/2401.00001',
      'https://arxiv.org/pdf/2401.00002v1.pdf',
      'https://arxiv.org/pdf/2401.00003',
      'http://export.arxiv.org/abs/2401.00004v3',
      'arxiv.org/html/2401.00005v1',
      'https://huggingface.co/papers/2401.00006',
      'https://huggingface.co/papers/2401.00007#community',
      'https://doi.org/10.48550/arXiv.2401.00008',
      '  0704.0001  ',
      '1412.9999 and 2401.00009, see (2401.00010)',
      '- [A paper](https://huggingface.co/papers/2401.00011)',
      '',
      '# a comment 2401.99999',
      '% another',
    ].join('\r\n');
    expect(parseIdList(text)).toEqual({
      ids: [
        '2407.21783',
        '2401.00001',
        '2401.00002',
        '2401.00003',
        '2401.00004',
        '2401.00005',
        '2401.00006',
        '2401.00007',
        '2401.00008',
        '0704.0001',
        '1412.9999',
        '2401.00009',
        '2401.00010',
        '2401.00011',
      ],
      skipped: [],
    });
  });

  it('reports what it skipped, with line numbers and why', () => {
    const text = ['2407.21783', 'hep-th/9901001', 'not a paper', 'https://example.com/2401.00001', '1234.5678', '2413.00001', 'https://arxiv.org/abs/math.AG/0601001v2', 'x'.repeat(500)].join('\n');
    const { ids, skipped } = parseIdList(text);
    expect(ids).toEqual(['2407.21783']);
    expect(skipped.map((s) => [s.line, s.reason])).toEqual([
      [2, 'old-style arXiv id (before April 2007): not supported'],
      [3, 'no arXiv id or paper URL'],
      [4, 'no arXiv id or paper URL'],
      [5, 'no arXiv id or paper URL'],
      [6, 'no arXiv id or paper URL'],
      [7, 'old-style arXiv id (before April 2007): not supported'],
      [8, 'no arXiv id or paper URL'],
    ]);
    expect(skipped[1].text).toBe('not a paper');
    expect(skipped[6].text.length).toBeLessThanOrEqual(120);
  });

  it('reads a BibTeX file: eprint, arXiv URLs, journal = {arXiv preprint …}, DOIs; reports entries without one', () => {
    const bib = String.raw`% Exported from somewhere
@string{ai = "Artificial Intelligence"}
@misc{dubey2024llama,
  title={The Llama 3 Herd of Models},
  author={Dubey, Abhimanyu and others},
  year={2024},
  eprint={2407.21783},
  archivePrefix={arXiv},
  primaryClass={cs.AI},
  url={https://arxiv.org/abs/2407.21783},
}
@article{vaswani2017attention,
  title={Attention is all you need},
  journal={arXiv preprint arXiv:1706.03762},
  year={2017}
}
@inproceedings{ho2020denoising,
  title = "Denoising Diffusion Probabilistic Models",
  url = "https://arxiv.org/pdf/2006.11239v2.pdf",
}
@ARTICLE{doi2021,
  doi = {10.48550/ARXIV.2106.09685},
}
@online{eprint2022,
  eprint = {arXiv:2201.11903v6},
  note = {cites 2106.09685 too},
}
@book{knuth1984texbook,
  title={The TeXbook},
  publisher={Addison-Wesley},
  year={1984}
}
@article{old1999,
  eprint = {hep-th/9901001},
}
@comment{jabref-meta: databaseType:bibtex;}
`;
    const { ids, skipped } = parseIdList(bib);
    expect(ids).toEqual(['2407.21783', '1706.03762', '2006.11239', '2106.09685', '2201.11903']);
    expect(skipped).toEqual([
      { line: 28, text: '@book{knuth1984texbook,', reason: 'no arXiv id in this entry' },
      { line: 33, text: '@article{old1999,', reason: 'old-style arXiv id (before April 2007): not supported' },
    ]);
  });

  it('reads back our own BibTeX export and ids pasted from our Markdown', () => {
    const papers = realPapers();
    expect(parseIdList(toBibtex(papers)).ids).toEqual(papers.map((p) => p.id));
  });

  it('tells real ids from other numbers', () => {
    expect(['0704.0001', '1412.9999', '1501.00001', '2612.99999'].every(plausibleId)).toBe(true);
    expect(['0703.0001', '1413.0001', '1501.0001', '1412.00001', '2400.00001', '2413.00001'].some(plausibleId)).toBe(false);
    expect(findArxivIds('version 2407.21783.1 and v2407.21783 and 12407.21783 and 2407.217834')).toEqual([]);
    expect(findArxivIds('2407.21783.pdf')).toEqual(['2407.21783']);
  });

  it('is total on generated garbage', () => {
    const r = new Rng(SEED).fork(15);
    for (let i = 0; i < 500; i++) {
      const text = r.many(20, () => (r.bool(0.3) ? `https://arxiv.org/abs/2401.${String(r.int(99999)).padStart(5, '0')}` : anyString(r, 60))).join(r.pick(['\n', '\r\n', ' ', '\r']));
      const out = parseIdList(text);
      expect(new Set(out.ids).size).toBe(out.ids.length);
      for (const id of out.ids) expect(plausibleId(id)).toBe(true);
    }
  });
});
