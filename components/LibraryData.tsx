// The saved papers as the popup and the library page see them: every row of the scope held in
// memory, kept current from the database without reading it all again after each write, with a
// search index, filters and sorts over it. Reads only: writes are messages to the background.
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperRow, ReadingStatus, TriageDB } from '@/lib/db';
import { SearchIndex } from '@/lib/library/search';

/** Starred papers (the popup), or every stored paper (the library page: saved, hidden, notes). */
export type Scope = 'starred' | 'all';

export interface LibrarySnapshot {
  /** The papers of the scope, by id. A new Map object on every change. */
  byId: ReadonlyMap<string, PaperRow>;
  /** Bumped on every change. */
  version: number;
}

/**
 * A write can have been made (its updatedAt taken) a little before a read that follows it started,
 * and committed after: rows are read again from that far back.
 */
const LOOKBACK_MS = 2_000;

/**
 * Every paper of `scope`, live. The first read takes them all; after that, each write in the
 * background reads only the rows written since (by updatedAt, which every write sets to its time
 * or later), unless the number of rows changed (a deletion, new rows from an import, which keep
 * their own updatedAt): then all again.
 *
 * Dexie's liveQuery only tells when to look (it watches a count of the table): the reads are made
 * outside it, because inside it Dexie deep-clones every result (200 ms for 10,000 papers).
 */
export function watchLibrary(db: TriageDB, scope: Scope, onChange: (snapshot: LibrarySnapshot) => void): () => void {
  let byId = new Map<string, PaperRow>();
  let total = -1;
  let version = 0;
  let since = 0;
  let closed = false;
  const inScope = (row: PaperRow) => scope === 'all' || row.starredAt !== undefined;

  async function refresh() {
    const startedAt = Date.now();
    const count = await db.papers.count();
    if (count !== total) {
      const rows = await readScope(db, scope);
      if (closed) return;
      total = count;
      since = startedAt - LOOKBACK_MS;
      byId = new Map(rows.map((r) => [r.id, r]));
      onChange({ byId, version: ++version });
      return;
    }
    const rows = await db.papers.where('updatedAt').aboveOrEqual(since).toArray();
    if (closed) return;
    since = startedAt - LOOKBACK_MS;
    let next: Map<string, PaperRow> | null = null;
    for (const row of rows) {
      const had = byId.get(row.id);
      if (inScope(row)) {
        if (had && had.updatedAt === row.updatedAt) continue;
        (next ??= new Map(byId)).set(row.id, row);
      } else if (had) {
        (next ??= new Map(byId)).delete(row.id);
      }
    }
    if (next) {
      byId = next;
      onChange({ byId, version: ++version });
    }
  }

  // One refresh at a time; a change during one asks for one more.
  let running = false;
  let again = false;
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      try {
        do {
          again = false;
          await new Promise((r) => setTimeout(r, 0)); // out of liveQuery's context
          if (!closed) await refresh();
        } while (again && !closed);
      } catch (e) {
        console.warn('[hf-papers-triage]', e);
      } finally {
        running = false;
      }
    })();
  };
  const sub = liveQuery(() => db.papers.count()).subscribe({ next: schedule, error: (e) => console.warn('[hf-papers-triage]', e) });
  return () => {
    closed = true;
    sub.unsubscribe();
  };
}

/** Rows read per request: each is a task of its own, well under 50 ms (one read of 10,000 rows blocks for 60–300 ms). */
const READ_CHUNK = 1000;

/** Every row of `scope`, read in slices of the primary key (for 'starred', only the slices holding starred papers). */
async function readScope(db: TriageDB, scope: Scope): Promise<PaperRow[]> {
  const rows: PaperRow[] = [];
  if (scope === 'all') {
    let last: string | undefined;
    for (;;) {
      const chunk = await (last === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(last)).limit(READ_CHUNK).toArray();
      rows.push(...chunk);
      if (chunk.length < READ_CHUNK) return rows;
      last = chunk[chunk.length - 1].id;
    }
  }
  // The ids alone come from the index at little cost; the rows between them are read in slices.
  const ids = (await db.papers.where('starredAt').above(-Infinity).primaryKeys()).sort();
  for (let i = 0; i < ids.length; i += READ_CHUNK) {
    const chunk = await db.papers.where(':id').between(ids[i], ids[Math.min(i + READ_CHUNK, ids.length) - 1], true, true).toArray();
    for (const row of chunk) if (row.starredAt !== undefined) rows.push(row);
  }
  return rows;
}

