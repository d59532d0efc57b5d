// Full JSON backup of the library (papers, sightings, settings): writing, reading (validated), and
// planning an import as a pure merge. zod/mini: background and extension pages only.
import { z } from '../zod';
import type { PaperRow, SeenRow } from '../db';
import { READING_STATUSES } from '../db/types';
import { isArxivId, paperIdFromHref } from '../hf/urls';
import { arxivId, httpsUrl } from '../shared-schemas';
import { Settings, SettingsPatch } from '../settings';

export const BACKUP_FORMAT = 'hf-papers-triage-backup';
export const BACKUP_SCHEMA_VERSION = 1;
/** The largest file read (characters of JSON), as the importBackup message allows. */
export const BACKUP_MAX_CHARS = 200_000_000;
export const BACKUP_MAX_PAPERS = 100_000;
export const BACKUP_MAX_SEEN = 1_000_000;
/** Notes, as the message that saves them allows. */
const NOTES_MAX = 100_000;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  schemaVersion: typeof BACKUP_SCHEMA_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  papers: PaperRow[];
  seen: SeenRow[];
  /** Every setting when we write a backup; read back, only the settings the file has. */
  settings?: SettingsPatch;
}

/**
 * The backup of a library (`now`: epoch ms). Rows are copied, with keys holding `undefined` left out.
 * Without `settings` (a backup of some papers only), importing it leaves the user's settings alone.
 */
export function makeBackup(data: { papers: readonly PaperRow[]; seen: readonly SeenRow[]; settings?: Settings }, now: number): Backup {
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    papers: data.papers.map((p) => definedOnly(p)),
    seen: data.seen.map((s) => ({ id: s.id, firstSeen: s.firstSeen })),
    ...(data.settings && { settings: definedOnly(data.settings) }),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Epoch milliseconds. */
const time = z.number().check(z.int(), z.nonnegative(), z.maximum(8.64e15));
const count = z.number().check(z.int(), z.nonnegative(), z.maximum(1e12));
const tag = z.string().check(z.minLength(1), z.maxLength(80));
/** A stored paper, bounded like the messages that write one (lib/messages.ts), a little looser where a later version may allow more. */
const PaperRowSchema = z
  .strictObject({
    id: arxivId,
    title: z.string().check(z.minLength(1), z.maxLength(1000)),
    authors: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(1000)),
    abstract: z.optional(z.string().check(z.maxLength(20_000))),
    publishedAt: z.optional(z.string().check(z.maxLength(64))),
    url: z.string().check(z.maxLength(2048)),
    codeUrl: z.optional(httpsUrl),
    codeStars: z.optional(count),
    projectUrl: z.optional(httpsUrl),
    upvotes: z.optional(count),
    tags: z.array(tag).check(z.maxLength(200)),
    manualTags: z.optional(z.array(tag).check(z.maxLength(200))),
    notes: z.optional(z.string().check(z.maxLength(NOTES_MAX))),
    status: z.optional(z.enum(READING_STATUSES)),
    starredAt: z.optional(time),
    hiddenAt: z.optional(time),
    updatedAt: time,
  })
  .check(
    z.superRefine((p, ctx) => {
      // The Hugging Face page of this very paper, nothing else (it is the link the popup opens).
      // (Only for a valid id: a bad id is reported once, as itself.)
      if (isArxivId(p.id) && (paperIdFromHref(p.url) !== p.id || !p.url.startsWith('https://huggingface.co/papers/'))) {
        ctx.addIssue({ code: 'custom', path: ['url'], message: 'not the Hugging Face page of this paper' });
      }
    }),
  );

const SeenRowSchema = z.strictObject({ id: arxivId, firstSeen: time });

const BackupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
  exportedAt: z.string().check(z.maxLength(64)),
  papers: z.array(PaperRowSchema).check(z.maxLength(BACKUP_MAX_PAPERS)),
  seen: z._default(z.array(SeenRowSchema).check(z.maxLength(BACKUP_MAX_SEEN)), []),
  settings: z.optional(z.record(z.string(), z.unknown())),
});

export type ParsedBackup =
  | {
      ok: true;
      backup: Backup;
      /** What was read past (a setting this version does not know), one line each. */
      warnings: string[];
    }
  | { ok: false; error: string };

/**
 * Reads a backup file. Never throws: anything wrong comes back as `{ok: false, error}`, the error
 * naming the place (`papers[3].id: not an arXiv id`; at most three places, then how many more).
 * Refused: files over BACKUP_MAX_CHARS, other formats, other schema versions, non-https links,
 * duplicate papers. Settings are checked one by one against this version's settings; a setting it
 * does not know (a newer version's) is skipped with a warning rather than refusing the file.
 */
