// Every schema version the database has had, oldest first. Never edit a released version:
// add a new one with an upgrade, and a test in tests/unit/db-upgrade.test.ts seeds the previous one.
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    // Index only what is queried: the popup lists by starredAt, later views by hiddenAt, tags.
    stores: { papers: 'id, starredAt, hiddenAt, updatedAt, *tags' },
  },
  {
    version: 2,
    // links: what Hugging Face's API said about a paper's code, cached with its time.
    // settings: one row per setting (enrichment on/off, …).
    stores: { links: 'id, fetchedAt', settings: 'key' },
    // New tables only: existing papers are kept as they are. Enrichment starts on, as before.
    upgrade: async (tx) => {
      await tx.table('settings').put({ key: 'enrichment', value: true });
    },
  },
  {
    version: 3,
    // health: what the content script understood of the last pages it ran on (options page report).
    stores: { health: '++seq, at' },
    upgrade: () => {}, // a new, empty table: nothing to carry over
  },
  {
    version: 4,
    // seen: papers whose card was on screen, with when first seen (ids + a number: compact).
    // Papers gain manualTags, notes, status, upvotes: not indexed (filtered in memory), no change.
    stores: { seen: 'id' },
    upgrade: () => {},
  },
  {
    version: 5,
    // status indexed: the toolbar badge (starred, not read) is counted from the indexes alone,
    // without reading 10,000 rows on every star.
    stores: { papers: 'id, starredAt, hiddenAt, updatedAt, *tags, status' },
    upgrade: () => {}, // the index is built from the rows as they are
  },
];