/** The papers of `scope`, live; `enabled: false` waits (the popup reads its first page first). */
export function useLibrary(db: TriageDB, scope: Scope, enabled = true): LibrarySnapshot | undefined {
  const [snapshot, setSnapshot] = useState<LibrarySnapshot>();
  useEffect(() => (enabled ? watchLibrary(db, scope, setSnapshot) : undefined), [db, scope, enabled]);
  return snapshot;
}

interface IndexState {
  index: SearchIndex;
  /** The snapshot the index holds (once `todo` is all in). */
  byId: ReadonlyMap<string, PaperRow>;
  /** Rows still to add, from `next` on. */
  todo: PaperRow[];
  next: number;
}

const BUILD_SLICE = 250;

/** Brings the index up to `snapshot`, while `timeLeft()`; true when it is. */
function syncIndex(state: { current: IndexState | null }, snapshot: LibrarySnapshot, timeLeft: () => boolean = () => true): boolean {
  let s = state.current;
  // A first build, or so much changed (an import, a deletion) that starting again is cheaper.
  if (!s || (s.byId !== snapshot.byId && Math.abs(s.byId.size - snapshot.byId.size) > 1000)) {
    s = state.current = { index: new SearchIndex(), byId: snapshot.byId, todo: [...snapshot.byId.values()], next: 0 };
  }
  while (s.next < s.todo.length) {
    s.index.addAll(s.todo.slice(s.next, s.next + BUILD_SLICE));
    s.next += BUILD_SLICE;
    if (s.next < s.todo.length && !timeLeft()) return false;
  }
  s.todo = [];
  s.next = 0;
  if (s.byId !== snapshot.byId) {
    // Rows are replaced, never changed in place: what differs is what changed.
    for (const id of s.byId.keys()) if (!snapshot.byId.has(id)) s.index.remove(id);
    for (const [id, row] of snapshot.byId) if (s.byId.get(id) !== row) s.index.upsert(row);
    s.byId = snapshot.byId;
  }
  return true;
}

/**
 * A search index following the snapshot: built a slice at a time while the page is idle (at once,
 * whatever is left, when `needed`), then updated paper by paper; the words for typo correction are
 * learned in idle time too. Undefined until built or needed.
 */
export function useSearchIndex(snapshot: LibrarySnapshot | undefined, needed: boolean): SearchIndexView | undefined {
  const state = useRef<IndexState | null>(null);
  // Bumped when the index has learned every word: a search made before may find more now.
  const [warmings, setWarmings] = useState(0);
  useEffect(() => {
    if (!snapshot) return;
    let handle = 0;
    const step = () => {
      const until = performance.now() + 8;
      const timeLeft = () => performance.now() < until;
      const index = syncIndex(state, snapshot, timeLeft) ? state.current!.index : null;
      const wasWarm = index?.warm;
      if (!index || !index.warmUp(timeLeft)) {
        handle = window.setTimeout(step, 4);
        return;
      }
      if (!wasWarm) {
        index.prepare(); // for the first keystroke; after a change, the next search joins the text again itself
        setWarmings((n) => n + 1);
      }
    };
    handle = window.setTimeout(step, 0);
    return () => clearTimeout(handle);
  }, [snapshot]);
  const index = useMemo(() => {
    if (!snapshot) return undefined;
    if (needed) syncIndex(state, snapshot);
    const s = state.current;
    return s && s.byId === snapshot.byId && s.todo.length === 0 ? { index: s.index, epoch: warmings } : undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot, needed, warmings, state.current?.byId]);
  return index;
}

/** The index, and which of its states it is in (a new object when searches may answer differently). */
export interface SearchIndexView {
  index: SearchIndex;
  epoch: number;
}

// ---------------------------------------------------------------------------------------------
// Filters and sorts

