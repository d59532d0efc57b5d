// Papers to save from pasted text or a file: a list of arXiv ids / arXiv or Hugging Face URLs, or a
// BibTeX file. Pure: no browser APIs.
//
// Only new-style arXiv ids (YYMM.NNNN[N], from April 2007) are accepted: they are the key of
// everything we store and of Hugging Face's paper pages. Old-style ids (hep-th/9901001) are reported
// as skipped, with that reason.
import { ARXIV_ID_PATTERN } from '../hf/urls';

export interface IdListResult {
  /** New-style arXiv ids, without versions, each once, in order of first appearance. */
  ids: string[];
  /** Lines (list) or entries (BibTeX) that named no paper we can import; `line` is 1-based. */
  skipped: { line: number; text: string; reason: string }[];
}

/** The largest input read; the rest is reported as one skipped line. */
export const ID_LIST_MAX_CHARS = 10_000_000;
const SKIPPED_TEXT_MAX = 120;

/** hep-th/9901001, math.AG/0601001, cs/0112017v2. */
const OLD_ID_RE = /(?<![\w.-])[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?(?!\d)/;

/**
 * Ids in one piece of text, each with where it stood. Recognised:
 * - arXiv URLs: arxiv.org/abs|pdf|html|format/<id>[vN][.pdf] (any subdomain, with or without scheme)
 * - Hugging Face paper pages: huggingface.co/papers/<id> (also hf.co)
 * - arXiv DOIs: 10.48550/arXiv.<id>
 * - `arXiv:<id>`, `arXiv <id>` (as in `journal = {arXiv preprint arXiv:2407.21783}`)
 * - a bare id, standing alone (not inside another number, word or URL).
 */
const ID_RE = new RegExp(
  [
    String.raw`(?:^|[^\w.-])(?:[\w-]+\.)*arxiv\.org/(?:abs|pdf|html|format)/${ARXIV_ID_PATTERN}(?!\d)`,
    String.raw`(?:^|[^\w.-])(?:www\.)?(?:huggingface|hf)\.co/papers/${ARXIV_ID_PATTERN}(?!\d)`,
    String.raw`10\.48550/arxiv\.${ARXIV_ID_PATTERN}(?!\d)`,
    String.raw`\barxiv[:\s]\s*${ARXIV_ID_PATTERN}(?!\d)`,
    String.raw`(?<![\w./:-])${ARXIV_ID_PATTERN}(?![\w-]|\.\d)`,
  ].join('|'),
  'gi',
);

/** New-style ids found in `text`, versions stripped, in order. Implausible ones (month 13, 4-digit numbers after 2014) are left out. */
export function findArxivIds(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ID_RE)) {
    const id = m.slice(1).find((g) => g !== undefined);
    if (id && plausibleId(id)) out.push(id);
  }
  return out;
}

/**
 * A real new-style id: YYMM from 0704 (April 2007), month 01–12; four digits after the dot until
 * 1412, five from 1501. Keeps numbers like "1234.5678" out of a pasted list.
 */
export function plausibleId(id: string): boolean {
  const m = /^(\d{2})(\d{2})\.(\d{4,5})$/.exec(id);
  if (!m) return false;
  const yymm = Number(m[1] + m[2]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || yymm < 704) return false;
  return m[3].length === 4 ? yymm <= 1412 : yymm >= 1501;
}

/**
 * Ids from a list (one or more per line: ids, `arXiv:` ids, arXiv / Hugging Face / DOI URLs, with
 * any text around them) or from a BibTeX file (recognised by an `@type{` line; each entry's eprint
 * field, else an arXiv id, URL or DOI anywhere in the entry). Blank lines and lines starting with
 * `#` or `%` (comments) are passed over quietly; any other line or entry without an id is reported.
 */
export function parseIdList(text: string): IdListResult {
  const result: IdListResult = { ids: [], skipped: [] };
  let input = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (input.length > ID_LIST_MAX_CHARS) {
    const line = input.slice(0, ID_LIST_MAX_CHARS).split('\n').length;
    input = input.slice(0, ID_LIST_MAX_CHARS);
    result.skipped.push({ line, text: '…', reason: `input over ${ID_LIST_MAX_CHARS.toLocaleString('en')} characters: the rest was not read` });
  }
  const lines = input.split('\n');
  const seen = new Set<string>();
  const add = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      result.ids.push(id);
    }
  };
  const skip = (line: number, text: string, reason: string) => {
    const t = text.trim();
    result.skipped.push({ line, text: t.length > SKIPPED_TEXT_MAX ? t.slice(0, SKIPPED_TEXT_MAX - 1) + '…' : t, reason });
  };

  if (lines.some((l) => BIB_ENTRY_START.test(l))) {
    for (const e of bibEntries(lines)) {
      if (/^(?:comment|string|preamble)$/i.test(e.type)) continue;
      const id = entryId(e.body);
      if (id) add(id);
      else if (OLD_ID_RE.test(e.body)) skip(e.line, e.head, 'old-style arXiv id (before April 2007): not supported');
      else skip(e.line, e.head, 'no arXiv id in this entry');
    }
  } else {
    lines.forEach((raw, i) => {
      const l = raw.trim();
      if (!l || l.startsWith('#') || l.startsWith('%')) return;
      const ids = findArxivIds(l);
      if (ids.length) ids.forEach(add);
      else if (OLD_ID_RE.test(l)) skip(i + 1, l, 'old-style arXiv id (before April 2007): not supported');
      else skip(i + 1, l, 'no arXiv id or paper URL');
    });
  }
  result.skipped.sort((a, b) => a.line - b.line);
  return result;
}

// ---------------------------------------------------------------------------------------------
// BibTeX

const BIB_ENTRY_START = /^\s*@\s*([A-Za-z]+)\s*[{(]/;

interface BibEntry {
  type: string;
  /** 1-based line of the `@`. */
  line: number;
  /** The `@type{key,` line, for the report. */
  head: string;
  body: string;
}

/** Entries of a BibTeX file: each from its `@type{` line to the next one (enough to find ids; no field parsing). */
function bibEntries(lines: readonly string[]): BibEntry[] {
  const entries: BibEntry[] = [];
  let current: { type: string; line: number; head: string; body: string[] } | null = null;
  const close = () => {
    if (current) entries.push({ type: current.type, line: current.line, head: current.head, body: current.body.join('\n') });
  };
  lines.forEach((l, i) => {
    const m = BIB_ENTRY_START.exec(l);
    if (m) {
      close();
      current = { type: m[1], line: i + 1, head: l.trim(), body: [l] };
    } else if (current) {
      current.body.push(l);
    }
  });
  close();
  return entries;
}

/** `eprint = {arXiv:2407.21783v2}` (or with quotes): the id. */
const EPRINT_RE = new RegExp(String.raw`(?:^|[,\s{])eprint\s*=\s*[{"]\s*(?:arxiv:\s*)?${ARXIV_ID_PATTERN}\s*[}"]`, 'i');

/** The eprint field's id when it has one, else the first arXiv id, URL or DOI in the entry. */
function entryId(body: string): string | null {
  const eprint = EPRINT_RE.exec(body);
  if (eprint && plausibleId(eprint[1])) return eprint[1];
  return findArxivIds(body)[0] ?? null;
}
