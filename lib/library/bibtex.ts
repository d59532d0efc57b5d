// BibTeX export of saved papers, for Zotero, JabRef, Overleaf and plain BibTeX/biber.
// Pure: no browser APIs, no dependencies beyond lib/hf/urls.
//
// Each paper becomes an arXiv-style `@misc` entry (what arXiv's own "Export BibTeX" gives):
//   title, author, year, month, eprint, archivePrefix, primaryClass (when known), doi, url, abstract, keywords.
// Text fields are UTF-8 with the LaTeX specials escaped, so that every character decodes back to itself
// (checked in tests/unit/library-export.test.ts with @retorquere/bibtex-parser, Better BibTeX's parser).
import { fold, oneSpaced } from '../fold';
import type { PaperRow } from '../db';
import { isArxivId } from '../hf/urls';

/** What the export reads of a paper. `PaperRow` fits; `primaryClass` (e.g. "cs.CL") is not stored yet. */
export type BibtexPaper = Pick<PaperRow, 'id' | 'title' | 'authors'> &
  Partial<Pick<PaperRow, 'publishedAt' | 'abstract' | 'tags' | 'manualTags'>> & {
    primaryClass?: string;
  };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** Entries in the order given, one blank line apart; keys are unique within the export. */
export function toBibtex(papers: readonly BibtexPaper[]): string {
  const keys = citationKeys(papers);
  return papers.map((p, i) => entry(p, keys[i])).join('\n');
}

function entry(p: BibtexPaper, key: string): string {
  const fields: [string, string][] = [];
  const title = cleanText(p.title);
  if (title) fields.push(['title', `{${protectTitle(title)}}`]);
  const authors = p.authors.map(cleanText).filter(Boolean);
  if (authors.length) fields.push(['author', `{${authors.map(bibName).join(' and ')}}`]);
  const date = dateOf(p);
  if (date) {
    fields.push(['year', `{${date.year}}`]);
    // The standard month macros (unbraced), which every style and importer knows.
    if (date.month) fields.push(['month', MONTHS[date.month - 1]]);
  }
  if (isArxivId(p.id)) {
    fields.push(['eprint', `{${p.id}}`], ['archivePrefix', '{arXiv}']);
    if (p.primaryClass && /^[a-z-]+(?:\.[A-Za-z-]+)?$/.test(p.primaryClass)) {
      fields.push(['primaryClass', `{${p.primaryClass}}`]);
    }
    // arXiv registers a DataCite DOI for every paper: 10.48550/arXiv.<id>. Zotero deduplicates on it.
    fields.push(['doi', `{10.48550/arXiv.${p.id}}`], ['url', `{https://arxiv.org/abs/${p.id}}`]);
  }
  const abstract = p.abstract ? cleanText(p.abstract) : '';
  if (abstract) fields.push(['abstract', `{${escapeLatex(abstract)}}`]);
  const keywords = keywordList([...(p.tags ?? []), ...(p.manualTags ?? [])]);
  if (keywords.length) fields.push(['keywords', `{${keywords.join(', ')}}`]);

  const body = fields.map(([name, value]) => `  ${name} = ${value},`).join('\n');
  return `@misc{${key},\n${body}\n}\n`;
}

// ---------------------------------------------------------------------------------------------
// Text

/** One line of text: whitespace runs (newlines, tabs) become one space; other control characters go. */
function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return oneSpaced(s.replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '')).trim();
}

/**
 * LaTeX-escaped text. Every special gets its text-mode command, and the ligatures TeX (and BibTeX
 * importers) would otherwise form are broken with `{}`: `--` (en dash), `''` and ``` `` ``` (quotes),
 * `,,` `<<` `>>` (T1 quotes), `?``/`!`` (Spanish marks). `<`, `>` and `|` print as other glyphs in
 * LaTeX's default (OT1) encoding, hence \textless and friends. Braces come out balanced: every
 * brace of the text is escaped, so the only unescaped braces are the ones we add in pairs.
 */
