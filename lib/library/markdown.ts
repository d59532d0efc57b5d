// Markdown reading list of saved papers (CommonMark / GitHub-flavoured). Pure: no browser APIs.
import { oneSpaced } from '../fold';
import type { PaperRow, ReadingStatus } from '../db';
import { paperUrl } from '../hf/urls';
import { safeHttpsUrl } from '../links/code-links';

export interface MarkdownOptions {
  /** The list's heading. Default "Reading list". */
  title?: string;
  /** Sections by reading status (Reading, To read, Read). Default true; false keeps one list in the order given. */
  groupByStatus?: boolean;
}

const GROUPS: { status: ReadingStatus; heading: string }[] = [
  { status: 'reading', heading: 'Reading' },
  { status: 'to-read', heading: 'To read' },
  { status: 'read', heading: 'Read' },
];

/**
 * One item per paper:
 *
 *     - [Title](https://huggingface.co/papers/<id>) — A, B et al. · [code](…) · [project](…) · tag, tag
 *
 *       The user's notes, indented under the item.
 *
 * Page text (titles, authors, tags) is escaped, so a title holding `[`, `*`, `_`, backticks or HTML
 * stays text. Links are https only (anything else is left out). Notes are the user's own Markdown and
 * are kept as Markdown.
 */
export function toMarkdown(papers: readonly PaperRow[], options: MarkdownOptions = {}): string {
  const out: string[] = [`# ${escapeMarkdown(oneLine(options.title ?? '') || 'Reading list')}`, ''];
  if (options.groupByStatus === false) {
    out.push(...papers.flatMap(item));
  } else {
    for (const { status, heading } of GROUPS) {
      const group = papers.filter((p) => (p.status ?? 'to-read') === status);
      if (!group.length) continue;
      out.push(`## ${heading} (${group.length})`, '', ...group.flatMap(item));
    }
  }
  if (!papers.length) out.push('_No papers._', '');
  return out.join('\n');
}

function item(p: PaperRow): string[] {
  const parts = [`[${escapeMarkdown(oneLine(p.title) || p.id)}](${linkTarget(safeHttpsUrl(p.url) ?? paperUrl(p.id))})`];
  const authors = authorLine(p.authors);
  let line = `- ${parts[0]}` + (authors ? ` — ${escapeMarkdown(authors)}` : '');
  const extras: string[] = [];
  const code = safeHttpsUrl(p.codeUrl);
  if (code) extras.push(`[code](${linkTarget(code)})`);
  const project = safeHttpsUrl(p.projectUrl);
  if (project) extras.push(`[project](${linkTarget(project)})`);
  const tags = [...new Set([...p.tags, ...(p.manualTags ?? [])].map(oneLine).filter(Boolean))];
  if (tags.length) extras.push(escapeMarkdown(tags.join(', ')));
  if (extras.length) line += ' · ' + extras.join(' · ');
  const lines = [line];
  const notes = p.notes?.replace(/\r\n?/g, '\n').trim();
  if (notes) {
    lines.push('');
    // Two spaces: the notes continue the list item (a paragraph, list or quote inside it).
    for (const l of notes.split('\n')) lines.push(l ? '  ' + l : '');
  }
  lines.push('');
  return lines;
}

/** "A", "A, B", "A, B et al." */
function authorLine(authors: readonly string[]): string {
  const names = authors.map(oneLine).filter(Boolean);
  if (names.length <= 2) return names.join(', ');
  return `${names[0]}, ${names[1]} et al.`;
}

const oneLine = (s: string) => oneSpaced(s).trim();

/**
 * Inline text that renders as itself: the ASCII punctuation with a meaning inside a line in
 * CommonMark or GFM is backslash-escaped (emphasis, code, links, HTML, strikethrough, tables, math;
 * `&` so that "&amp;" in a title stays five characters). Characters that matter only at the start
 * of a line (`-`, `+`, `1.`) are left alone: escaped text never starts a line here. The colon of
 * "http:" / "https:" is escaped too, so that GFM does not turn a URL in a title into a link
 * (GFM's bare "www." links are beyond what escaping can stop).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&$]/g, (c) => '\\' + c).replace(/(?<=\b(?:https?|ftp)):/gi, '\\:');
}

/** A link destination that cannot end early: spaces and brackets percent-encoded (the URL is already canonical). */
function linkTarget(url: string): string {
  return url.replace(/[()<> ]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
