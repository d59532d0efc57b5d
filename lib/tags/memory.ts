// Our tags kept beyond the background worker's life, in storage.session (in memory, for the
// browser's session): MV3 stops the worker after 30 s idle, and a worker started anew tagged a
// page's papers again, cold, which was most of its first answer. A page reloaded or come back to
// after a pause is the common case. storage.session's default access level keeps it from content
// scripts and pages.
import type { RememberedTags } from './facets';

/** The parts of browser.storage.session used here. */
export interface SessionArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}

export interface TagMemory {
  /** What is kept of these papers' tags. */
  recall(ids: readonly string[]): Promise<Map<string, RememberedTags>>;
  keep(entries: Record<string, RememberedTags>): Promise<void>;
}

const isRemembered = (e: unknown): e is RememberedTags =>
  !!e && typeof e === 'object' && typeof (e as RememberedTags).text === 'string' && typeof (e as RememberedTags).topics === 'string' && Array.isArray((e as RememberedTags).tags);

/**
 * `version`: the extension's. Tags made by another version's taxonomy and matcher are not taken,
 * whether or not the browser empties the area when the extension is updated (Firefox's documents
 * say it lasts the browser's session).
 */
export function createTagMemory(area: SessionArea, version: string): TagMemory {
  const keyOf = (id: string) => `tags:${version}:${id}`;
  return {
    async recall(ids) {
      const got = await area.get(ids.map(keyOf));
      const out = new Map<string, RememberedTags>();
      for (const id of ids) {
        const kept = got[keyOf(id)];
        if (isRemembered(kept)) out.set(id, kept);
      }
      return out;
    },
    async keep(entries) {
      const items = Object.fromEntries(Object.entries(entries).map(([id, e]) => [keyOf(id), e]));
      try {
        await area.set(items);
      } catch {
        // Full (10 MB: some 4,000 papers, each with its abstract): start again from these.
        await area.clear();
        await area.set(items);
      }
    },
  };
}