export function escapeLatex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    switch (c) {
      case '\\':
        out += '\\textbackslash{}';
        break;
      case '{':
      case '}':
      case '&':
      case '%':
      case '$':
      case '#':
      case '_':
        out += '\\' + c;
        break;
      case '~':
        out += '\\textasciitilde{}';
        break;
      case '^':
        out += '\\textasciicircum{}';
        break;
      case '<':
        out += '\\textless{}';
        break;
      case '>':
        out += '\\textgreater{}';
        break;
      case '|':
        out += '\\textbar{}';
        break;
      case '-':
      case "'":
      case '`':
      case ',':
        out += next === c ? c + '{}' : c;
        break;
      case '?':
      case '!':
        out += next === '`' ? c + '{}' : c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/** A word whose case carries meaning: a capital after its first letter (LLMs, MiA-Signature, A^2TGPO) or a capital with a digit (Qwen2.5, 3D). */
function keepsCase(word: string): boolean {
  return /\p{Lu}/u.test(word.slice(1)) || (/\p{Lu}/u.test(word) && /\d/.test(word));
}

/**
 * The title, escaped, with case-carrying words in braces. Styles and importers that sentence-case
 * titles (Zotero does, as do many .bst styles) then lower only the ordinary words: "Continuous
 * Latent Diffusion" may become "Continuous latent diffusion", "LLMs" stays "LLMs". A braced group
 * that began with a backslash would be a BibTeX "special character" (and be case-changed), so such
 * a word gets a second pair of braces.
 */
function protectTitle(title: string): string {
  return title
    .split(' ')
    .map((word) => {
      const escaped = escapeLatex(word);
      if (!keepsCase(word)) return escaped;
      return escaped.startsWith('\\') ? `{{${escaped}}}` : `{${escaped}}`;
    })
    .join(' ');
}

/**
 * One author as given ("First Last", which BibTeX splits at the last word). A name that BibTeX
 * would misread goes in braces, read then as one literal name: one with a comma ("Last, First"
 * order), with the word "and" (the list separator), or that is the word "others" (et al.).
 */
function bibName(name: string): string {
  const escaped = escapeLatex(name);
  const literal = name.includes(',') || /(^|\s)and(\s|$)/i.test(name) || /^others$/i.test(name);
  return literal ? `{${escaped}}` : escaped;
}

/**
 * Keywords as importers read them: a comma-separated list taken verbatim (Better BibTeX, JabRef),
 * so no escapes. Characters that cannot stand in such a list (braces, backslash, the comma) are
 * dropped; duplicates (case-insensitive) are dropped.
 */
function keywordList(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    const k = cleanText(tag.replace(/[{}\\,]/g, ' '));
    const lower = k.toLowerCase();
    if (!k || seen.has(lower)) continue;
    seen.add(lower);
    out.push(k);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates and keys

/** Year and month from publishedAt (its date part, as written: no time-zone shift), else from the id's YYMM (arXiv's submission month). */
function dateOf(p: BibtexPaper): { year: number; month?: number } | null {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(p.publishedAt?.trim() ?? '');
  if (m) {
    const month = m[2] ? Number(m[2]) : undefined;
    return { year: Number(m[1]), month: month && month >= 1 && month <= 12 ? month : undefined };
  }
  const id = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(p.id);
  if (id) {
    const month = Number(id[2]);
    return { year: 2000 + Number(id[1]), month: month >= 1 && month <= 12 ? month : undefined };
  }
  return null;
}

/** Lower-case ASCII letters and digits only: accents removed (Ünal → unal), other scripts dropped. */
export const asciiFold = (s: string): string => fold(s).replace(/[^a-z0-9]/g, '');

const STOPWORDS = new Set(
  'a an the of on in for to and or with without via from by at as is are be do does can could should what when where why how which who we our your its toward towards into over under beyond about through than not no are'.split(' '),
);

/** surname + year + first significant title word, ASCII-folded: "dubey2024llama". */
function baseKey(p: BibtexPaper): string {
  const first = p.authors.map(cleanText).find(Boolean) ?? '';
  // "Last, First" → Last; else the last word ("Abhimanyu Dubey" → Dubey).
  const surname = first.includes(',') ? first.slice(0, first.indexOf(',')) : (first.split(' ').pop() ?? '');
  const word = cleanText(p.title)
    .split(/[\s\-–—:/]+/)
    .map(asciiFold)
    .find((w) => w && !STOPWORDS.has(w));
  const year = dateOf(p)?.year ?? '';
  return (asciiFold(surname) || 'arxiv') + year + (word ?? '');
}

/**
 * One key per paper, unique within the export and independent of the papers' order: papers whose
 * keys collide are taken in id order; the first keeps the key, the next get "a", "b", … "z", "aa", ….
 */
export function citationKeys(papers: readonly BibtexPaper[]): string[] {
  const bases = papers.map(baseKey);
  const order = papers.map((_, i) => i).sort((a, b) => cmp(papers[a].id, papers[b].id) || a - b);
  const taken = new Set(bases);
  const keys: string[] = new Array(papers.length);
  const used = new Set<string>();
  for (const i of order) {
    let key = bases[i];
    if (used.has(key)) {
      // A suffixed key must not be another paper's own base key either ("smith2024fooa").
      for (let n = 0; used.has(key) || taken.has(key); n++) key = bases[i] + suffix(n);
    }
    used.add(key);
    keys[i] = key;
  }
  return keys;
}

/** 0 → a, 25 → z, 26 → aa, … */
function suffix(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
