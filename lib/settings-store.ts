// Reading and writing settings in the extension database (background and options page only).
import type { TriageDB } from './db';
import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from './settings';

/** Stored settings over the defaults; a stored value of the wrong type falls back to its default. */
export async function readSettings(db: TriageDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const field = Settings.shape[row.key as keyof Settings];
    if (field?.safeParse(row.value).success) merged[row.key] = row.value;
  }
  return Settings.parse(merged);
}

export async function writeSettings(db: TriageDB, patch: SettingsPatch): Promise<Settings> {
  await db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
  return readSettings(db);
}
