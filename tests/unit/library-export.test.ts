// Export formats (lib/library): BibTeX read back by a real parser (Better BibTeX's, as Zotero uses),
// CSV read back by a strict RFC 4180 parser, Markdown checked for escaping and links.
//
// Reproduce a run with the seed it printed: FUZZ_SEED=<seed> npx vitest run tests/unit/library-export.test.ts
import { parse as parseBibtex, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import type { PaperRow } from '@/lib/db';
import { asciiFold, citationKeys, escapeLatex, toBibtex, type BibtexPaper } from '@/lib/library/bibtex';
import { CSV_BOM, CSV_COLUMNS, guardCsvField, toCsv, unguardCsvField } from '@/lib/library/csv';
import { parseIdList } from '@/lib/library/import-list';
import { escapeMarkdown, toMarkdown } from '@/lib/library/markdown';
import { AWKWARD, genLibrary, realPapers } from './library-gen';
import { fuzzSeed, Rng } from './gen';

const SEED = fuzzSeed();
console.log(`library-export seed ${SEED}`);

/** How the exports present one line of text: whitespace runs as one space, control characters gone. */
const oneLine = (s: string) => s.replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '').replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------
// BibTeX

/** Exactly as written (no sentence-casing): what a reader that keeps the title's case gets. */
const literal = (bib: string) => parseBibtex(bib, { english: false, sentenceCase: false });

const bibtexOf = (e: Entry) => e.input;

