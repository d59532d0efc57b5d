// Export files of the library (BibTeX, Markdown, CSV, JSON backup): what goes in each, its name and
// type, and the download itself (a Blob behind an <a download>, from an extension page).
import type { PaperRow, SeenRow } from '../db';
import type { Settings } from '../settings';
import { makeBackup } from './backup';
import { toBibtex } from './bibtex';
import { toCsv } from './csv';
import { toMarkdown } from './markdown';

export const EXPORT_FORMATS = ['bibtex', 'markdown', 'csv', 'backup'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LABEL: Record<ExportFormat, string> = { bibtex: 'BibTeX', markdown: 'Markdown', csv: 'CSV', backup: 'JSON backup' };

const EXTENSION: Record<ExportFormat, string> = { bibtex: 'bib', markdown: 'md', csv: 'csv', backup: 'json' };
const MIME: Record<ExportFormat, string> = {
  bibtex: 'application/x-bibtex;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  backup: 'application/json;charset=utf-8',
};

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

/** "2026-11-28", in local time (the day the user sees). */
export function localDate(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** hf-papers-2026-11-28.bib; the backup is hf-papers-backup-2026-11-28.json. */
export function exportFileName(format: ExportFormat, now: number): string {
  return `hf-papers${format === 'backup' ? '-backup' : ''}-${localDate(now)}.${EXTENSION[format]}`;
}

export interface ExportInput {
  papers: readonly PaperRow[];
  /** For a backup: the sightings, and the settings (whole-library backups only), to keep with the papers. */
  seen?: readonly SeenRow[];
  settings?: Settings;
  /** The Markdown list's heading. */
  title?: string;
  now: number;
}

export function exportFile(format: ExportFormat, input: ExportInput): ExportFile {
  const { papers, now } = input;
  const name = exportFileName(format, now);
  const type = MIME[format];
  switch (format) {
    case 'bibtex':
      return { name, type, text: toBibtex(papers) };
    case 'markdown':
      return { name, type, text: toMarkdown(papers, { title: input.title }) };
    case 'csv':
      return { name, type, text: toCsv(papers, { bom: true }) };
    case 'backup': {
      const backup = makeBackup({ papers, seen: input.seen ?? [], settings: input.settings }, now);
      return { name, type, text: JSON.stringify(backup, null, 2) + '\n' };
    }
  }
}

/** Saves the file through the browser's downloads (no permission needed from an extension page). */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Long enough for the download to start reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
