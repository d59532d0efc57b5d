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
];
