// The extension's database. Opened only in the extension's origin (background, popup, options):
// content scripts run in huggingface.co's origin, where the page could read it.
import Dexie, { type EntityTable } from 'dexie';
import type { Enrichment } from '../enrich/hf-api';
import type { PageHealth } from '../hf/health';
import { SCHEMA_VERSIONS } from './schema';
import type { ReadingStatus } from './types';

export interface PaperRow {
  id: string; // arXiv id, e.g. "2407.21783"
  title: string;
  authors: string[];
  abstract?: string;
  publishedAt?: string;
  url: string; // the paper's Hugging Face page
  codeUrl?: string;
  codeStars?: number;
  projectUrl?: string;
  /** HF upvotes when saved (popup sort). */
  upvotes?: number;
  /** Tags computed from the page when saved (topics, HF keywords, user rules). */
  tags: string[];
  /** Tags the user added by hand (card or popup); never overwritten by a page snapshot. */
  manualTags?: string[];
  /** The user's markdown notes. */
  notes?: string;
  /** Reading status; absent = to read. */
  status?: ReadingStatus;
  /** Epoch ms; absent when not starred (absent keys stay out of the index). */
  starredAt?: number;
  hiddenAt?: number;
  updatedAt: number;
}

export { READING_STATUSES, type ReadingStatus } from './types';

/** A paper whose card has been on screen: when it was first seen (new-since-last-visit). */
export interface SeenRow {
  id: string;
  firstSeen: number;
}

export type LinkRow = Enrichment & { expiresAt: number };

export interface SettingRow {
  key: string;
  value: unknown;
}

export type HealthRow = PageHealth & { seq?: number; at: number };

export type TriageDB = Dexie & {
  health: EntityTable<HealthRow, 'seq'>;
  papers: EntityTable<PaperRow, 'id'>;
  links: EntityTable<LinkRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  seen: EntityTable<SeenRow, 'id'>;
};

export const DB_NAME = 'hf-papers-triage';

export function openDb(name = DB_NAME): TriageDB {
  const db = new Dexie(name) as TriageDB;
  for (const v of SCHEMA_VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}
