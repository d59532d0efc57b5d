// Read-only questions about the library, shared by the background (badge) and the extension pages.
import type { TriageDB } from '../db';

/** Starred papers whose reading status is not "read": what the toolbar badge shows. */
export function countUnread(db: TriageDB): Promise<number> {
  return db.papers.where('starredAt').above(0).filter((p) => p.status !== 'read').count();
}
