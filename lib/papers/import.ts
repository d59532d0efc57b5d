// Importing a JSON backup into the database: parsed and planned by lib/library/backup.ts (pure),
// applied here in one transaction, so a bad file (or a failure halfway) changes nothing.
import type { PaperRow, SeenRow, TriageDB } from '../db';
import { parseBackup, planImport } from '../library/backup';
import type { ImportSummary } from '../messages';
import type { Settings } from '../settings';
import { writeSettings } from '../settings-store';

export type ImportResult = { ok: true; imported: ImportSummary; settings?: Settings } | { ok: false; error: string };

export async function importBackup(db: TriageDB, text: string, apply: boolean, now: () => number = Date.now): Promise<ImportResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const run = async () => {
    const existing = new Map<string, PaperRow>();
    for (const row of await db.papers.bulkGet(parsed.backup.papers.map((p) => p.id))) if (row) existing.set(row.id, row);
    const existingSeen = new Map<string, SeenRow>();
    for (const row of await db.seen.bulkGet(parsed.backup.seen.map((s) => s.id))) if (row) existingSeen.set(row.id, row);
    const plan = planImport(parsed.backup, existing, now(), existingSeen);
    const imported = { adds: plan.adds, updates: plan.updates, unchanged: plan.unchanged };
    if (!apply) return { ok: true as const, imported };
    await db.papers.bulkPut(plan.put);
    if (plan.seen.length) await db.seen.bulkPut(plan.seen);
    const settings = plan.settings ? await writeSettings(db, plan.settings) : undefined;
    return { ok: true as const, imported, settings };
  };
  return apply ? db.transaction('rw', db.papers, db.seen, db.settings, run) : db.transaction('r', db.papers, db.seen, run);
}
