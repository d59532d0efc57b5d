// Reading and writing settings in the extension database (background and options page only).
import type { TriageDB } from './db';
import { MAX_RULES, Rule } from './rules/schema';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from './settings';

/**
 * The stored rules that are still valid, one by one: a rule a newer checker refuses (or a damaged
 * row) drops that rule, never the user's whole list.
 */
function validRules(value: unknown): Rule[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids = new Set<string>();
  const out: Rule[] = [];
  for (const raw of value) {
    const rule = Rule.safeParse(raw);
    if (!rule.success || ids.has(rule.data.id) || out.length >= MAX_RULES) continue;
    ids.add(rule.data.id);
    out.push(rule.data);
  }
  return out;
}

/** Stored settings over the defaults; a stored value of the wrong type falls back to its default. */
export async function readSettings(db: TriageDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key === 'rules') {
      merged.rules = validRules(row.value) ?? merged.rules;
      continue;
    }
    const field = Settings.shape[row.key as keyof Settings];
    if (field?.safeParse(row.value).success) merged[row.key] = row.value;
  }
  return Settings.parse(merged);
}

export async function writeSettings(db: TriageDB, patch: SettingsPatch): Promise<Settings> {
  await db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
  return readSettings(db);
}