function nameOf(c: Creator): string {
  if (c.name !== undefined) return c.name;
  return [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ');
}

function expectEntryDecodes(entry: Entry, p: PaperRow | BibtexPaper) {
  const f = entry.fields;
  expect(entry.type).toBe('misc');
  expect(f.title).toBe(oneLine(p.title));
  expect((f.author ?? []).map(nameOf)).toEqual(p.authors.map(oneLine).filter(Boolean));
  expect(f.eprint).toBe(p.id);
  expect(f.archiveprefix).toBe('arXiv');
  expect(f.url).toBe(`https://arxiv.org/abs/${p.id}`);
  expect(f.doi).toBe(`10.48550/arXiv.${p.id}`);
  if (p.abstract) expect(f.abstract).toBe(oneLine(p.abstract));
  const published = p.publishedAt ?? `20${p.id.slice(0, 2)}-${p.id.slice(2, 4)}`;
  expect(f.year).toBe(published.slice(0, 4));
  expect(f.month).toBe(String(Number(published.slice(5, 7))));
}

/** Every field's braces balance (escaped ones aside), and never go below zero. */
function expectBalancedBraces(bib: string) {
  for (const line of bib.split('\n')) {
    if (line === '}' || line.startsWith('@')) continue; // an entry's own braces
    let depth = 0;
    const unescaped = line.replace(/\\[{}]/g, '');
    for (const c of unescaped) {
      if (c === '{') depth++;
      if (c === '}') depth--;
      expect(depth, line).toBeGreaterThanOrEqual(0);
    }
    // An entry opens on its @ line and closes on its own line; every field line is balanced.
    if (line.startsWith('  ')) expect(depth, line).toBe(0);
  }
}

describe('toBibtex', () => {
  it('writes an arXiv entry like arXiv does, with a readable key', () => {
    const bib = toBibtex([
      {
        id: '2407.21783',
        title: 'The Llama 3 Herd of Models',
        authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Abhinav Pandey'],
        publishedAt: '2024-07-31T00:00:00.000Z',
        tags: ['LLM'],
        primaryClass: 'cs.AI',
      },
    ]);
    expect(bib).toBe(
      [
        '@misc{dubey2024llama,',
        '  title = {The Llama 3 Herd of Models},',
        '  author = {Abhimanyu Dubey and Abhinav Jauhri and Abhinav Pandey},',
        '  year = {2024},',
        '  month = jul,',
        '  eprint = {2407.21783},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.AI},',
        '  doi = {10.48550/arXiv.2407.21783},',
        '  url = {https://arxiv.org/abs/2407.21783},',
        '  keywords = {LLM},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes every LaTeX special so that it decodes back to itself', () => {
    for (const s of AWKWARD) {
      const bib = `@misc{k, note = {${escapeLatex(oneLine(s))}}}`;
      const lib = literal(bib);
      expect(lib.errors, s).toEqual([]);
      expect(lib.entries[0].fields.note, s).toBe(oneLine(s));
    }
  });

  it('exports a day of real papers that a real parser reads back field for field', () => {
    const papers = realPapers();
    const bib = toBibtex(papers);
    const lib = literal(bib);
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(papers.length);
    lib.entries.forEach((e, i) => expectEntryDecodes(e, papers[i]));
    expect(lib.entries.map((e) => e.key)).toEqual(citationKeys(papers));
    expectBalancedBraces(bib);
  }, 60_000);

  it('round-trips generated libraries full of awkward characters', () => {
    const r = new Rng(SEED).fork(1);
    // The parser takes some 40 ms per entry with an abstract: a few dozen entries per run.
    for (let run = 0; run < 3; run++) {
      const papers = genLibrary(r, 45, run % 2 === 0);
      const bib = toBibtex(papers);
      const lib = literal(bib);
      expect(lib.errors).toEqual([]);
      expect(lib.entries).toHaveLength(papers.length);
      lib.entries.forEach((e, i) => expectEntryDecodes(e, papers[i]));
      expectBalancedBraces(bib);
      // Keys unique, ASCII, and the entries are what an id import reads back.
      const keys = lib.entries.map((e) => e.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) expect(k).toMatch(/^[a-z0-9]+$/);
      expect(parseIdList(bib)).toEqual({ ids: papers.map((p) => p.id), skipped: [] });
    }
  }, 60_000);

  it('keeps the case of acronyms and names when the reader sentence-cases titles (as Zotero does)', () => {
    const title = 'MiA-Signature: Approximating Global Activation for LLMs with GPT-4o and Qwen2.5 on 3D Scenes';
    const lib = parseBibtex(toBibtex([{ id: '2605.01234', title, authors: ['A B'] }]));
    expect(lib.errors).toEqual([]);
    const decoded = lib.entries[0].fields.title.replace(/<\/?span[^>]*>/g, '');
    for (const word of ['MiA-Signature', 'LLMs', 'GPT-4o', 'Qwen2.5', '3D']) expect(decoded).toContain(word);
    expect(decoded).toContain('global activation');
  });

  it('writes authors as given, "others" never invented, awkward names kept whole', () => {
    const names = ['Jan van der Berg', 'Smith, John', 'Tom and Jerry', 'others', 'Ça Ünal', 'Team {A} & B', 'محمد علي'];
    const bib = toBibtex([{ id: '2401.00001', title: 'T', authors: names }]);
    const lib = literal(bib);
    expect(lib.errors).toEqual([]);
    expect(lib.entries[0].fields.author!.map(nameOf)).toEqual(names);
    expect(bib).not.toMatch(/and others\}/);
    // Many authors: all of them, no "et al." / "others" cut.
    const many = Array.from({ length: 120 }, (_, i) => `Author Number${i}`);
    const big = literal(toBibtex([{ id: '2401.00002', title: 'T', authors: many }]));
    expect(big.entries[0].fields.author!.map(nameOf)).toEqual(many);
  });

  it('makes keys from surname, year and first significant word, ASCII-folded, duplicates by id', () => {
    const p = (id: string, title: string, authors = ['Łukasz Ünal-Ørsted']): BibtexPaper => ({ id, title, authors, publishedAt: '2024-03-01' });
    const papers = [
      p('2403.00003', 'The Deep Thing'),
      p('2403.00001', 'A Deep Thing'),
      p('2403.00002', 'Deep, deeper'),
      p('2403.00009', 'Deepa stuff'), // its own key is what a suffixed "deep" would be
      p('2403.00004', '東京: 😀', ['李 伟']),
    ];
    expect(citationKeys(papers)).toEqual([
      'unalorsted2024deepc', // third in id order
      'unalorsted2024deep', // first
      'unalorsted2024deepb', // second: "deepa" is 2403.00009's own
      'unalorsted2024deepa',
      'arxiv2024',
    ]);
    // The order of the papers does not change a key.
    const reversed = citationKeys([...papers].reverse()).reverse();
    expect(reversed).toEqual(citationKeys(papers));
    expect(asciiFold('Ærøskøbing Straße Łódź')).toBe('aeroskobingstrasselodz');
    // Many duplicates: a…z, then aa…
    const same = Array.from({ length: 30 }, (_, i) => p(`2403.${String(i + 10).padStart(5, '0')}`, 'Same'));
    const keys = citationKeys(same);
    expect(new Set(keys).size).toBe(30);
    expect(keys.slice(0, 3)).toEqual(['unalorsted2024same', 'unalorsted2024samea', 'unalorsted2024sameb']);
    expect(keys[27]).toBe('unalorsted2024sameaa');
  });

  it('takes year and month from the date as written, else from the id; keywords from all tags', () => {
    const lib = literal(
      toBibtex([
        { id: '2412.00001', title: 'T', authors: [], publishedAt: '2025-01-01T00:00:00.000-08:00', tags: ['LLM', 'x{y}', 'sub, tag'], manualTags: ['llm', 'mine'] },
        { id: '0704.0001', title: 'U', authors: [] },
      ]),
    );
    expect(lib.errors).toEqual([]);
    const [a, b] = lib.entries;
    expect([a.fields.year, a.fields.month]).toEqual(['2025', '1']);
    expect(bibtexOf(a)).toContain('keywords = {LLM, x y, sub tag, mine}');
    expect(a.fields.keywords).toEqual(['LLM', 'mine', 'sub tag', 'x y']); // the parser sorts them
    expect(a.fields.author).toBeUndefined();
    expect([b.fields.year, b.fields.month]).toEqual(['2007', '4']);
    expect(b.fields.primaryclass).toBeUndefined();
  });

  it('is empty for no papers', () => {
    expect(toBibtex([])).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
// CSV

/** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      if (i === text.length) return rows;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}, got ${JSON.stringify(text.slice(i, i + 10))}`);
  }
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/** What one paper's row must read back as (after the formula guard is undone). */
function expectedCsvRow(p: PaperRow): string[] {
  return [
    p.id,
    p.title,
    p.authors.join('; '),
    p.publishedAt ?? '',
    p.url,
    `https://arxiv.org/abs/${p.id}`,
    p.codeUrl ?? '',
    p.codeStars === undefined ? '' : String(p.codeStars),
    p.upvotes === undefined ? '' : String(p.upvotes),
    p.projectUrl ?? '',
    p.tags.join('; '),
    (p.manualTags ?? []).join('; '),
    p.status ?? 'to-read',
    p.notes ?? '',
    iso(p.starredAt),
    iso(p.hiddenAt),
  ];
}

describe('toCsv', () => {
  it('reads back, cell for cell, for generated libraries full of awkward characters', () => {
    const r = new Rng(SEED).fork(2);
    for (let run = 0; run < 5; run++) {
      const papers = genLibrary(r, 60, run % 2 === 0);
      const csv = toCsv(papers);
      const rows = parseCsv(csv);
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      expect(rows.slice(1).map((row) => row.map(unguardCsvField))).toEqual(papers.map(expectedCsvRow));
      // No cell starts a formula.
      for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('quotes only what needs quoting, with CRLF line ends', () => {
    const p: PaperRow = {
      id: '2401.00001',
      title: 'Plain',
      authors: ['A, B', 'C "D"'],
      url: 'https://huggingface.co/papers/2401.00001',
      tags: [],
      notes: 'line 1\nline 2',
      starredAt: 0,
      updatedAt: 1,
    };
    expect(toCsv([p])).toBe(
      CSV_COLUMNS.join(',') +
        '\r\n' +
        '2401.00001,Plain,"A, B; C ""D""",,https://huggingface.co/papers/2401.00001,https://arxiv.org/abs/2401.00001,,,,,,,to-read,"line 1\nline 2",1970-01-01T00:00:00.000Z,\r\n',
    );
    expect(toCsv([], { bom: true })).toBe(CSV_BOM + CSV_COLUMNS.join(',') + '\r\n');
  });

  it('defuses spreadsheet formulas, reversibly', () => {
    const cases: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['+SUM(A1)', "'+SUM(A1)"],
      ['-2', "'-2"],
      ['@cmd', "'@cmd"],
      ['\tx', "'\tx"],
      ["'=x", "''=x"],
      ["'plain", "'plain"],
      ['a=b', 'a=b'],
      ['', ''],
    ];
    for (const [raw, guarded] of cases) {
      expect(guardCsvField(raw)).toBe(guarded);
      expect(unguardCsvField(guardCsvField(raw))).toBe(raw);
    }
    const csv = toCsv([{ id: '2401.00001', title: '=HYPERLINK("https://evil.example","x")', authors: ['@me'], url: 'https://huggingface.co/papers/2401.00001', tags: ['-x'], updatedAt: 1 }]);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")",'@me,`);
    expect(csv).toContain(",'-x,");
  });
});

// ---------------------------------------------------------------------------------------------
// Markdown

/** Undoes CommonMark backslash escapes (any ASCII punctuation). */
const unescapeMarkdown = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('toMarkdown', () => {
  const base: PaperRow = {
    id: '2605.01234',
    title: 'Plain',
    authors: [],
    url: 'https://huggingface.co/papers/2605.01234',
    tags: [],
    updatedAt: 1,
  };

  it('writes a reading list grouped by status, notes under their paper', () => {
    const md = toMarkdown(
      [
        { ...base, id: '2605.00001', url: 'https://huggingface.co/papers/2605.00001', title: 'First', authors: ['A One', 'B Two', 'C Three'], codeUrl: 'https://github.com/x/y', tags: ['LLM'], manualTags: ['mine'], notes: 'Good.\n\n- point' },
        { ...base, id: '2605.00002', url: 'https://huggingface.co/papers/2605.00002', title: 'Second', authors: ['A One', 'B Two'], status: 'reading', projectUrl: 'https://p.example/' },
        { ...base, id: '2605.00003', url: 'https://huggingface.co/papers/2605.00003', title: 'Third', authors: ['Solo'], status: 'read' },
      ],
      { title: 'My list' },
    );
    expect(md).toBe(
      [
        '# My list',
        '',
        '## Reading (1)',
        '',
        '- [Second](https://huggingface.co/papers/2605.00002) — A One, B Two · [project](https://p.example/)',
        '',
        '## To read (1)',
        '',
        '- [First](https://huggingface.co/papers/2605.00001) — A One, B Two et al. · [code](https://github.com/x/y) · LLM, mine',
        '',
        '  Good.',
        '',
        '  - point',
        '',
        '## Read (1)',
        '',
        '- [Third](https://huggingface.co/papers/2605.00003) — Solo',
        '',
      ].join('\n'),
    );
    expect(toMarkdown([], {})).toBe('# Reading list\n\n_No papers._\n');
  });

  it('keeps page text as text: every title and author reads back from its escaped form', () => {
    const r = new Rng(SEED).fork(3);
    const papers = genLibrary(r, 80, true);
    const md = toMarkdown(papers, { groupByStatus: false });
    const items = md.split('\n').filter((l) => l.startsWith('- '));
    expect(items).toHaveLength(papers.length);
    items.forEach((line, i) => {
      const p = papers[i];
      // Link text: up to the first unescaped "](" — nothing in the title may close it early.
      const m = /^- \[((?:\\.|[^\\\]])*)\]\((https:\/\/[^()\s<>]+)\)/.exec(line);
      expect(m, line).not.toBeNull();
      expect(unescapeMarkdown(m![1])).toBe(oneLine(p.title));
      expect(m![2]).toBe(p.url);
      // No raw HTML, emphasis, code span or link syntax survives from page text.
      const text = line.replace(/\]\(https:[^)\s]+\)/g, ']');
      expect(text).not.toMatch(/(?<!\\)[<`*_|~$]/);
    });
  });

  it('links only to https: other schemes are left out, http is upgraded, parentheses encoded', () => {
    const md = toMarkdown([
      { ...base, codeUrl: 'javascript:alert(1)', projectUrl: 'http://example.org/a(b)' },
      { ...base, id: '2605.00009', url: 'javascript:alert(1)', codeUrl: 'data:text/html,x' },
    ]);
    expect(md).not.toMatch(/javascript:|data:/);
    expect(md).toContain('[project](https://example.org/a%28b%29)');
    expect(md).toContain('[Plain](https://huggingface.co/papers/2605.00009)');
    expect(md.match(/\]\(([^)]*)\)/g)!.every((l) => l.startsWith('](https://'))).toBe(true);
  });

  it('escapes Markdown specials and bare URLs in page text', () => {
    expect(escapeMarkdown('[a](b) *c* _d_ `e` <f> #g |h| ~i~ $j$ &amp; \\k')).toBe(
      '\\[a\\](b) \\*c\\* \\_d\\_ \\`e\\` \\<f\\> \\#g \\|h\\| \\~i\\~ \\$j\\$ \\&amp; \\\\k',
    );
    expect(escapeMarkdown('see https://x.example and HTTP://y')).toBe('see https\\://x.example and HTTP\\://y');
    expect(unescapeMarkdown(escapeMarkdown(AWKWARD.join(' ')))).toBe(AWKWARD.join(' '));
  });
});
