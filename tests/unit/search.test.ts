import { describe, expect, it } from 'vitest';
import type { PaperRow } from '@/lib/db';
import { fold, queryTerms, SearchIndex, tokenize, withinOneEdit } from '@/lib/library/search';

let clock = 1_000;
function paper(id: string, fields: Partial<PaperRow> = {}): PaperRow {
  clock += 1;
  return { id, title: `Paper ${id}`, authors: [], tags: [], url: `https://huggingface.co/papers/${id}`, updatedAt: clock, starredAt: clock, ...fields };
}

const LIBRARY: PaperRow[] = [
  paper('2401.00001', {
    title: 'Scalable Diffusion Models with Transformers',
    authors: ['William Peebles', 'Saining Xie'],
    abstract: 'We explore a new class of diffusion models based on the transformer architecture.',
    tags: ['Diffusion', 'Image generation'],
  }),
  paper('2401.00002', {
    title: 'The Llama 3 Herd of Models',
    authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Abhinav Pandey'],
    abstract: 'Modern artificial intelligence systems are powered by foundation models.',
    tags: ['LLM'],
  }),
  paper('2401.00003', {
    title: 'Video Generation at Scale',
    authors: ['Zoë Ünal', 'Łukasz Kaiser'],
    abstract: 'A latent diffusion approach to video synthesis.',
    tags: ['Video'],
    manualTags: ['to cite'],
  }),
  paper('2401.00004', {
    title: 'Reinforcement Learning from Human Feedback',
    authors: ['Jane Doe'],
    abstract: 'Reward models trained on preferences.',
    notes: 'Compare with **DPO**; see section 4 on straße crossings.',
  }),
];

const ids = (index: SearchIndex, q: string) => index.search(q).map((h) => h.row.id);

describe('folding and terms', () => {
  it.each([
    ['Zoë Ünal', 'zoe unal'],
    ['Łukasz', 'lukasz'],
    ['Straße', 'strasse'],
    ['Æsir Œuvre Øre', 'aesir oeuvre ore'],
    ['Crème BRÛLÉE', 'creme brulee'],
    ['plain ascii 123', 'plain ascii 123'],
  ])('fold(%j) = %j', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });

  it('splits on everything but letters and digits, in any script', () => {
    expect(tokenize('Text-to-Image (T2I) models: 3D!')).toEqual(['text', 'to', 'image', 't2i', 'models', '3d']);
    expect(tokenize('大规模 语言模型')).toEqual(['大规模', '语言模型']);
    expect(queryTerms('  Diffusion   diffusion ')).toEqual(['diffusion']);
    expect(queryTerms(' -- ')).toEqual([]);
  });

  it.each([
    ['difusion', 'diffusion', true], // a letter missing
    ['diffusion', 'difusion', true], // a letter too many
    ['diffusoin', 'diffusion', true], // two swapped
    ['diffasion', 'diffusion', true], // one changed
    ['xdiffusion', 'diffusion', true],
    ['difusoin', 'diffusion', false], // two edits
    ['diffusion', 'diffusion', true],
    ['abc', 'abcde', false],
  ])('withinOneEdit(%j, %j) = %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });

  it('compares with the beginning of a word when given a length', () => {
    expect(withinOneEdit('difus', 'diffusion', 6)).toBe(true);
    expect(withinOneEdit('difus', 'diffusion', 4)).toBe(false);
  });
});