export const SORT_LABEL = {
  relevance: 'Best match',
  starred: 'Date starred',
  hidden: 'Date hidden',
  published: 'Date published',
  upvotes: 'HF upvotes',
  title: 'Title',
} as const;
export type SortKey = keyof typeof SORT_LABEL;

export const STATUS_LABEL: Record<ReadingStatus, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read' };

const publishedTime = (row: PaperRow) => {
  const t = row.publishedAt ? Date.parse(row.publishedAt) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
};
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Newest first for dates and most first for upvotes; A→Z for titles. Ties: most recently starred (then updated) first. */
export function compareBy(key: Exclude<SortKey, 'relevance'>): (a: PaperRow, b: PaperRow) => number {
  const recent = (a: PaperRow, b: PaperRow) => (b.starredAt ?? 0) - (a.starredAt ?? 0) || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);
  switch (key) {
    case 'starred':
      return recent;
    case 'hidden':
      return (a, b) => (b.hiddenAt ?? 0) - (a.hiddenAt ?? 0) || recent(a, b);
    case 'published':
      return (a, b) => publishedTime(b) - publishedTime(a) || recent(a, b);
    case 'upvotes':
      return (a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1) || recent(a, b);
    case 'title':
      return (a, b) => collator.compare(a.title, b.title) || recent(a, b);
  }
}

export const statusOf = (row: PaperRow): ReadingStatus => row.status ?? 'to-read';
export const allTags = (row: PaperRow): string[] => (row.manualTags?.length ? [...row.manualTags, ...row.tags.filter((t) => !row.manualTags!.some((m) => m.toLowerCase() === t.toLowerCase()))] : row.tags);

/** Every tag of the rows, with how many papers have it, most used first. */
export function tagCounts(rows: Iterable<PaperRow>): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const tag of new Set(allTags(row))) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
}

export interface ViewOptions {
  query: string;
  tag: string;
  status: ReadingStatus | '';
  sort: SortKey;
  /** Which papers of the snapshot (the library's Saved / Hidden / All). */
  include?: (row: PaperRow) => boolean;
}

/**
 * The rows of the snapshot to show, in order: matching the query (through the index), the tag,
 * the status. With a query, "relevance" ranks by match (title hits first); without one it is the
 * newest starred first. Undefined while the index is not there.
 */
/** A query worth searching for: it has a letter or a digit. */
export const isQuery = (query: string) => /[\p{L}\p{N}]/u.test(query);

export function useView(snapshot: LibrarySnapshot | undefined, search: SearchIndexView | undefined, options: ViewOptions): PaperRow[] | undefined {
  const { query, tag, status, sort, include } = options;
  const hasQuery = isQuery(query);
  // The whole list in each order, once per change of the data.
  const sorted = useMemo(() => {
    if (!snapshot) return undefined;
    const rows = [...snapshot.byId.values()];
    return rows.sort(compareBy(sort === 'relevance' ? 'starred' : sort));
  }, [snapshot, sort]);
  return useMemo(() => {
    if (!sorted) return undefined;
    const keep = (row: PaperRow) =>
      (!include || include(row)) && (!status || statusOf(row) === status) && (!tag || allTags(row).includes(tag));
    if (!hasQuery) return sorted.filter(keep);
    if (!search) return undefined;
    const hits = search.index.search(query);
    if (sort === 'relevance') return hits.map((h) => h.row).filter(keep);
    const matched = new Set(hits.map((h) => h.row.id));
    return sorted.filter((row) => matched.has(row.id) && keep(row));
  }, [sorted, search, query, hasQuery, tag, status, sort, include]);
}

/** "Jane Doe, John Roe et al.": the first two authors. */
export function shortAuthors(authors: readonly string[]): string {
  return authors.length > 2 ? `${authors.slice(0, 2).join(', ')} et al.` : authors.join(', ');
}

/** "12 papers", "1 paper". */
export const papersCount = (n: number) => `${n.toLocaleString('en')} paper${n === 1 ? '' : 's'}`;

/** The value, once it has stopped changing for `ms` (what a screen reader is told, not every keystroke). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
