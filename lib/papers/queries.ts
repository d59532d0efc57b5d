// Read-only questions about the library, shared by the background (badge) and the extension pages.
import type { TriageDB } from '../db';

/**
 * Starred papers whose reading status is not "read": what the toolbar badge shows. Keys only (two
 * index reads), never the rows: it runs after every star.
 */
export async function countUnread(db: TriageDB): Promise<number> {
  const [starred, read] = await Promise.all([db.papers.where('starredAt').above(0).count(), db.papers.where('status').equals('read').primaryKeys()]);
  if (read.length === 0) return starred;
  const readAndStarred = await db.papers.where('starredAt').above(0).primaryKeys();
  const readSet = new Set(read);
  return starred - readAndStarred.filter((id) => readSet.has(id)).length;
}