export function parseBackup(text: string): ParsedBackup {
  try {
    return parseBackupUnsafe(text);
  } catch (err) {
    return { ok: false, error: `unreadable backup: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function parseBackupUnsafe(text: string): ParsedBackup {
  if (typeof text !== 'string') return { ok: false, error: 'not a text file' };
  if (text.length > BACKUP_MAX_CHARS) {
    return { ok: false, error: `file too large: ${mb(text.length)} MB (at most ${mb(BACKUP_MAX_CHARS)} MB)` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, error: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, error: 'not an HF Papers Triage backup: the file is not a JSON object' };
  }
  const head = data as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT) {
    return { ok: false, error: `not an HF Papers Triage backup: format is ${describe(head.format)}, expected "${BACKUP_FORMAT}"` };
  }
  if (head.schemaVersion !== BACKUP_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `schemaVersion: ${describe(head.schemaVersion)} is not supported (this version reads ${BACKUP_SCHEMA_VERSION}; a newer backup needs a newer extension)`,
    };
  }

  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: formatIssues(parsed.error.issues) };
  const { papers, seen, settings: rawSettings } = parsed.data;

  const dup = firstDuplicate(papers.map((p) => p.id));
  if (dup) return { ok: false, error: `papers[${dup.at}].id: ${dup.id} is already papers[${dup.first}]` };
  const dupSeen = firstDuplicate(seen.map((s) => s.id));
  if (dupSeen) return { ok: false, error: `seen[${dupSeen.at}].id: ${dupSeen.id} is already seen[${dupSeen.first}]` };

  const warnings: string[] = [];
  let settings: SettingsPatch | undefined;
  if (rawSettings) {
    const known = new Set(Object.keys(Settings.shape));
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rawSettings)) {
      if (known.has(key)) patch[key] = value;
      else warnings.push(`settings.${key}: not a setting of this version, skipped`);
    }
    const checked = SettingsPatch.safeParse(patch);
    if (!checked.success) return { ok: false, error: formatIssues(checked.error.issues, ['settings']) };
    settings = checked.data;
  }

  const backup: Backup = {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: parsed.data.exportedAt,
    papers: papers.map((p) => definedOnly(p) as PaperRow),
    seen,
  };
  if (settings) backup.settings = settings;
  return { ok: true, backup, warnings };
}

/** "papers[3].id: not an arXiv id; papers[7].url: …; (and 4 more)". */
function formatIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): string {
  const shown = issues.slice(0, 3).map((i) => {
    const where = formatPath([...prefix, ...i.path]);
    return (where ? `${where}: ` : '') + issueMessage(i);
  });
  if (issues.length > 3) shown.push(`(and ${issues.length - 3} more)`);
  return shown.join('; ');
}

function issueMessage(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  if (i.code === 'invalid_type' && i.message.includes('received undefined')) return 'missing';
  return i.message;
}

/** papers[3].authors[2], settings.keys.star, papers[0]["odd key"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$]*$/.test(seg)) out += (out ? '.' : '') + seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

const mb = (chars: number) => Math.ceil(chars / 1_000_000);

function firstDuplicate(ids: readonly string[]): { id: string; at: number; first: number } | null {
  const firstAt = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const first = firstAt.get(ids[i]);
    if (first !== undefined) return { id: ids[i], at: i, first };
    firstAt.set(ids[i], i);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Planning an import

export interface ImportPlan {
  /** Rows to write (new and changed), for the background to put in one transaction. */
  put: PaperRow[];
  adds: number;
  updates: number;
  unchanged: number;
  /** Ids of papers whose notes differed on both sides and were both kept, one after the other (see `mergeNotes`). */
  notesMerged: string[];
  /** The file's settings, to apply as a patch (absent when the file has none). */
  settings?: SettingsPatch;
  /** Sightings to write: the file's, less those already known as early or earlier (when `existingSeen` is given). */
  seen: SeenRow[];
}

/**
 * What importing `backup` into a library holding `existing` does. Pure; the rule, per paper:
 *
 * - Not stored yet: added exactly as in the file (a restore into an empty library is lossless).
 * - Stored: the newer side wins (larger `updatedAt`; on a tie, the file, since the user asked for
 *   it). The winner's state is taken whole: starred, hidden, status and manual tags, including
 *   their absence (an unstar or a removed tag on the newer side stays so). What the winner does not
 *   know of the paper itself (abstract, date, code and project links, stars, upvotes; authors and
 *   tags when it has none) is filled in from the other side.
 * - Notes are never lost silently: when both sides have notes and the winner's do not already hold
 *   the other's, the winner's notes come first and the other side's follow under a separator, and
 *   the id is listed in `notesMerged`. Notes on one side only are kept.
 * - A merged row equal to the stored one is `unchanged` and not written. A changed row gets
 *   `updatedAt = max(now, stored.updatedAt + 1)`: it is a write now, and a paper's updatedAt only grows
 *   (open tabs order pushes by it). Importing the same file twice changes nothing the second time.
 *
 * Sightings: the earliest firstSeen of a paper wins. Settings: the file's, as a patch.
 */
export function planImport(
  backup: Backup,
  existing: ReadonlyMap<string, PaperRow>,
  now: number,
  existingSeen?: ReadonlyMap<string, SeenRow>,
): ImportPlan {
  const plan: ImportPlan = { put: [], adds: 0, updates: 0, unchanged: 0, notesMerged: [], seen: [] };
  for (const incoming of backup.papers) {
    const stored = existing.get(incoming.id);
    if (!stored) {
      plan.put.push(definedOnly(incoming));
      plan.adds++;
      continue;
    }
    const { row, notesMerged } = mergePaper(stored, incoming);
    if (notesMerged) plan.notesMerged.push(incoming.id);
    if (sameRow(row, stored)) {
      plan.unchanged++;
    } else {
      plan.put.push({ ...row, updatedAt: Math.max(now, stored.updatedAt + 1) });
      plan.updates++;
    }
  }
  for (const s of backup.seen) {
    const known = existingSeen?.get(s.id);
    if (!known || s.firstSeen < known.firstSeen) plan.seen.push({ id: s.id, firstSeen: s.firstSeen });
  }
  if (backup.settings && Object.keys(backup.settings).length) plan.settings = backup.settings;
  return plan;
}

/** Fields about the paper itself, filled from the losing side when the winner lacks them. */
const DATA_FIELDS = ['abstract', 'publishedAt', 'codeUrl', 'codeStars', 'projectUrl', 'upvotes'] as const;
/** The user's state: the winner's, absence included. */
const STATE_FIELDS = ['starredAt', 'hiddenAt', 'status', 'manualTags'] as const;

/** The merged row (its updatedAt is the stored one; the caller sets the write's). */
export function mergePaper(stored: PaperRow, incoming: PaperRow): { row: PaperRow; notesMerged: boolean } {
  const fileWins = incoming.updatedAt >= stored.updatedAt;
  const [win, lose] = fileWins ? [incoming, stored] : [stored, incoming];
  const row: PaperRow = {
    id: stored.id,
    // A row made before its page was seen (a bulk action, an id import) has its id for a title.
    title: win.title !== win.id || !lose.title ? win.title : lose.title,
    authors: win.authors.length ? [...win.authors] : [...lose.authors],
    url: win.url || lose.url,
    tags: win.tags.length ? [...win.tags] : [...lose.tags],
    updatedAt: stored.updatedAt,
  };
  const target = row as unknown as Record<string, unknown>;
  for (const key of DATA_FIELDS) {
    const v = win[key] ?? lose[key];
    if (v !== undefined) target[key] = v;
  }
  for (const key of STATE_FIELDS) {
    const v = win[key];
    if (v !== undefined) target[key] = Array.isArray(v) ? [...v] : v;
  }
  const notes = mergeNotes(win.notes, lose.notes);
  if (notes.text !== undefined) row.notes = notes.text;
  return { row, notesMerged: notes.merged };
}

export const NOTES_SEPARATOR = '\n\n---\n\n*From the imported backup or the earlier copy:*\n\n';

/**
 * Both sides' notes, none lost. The winner's alone when they already hold the other's (the same
 * notes, or notes added to since); else both, the winner's first, and `merged` says so (the other
 * side's notes may be an older draft: the user sees both and keeps what they want).
 */
export function mergeNotes(win: string | undefined, lose: string | undefined): { text?: string; merged: boolean } {
  const w = win?.trim() ? win : undefined;
  const l = lose?.trim() ? lose : undefined;
  if (!w || !l) return { text: w ?? l, merged: false };
  if (w.includes(l.trim())) return { text: w, merged: false };
  return { text: w + NOTES_SEPARATOR + l, merged: true };
}

/** Field-by-field equality of two rows, `updatedAt` aside (order of keys and `undefined` keys do not count). */
function sameRow(a: PaperRow, b: PaperRow): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('updatedAt');
  for (const key of keys) {
    if (!sameValue((a as unknown as Record<string, unknown>)[key], (b as unknown as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** A shallow copy without keys whose value is undefined (JSON drops them; so do we, before comparing). */
function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