describe('SearchIndex', () => {
  const index = new SearchIndex(LIBRARY);
  index.warmUp();

  it('an empty query (no letters or digits) finds nothing: the caller shows its own list', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('  ,; ')).toEqual([]);
  });

  it('finds words, beginnings of words and parts of words, in every field', () => {
    expect(ids(index, 'transformers')).toEqual(['2401.00001']); // title
    expect(ids(index, 'transform')).toEqual(['2401.00001']); // beginning
    expect(ids(index, 'former')).toEqual(['2401.00001']); // part (3+ letters)
    expect(ids(index, 'jauhri')).toEqual(['2401.00002']); // author
    expect(ids(index, 'to cite')).toEqual(['2401.00003']); // manual tag
    expect(ids(index, 'dpo')).toEqual(['2401.00004']); // notes
    expect(ids(index, 'preferences')).toEqual(['2401.00004']); // abstract
    expect(ids(index, '2401.00002')).toEqual(['2401.00002']); // arXiv id
  });

  it('needs every term', () => {
    expect(ids(index, 'diffusion video')).toEqual(['2401.00003']);
    expect(ids(index, 'diffusion llama')).toEqual([]);
  });

  it('short terms match only at the beginning of a word', () => {
    expect(ids(index, 'he')).toEqual(['2401.00002']); // "Herd", not "the", "powered", "where"…
  });

  it('folds accents on both sides', () => {
    expect(ids(index, 'unal')).toEqual(['2401.00003']);
    expect(ids(index, 'Ünal')).toEqual(['2401.00003']);
    expect(ids(index, 'lukasz')).toEqual(['2401.00003']);
    expect(ids(index, 'STRASSE')).toEqual(['2401.00004']);
  });

  it('corrects a typo of five letters or more against the words of the library', () => {
    expect(ids(index, 'difusion').sort()).toEqual(['2401.00001', '2401.00003']);
    expect(ids(index, 'diffusoin').sort()).toEqual(['2401.00001', '2401.00003']);
    expect(ids(index, 'transfromers')).toEqual(['2401.00001']);
    expect(ids(index, 'peebels')).toEqual(['2401.00001']);
    // …also while it is still being typed.
    expect(ids(index, 'difus').sort()).toEqual(['2401.00001', '2401.00003']);
    // Four letters are too few to guess.
    expect(ids(index, 'hedr')).toEqual([]);
    // Two mistakes are too many.
    expect(ids(index, 'difusoin')).toEqual([]);
  });

  it('corrects only terms that are found nowhere as they are', () => {
    const lib = new SearchIndex([paper('2402.00001', { title: 'Modal logic' }), paper('2402.00002', { title: 'Model merging' })]);
    lib.warmUp();
    expect(ids(lib, 'model')).toEqual(['2402.00002']);
    expect(ids(lib, 'moddl').sort()).toEqual(['2402.00001', '2402.00002']);
  });

  it('ranks title hits first, then tags, authors, notes, abstract; exact words before beginnings and typos', () => {
    const lib = new SearchIndex([
      paper('2403.00001', { title: 'Something else', abstract: 'about diffusion' }),
      paper('2403.00002', { title: 'Another paper', notes: 'diffusion!' }),
      paper('2403.00003', { title: 'Yet another', authors: ['Ann Diffusion'] }),
      paper('2403.00004', { title: 'Fourth', tags: ['Diffusion'] }),
      paper('2403.00005', { title: 'Diffusion everywhere' }),
      paper('2403.00006', { title: 'Diffusions, plural' }),
    ]);
    expect(ids(lib, 'diffusion')).toEqual(['2403.00005', '2403.00006', '2403.00004', '2403.00003', '2403.00002', '2403.00001']);
    // Corrections rank the same way.
    const typo = new SearchIndex([
      paper('2403.00007', { title: 'Nothing here', abstract: 'transformers' }),
      paper('2403.00008', { title: 'Transformers' }),
    ]);
    typo.warmUp();
    expect(ids(typo, 'transfomers')).toEqual(['2403.00008', '2403.00007']);
  });

  it('gives a bonus to a title holding the whole query', () => {
    const lib = new SearchIndex([
      paper('2404.00001', { title: 'Models of diffusion', starredAt: 10 }),
      paper('2404.00002', { title: 'Diffusion models', starredAt: 5 }),
    ]);
    expect(ids(lib, 'diffusion models')).toEqual(['2404.00002', '2404.00001']);
  });

  it('breaks ties by the most recently starred', () => {
    const lib = new SearchIndex([paper('2405.00001', { title: 'Same title', starredAt: 1 }), paper('2405.00002', { title: 'Same title', starredAt: 2 })]);
    expect(ids(lib, 'same')).toEqual(['2405.00002', '2405.00001']);
  });

  it('follows changes: upsert and remove, while typing on', () => {
    const lib = new SearchIndex(LIBRARY);
    lib.warmUp();
    expect(ids(lib, 'dif')).toHaveLength(2);
    expect(ids(lib, 'diff')).toHaveLength(2);
    lib.remove('2401.00003');
    expect(ids(lib, 'diffu')).toEqual(['2401.00001']);
    lib.upsert({ ...LIBRARY[1], notes: 'compare with diffusion LMs' });
    expect(ids(lib, 'diffus')).toEqual(['2401.00001', '2401.00002']);
    lib.upsert({ ...LIBRARY[1], notes: 'no longer' });
    expect(ids(lib, 'diffusi')).toEqual(['2401.00001']);
    expect(lib.size).toBe(3);
    expect(lib.has('2401.00003')).toBe(false);
    // A word learned from an upserted paper corrects typos at once.
    lib.upsert(paper('2401.00009', { title: 'Quantization' }));
    expect(ids(lib, 'quantisation')).toEqual(['2401.00009']);
  });

  it('typing a term letter by letter gives what the whole term gives at once', () => {
    const rows = generated(500);
    const typed = new SearchIndex(rows);
    typed.warmUp();
    const fresh = (q: string) => {
      const lib = new SearchIndex(rows);
      lib.warmUp();
      return ids(lib, q);
    };
    for (const query of ['diffusion models', 'transfromer', 'reinforcement learning']) {
      for (let i = 1; i <= query.length; i++) expect(ids(typed, query.slice(0, i))).toEqual(fresh(query.slice(0, i)));
    }
  });

  it('removes and replaces many papers (compaction) without losing any', () => {
    const rows = generated(1000);
    const lib = new SearchIndex(rows);
    for (const row of rows.slice(0, 700)) lib.remove(row.id);
    for (const row of rows.slice(700, 900)) lib.upsert({ ...row, title: `${row.title} renamed` });
    expect(lib.size).toBe(300);
    expect(ids(lib, 'renamed')).toHaveLength(200);
    expect(new Set(ids(lib, 'author'))).toEqual(new Set(rows.slice(700).map((r) => r.id)));
  });

  it('builds over 10,000 papers with abstracts and searches them', () => {
    const rows = generated(10_000);
    const lib = new SearchIndex(rows);
    let slices = 0;
    while (!lib.warmUp(() => false)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(lib.size).toBe(10_000);
    expect(ids(lib, 'diffusion').length).toBeGreaterThan(100);
    expect(ids(lib, 'difusion')).toEqual(ids(lib, 'diffusion'));
    expect(ids(lib, 'zzzzqqq')).toEqual([]);
  });
});

const WORDS = ['diffusion', 'models', 'transformer', 'reinforcement', 'learning', 'vision', 'language', 'agents', 'reasoning', 'paper', 'video', 'scaling', 'sparse', 'attention'];

/** Papers with generated titles and abstracts (a fixed sequence). */
function generated(n: number): PaperRow[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pick = () => WORDS[Math.floor(rnd() * WORDS.length)];
  const phrase = (k: number) => Array.from({ length: k }, pick).join(' ');
  return Array.from({ length: n }, (_, i) =>
    paper(`2501.${String(10000 + i)}`, {
      title: phrase(5),
      authors: [`Author ${i}`, `Coauthor ${i % 97}`],
      abstract: `${phrase(60)} x${i.toString(36)}y`,
      tags: [pick()],
    }),
  );
}
