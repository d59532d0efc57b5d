// The paper-state service the background runs: the only code that writes the database.
import type { PaperRow, TriageDB } from '../db';
import { paperUrl } from '../hf/urls';
import { PaperSnapshot, type PaperState, type States, type StatePatch } from '../messages';

export function stateOf(row: PaperRow | undefined): PaperState {
  return { starred: row?.starredAt !== undefined, hidden: row?.hiddenAt !== undefined, at: row?.updatedAt ?? 0 };
}

export interface PaperService {
  getStates(ids: string[]): Promise<States>;
  setState(id: string, patch: StatePatch, paper?: PaperSnapshot): Promise<PaperState>;
}

export function createPaperService(db: TriageDB, now: () => number = Date.now): PaperService {
  return {
    async getStates(ids) {
      const unique = [...new Set(ids)];
      const rows = await db.papers.bulkGet(unique);
      const states: States = {};
      unique.forEach((id, i) => {
        states[id] = stateOf(rows[i]);
      });
      return states;
    },

    async setState(id, patch, paper) {
      return db.transaction('rw', db.papers, async () => {
        const existing = await db.papers.get(id);
        // Strictly increasing per paper, even for two writes within one millisecond.
        const t = Math.max(now(), (existing?.updatedAt ?? 0) + 1);
        const snap = paper ? PaperSnapshot.parse(paper) : undefined;
        // A snapshot from a page without the embedded JSON knows less (no authors, tags from the
        // title only, maybe no title): what it lacks never erases what an earlier one knew.
        const known = <T,>(fresh: T[], old: T[] | undefined) => (fresh.length > 0 ? fresh : (old ?? []));
        const row: PaperRow = {
          ...(existing ?? { id, title: id, authors: [], tags: [], url: paperUrl(id), updatedAt: t }),
          // A fresh snapshot from the page refreshes what we know; state fields are ours.
          ...(snap && {
            title: snap.title !== id || !existing ? snap.title : existing.title,
            authors: known(snap.authors, existing?.authors),
            abstract: snap.abstract ?? existing?.abstract,
            publishedAt: snap.publishedAt ?? existing?.publishedAt,
            codeUrl: snap.codeUrl ?? existing?.codeUrl,
            codeStars: snap.codeStars ?? existing?.codeStars,
            projectUrl: snap.projectUrl ?? existing?.projectUrl,
            tags: known(snap.tags, existing?.tags),
          }),
          updatedAt: t,
        };
        if (patch.starred !== undefined) {
          if (patch.starred) row.starredAt = existing?.starredAt ?? t;
          else delete row.starredAt;
        }
        if (patch.hidden !== undefined) {
          if (patch.hidden) row.hiddenAt = existing?.hiddenAt ?? t;
          else delete row.hiddenAt;
        }
        await db.papers.put(row);
        return stateOf(row);
      });
    },
  };
}
