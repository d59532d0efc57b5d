// Every schema version opens over the data of the version before it, keeping that data.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, type PaperRow } from '@/lib/db';
import { SCHEMA_VERSIONS } from '@/lib/db/schema';

const row: PaperRow = {
  id: '2407.21783',
  title: 'The Llama 3 Herd of Models',
  authors: ['Abhimanyu Dubey'],
  url: 'https://huggingface.co/papers/2407.21783',
  tags: ['LLM'],
  starredAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};

/** A database at exactly `upTo`'s schema, as a user who installed that release has it. */
function openAt(name: string, upTo: number): Dexie {
  const db = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((v) => v.version <= upTo)) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}

describe('database schema', () => {
  it('versions are strictly increasing, and every later one has an upgrade', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    SCHEMA_VERSIONS.slice(1).forEach((v) => expect(v.upgrade, `version ${v.version}`).toBeTypeOf('function'));
  });

  it.each(SCHEMA_VERSIONS.map((v) => [v.version]))('data written at version %i survives opening with the current schema', async (version) => {
    const name = `upgrade-${version}-${Math.random()}`;
    const old = openAt(name, version);
    await old.table('papers').put(row);
    old.close();

    const db = openDb(name);
    const back = await db.papers.get(row.id);
    expect(back).toMatchObject({ id: row.id, title: row.title, starredAt: row.starredAt });
    expect(await db.papers.where('starredAt').above(0).count()).toBe(1);
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version);
    // Version 2 added settings with enrichment on by default.
    expect(await db.settings.get('enrichment')).toEqual(version < 2 ? { key: 'enrichment', value: true } : undefined);
    db.close();
    await Dexie.delete(name);
  });
});
