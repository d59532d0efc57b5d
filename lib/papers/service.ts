// The paper-state service the background runs: the only code that writes the database.
import type { PaperRow, TriageDB } from '../db';
import { paperUrl } from '../hf/urls';
import { PaperSnapshot, type PaperState, type States, type StatePatch } from '../messages';

export function stateOf(row: PaperRow | undefined, firstSeen?: number): PaperState {
  const state: PaperState = { starred: row?.starredAt !== undefined, hidden: row?.hiddenAt !== undefined, at: row?.updatedAt ?? 0 };
  if (row?.manualTags?.length) state.manualTags = row.manualTags;
  if (firstSeen !== undefined) state.firstSeen = firstSeen;
  if (row && isBare(row)) state.bare = true;
  return state;
}

/** A row made from an id alone (an id-list import, a bulk action): its title is its id. */
const isBare = (row: PaperRow) => row.title === row.id;

/** Manual tags after a patch: case-insensitive set semantics, the first spelling added is kept. */
export function patchTags(tags: readonly string[] = [], add: readonly string[] = [], remove: readonly string[] = []): string[] {
  const gone = new Set(remove.map((t) => t.toLowerCase()));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of [...tags, ...add]) {
    const key = t.toLowerCase();
    if (gone.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** A patch applied to a row (state fields only); `t` is the write's time. */
function applyPatch(row: PaperRow, existing: PaperRow | undefined, patch: StatePatch, t: number) {
  if (patch.starred !== undefined) {
    if (patch.starred) row.starredAt = existing?.starredAt ?? t;
    else delete row.starredAt;
  }
  if (patch.hidden !== undefined) {
    if (patch.hidden) row.hiddenAt = existing?.hiddenAt ?? t;
    else delete row.hiddenAt;
  }
  if (patch.status !== undefined) {
    if (patch.status === 'to-read') delete row.status; // the default: absent
    else row.status = patch.status;
  }
  if (patch.notes !== undefined) {
    if (patch.notes === '') delete row.notes;
    else row.notes = patch.notes;
  }
  if (patch.addTags || patch.removeTags) {
    const tags = patchTags(row.manualTags, patch.addTags, patch.removeTags);
    if (tags.length) row.manualTags = tags;
    else delete row.manualTags;
  }
}

const blankRow = (id: string, t: number): PaperRow => ({ id, title: id, authors: [], tags: [], url: paperUrl(id), updatedAt: t });

export interface PaperService {
  getStates(ids: string[]): Promise<States>;
  setState(id: string, patch: StatePatch, paper?: PaperSnapshot): Promise<PaperState>;
  /** One patch for many papers, in one transaction (papers not stored yet are created bare). */
  bulkSetState(ids: string[], patch: StatePatch): Promise<States>;
  /** Records first sightings; papers already seen keep their first time. */
  markSeen(ids: string[]): Promise<void>;
  /** Deletes papers, sightings and cached links (settings and health stay). */
  clearData(): Promise<void>;
  /** Fills in bare rows (known by id only) from page snapshots; returns the ids filled. */
  fillPapers(papers: PaperSnapshot[]): Promise<string[]>;
}

export function createPaperService(db: TriageDB, now: () => number = Date.now): PaperService {
  return {
    async getStates(ids) {
      const unique = [...new Set(ids)];
      // One cursor per table that skips from one asked key to the next (anyOf): its cost follows
      // the rows found, where bulkGet makes a request per id (~100 ms for a 1000-card page).
      const [rows, seen] = await Promise.all([db.papers.where(':id').anyOf(unique).toArray(), db.seen.where(':id').anyOf(unique).toArray()]);
      const rowOf = new Map(rows.map((r) => [r.id, r]));
      const seenOf = new Map(seen.map((s) => [s.id, s.firstSeen]));
      const states: States = {};
      for (const id of unique) states[id] = stateOf(rowOf.get(id), seenOf.get(id));
      return states;
    },

    async setState(id, patch, paper) {
      return db.transaction('rw', db.papers, db.seen, async () => {
        // Both reads at once: each is a trip to the browser's IndexedDB thread, and a Star click's
        // reply waits for them (the star round trip).
        const [existing, seen] = await Promise.all([db.papers.get(id), db.seen.get(id)]);
        // Strictly increasing per paper, even for two writes within one millisecond.
        const t = Math.max(now(), (existing?.updatedAt ?? 0) + 1);
        const snap = paper ? PaperSnapshot.parse(paper) : undefined;
        // A snapshot from a page without the embedded JSON knows less (no authors, tags from the
        // title only, maybe no title): what it lacks never erases what an earlier one knew.
        const known = <T,>(fresh: T[], old: T[] | undefined) => (fresh.length > 0 ? fresh : (old ?? []));
        const row: PaperRow = {
          ...(existing ?? blankRow(id, t)),
          // A fresh snapshot from the page refreshes what we know; state fields are ours.
          ...(snap && {
            title: snap.title !== id || !existing ? snap.title : existing.title,
            authors: known(snap.authors, existing?.authors),
            abstract: snap.abstract ?? existing?.abstract,
            publishedAt: snap.publishedAt ?? existing?.publishedAt,
            codeUrl: snap.codeUrl ?? existing?.codeUrl,
            codeStars: snap.codeStars ?? existing?.codeStars,
            projectUrl: snap.projectUrl ?? existing?.projectUrl,
            upvotes: snap.upvotes ?? existing?.upvotes,
            tags: known(snap.tags, existing?.tags),
          }),
          updatedAt: t,
        };
        applyPatch(row, existing, patch, t);
        await db.papers.put(row);
        return stateOf(row, seen?.firstSeen);
      });
    },

    async bulkSetState(ids, patch) {
      const unique = [...new Set(ids)];
      return db.transaction('rw', db.papers, db.seen, async () => {
        const [rows, seen] = await Promise.all([db.papers.bulkGet(unique), db.seen.bulkGet(unique)]);
        const out: PaperRow[] = [];
        const states: States = {};
        const t0 = now();
        unique.forEach((id, i) => {
          const existing = rows[i];
          const t = Math.max(t0, (existing?.updatedAt ?? 0) + 1);
          const row: PaperRow = { ...(existing ?? blankRow(id, t)), updatedAt: t };
          applyPatch(row, existing, patch, t);
          out.push(row);
          states[id] = stateOf(row, seen[i]?.firstSeen);
        });
        await db.papers.bulkPut(out);
        return states;
      });
    },

    async markSeen(ids) {
      const unique = [...new Set(ids)];
      const t = now();
      await db.transaction('rw', db.seen, async () => {
        const known = await db.seen.bulkGet(unique);
        const fresh = unique.filter((_, i) => !known[i]).map((id) => ({ id, firstSeen: t }));
        if (fresh.length) await db.seen.bulkAdd(fresh);
      });
    },

    async fillPapers(papers) {
      return db.transaction('rw', db.papers, async () => {
        const snaps = papers.map((p) => PaperSnapshot.parse(p)).filter((p) => p.title !== p.id);
        const rows = await db.papers.bulkGet(snaps.map((p) => p.id));
        const filled: PaperRow[] = [];
        snaps.forEach((snap, i) => {
          const row = rows[i];
          if (!row || !isBare(row)) return; // unknown, or known better than the page's snapshot
          const { id: _id, ...known } = snap;
          filled.push({ ...row, ...known, updatedAt: Math.max(now(), row.updatedAt + 1) });
        });
        await db.papers.bulkPut(filled);
        return filled.map((r) => r.id);
      });
    },

    async clearData() {
      await db.transaction('rw', db.papers, db.seen, db.links, async () => {
        await Promise.all([db.papers.clear(), db.seen.clear(), db.links.clear()]);
      });
    },
  };
}
