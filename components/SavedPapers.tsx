// The popup: the starred papers, searchable, filtered by tag and reading status, sorted. Reads the
// database (live, see LibraryData); writes go to the background (the single writer) as messages.
// Fast with 10,000 papers: the first page of rows is read on its own and shown at once; the whole
// list follows, then the search index (in idle time); only a page of rows is in the DOM at a time.
import { sendSafely } from '@/lib/send';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperRow, ReadingStatus, TriageDB } from '@/lib/db';
import { paperUrl } from '@/lib/hf/urls';
import type { Reply, Request } from '@/lib/messages';
import { timeAgo } from './format';
import {
  papersCount,
  shortAuthors,
  STATUS_LABEL,
  tagCounts,
  isQuery,
  useDebounced,
  useLibrary,
  useSearchIndex,
  useView,
  type SortKey,
} from './LibraryData';
import { ClearFilters, PaperFilters, PaperLinks, SearchBox, TagChips } from './PaperRowParts';
import { UI_CSS } from './styles';

export interface SavedPapersProps {
  db: TriageDB;
  send: (request: Request) => Promise<Reply>;
  /** Opens the options page (settings, page health). */
  onOpenSettings?: () => void;
  /** The library page's address, and how to open it (a new tab). */
  libraryUrl?: string;
  onOpenLibrary?: () => void;
}

/**
 * The popup's first rows as it last read them, in the extension's own localStorage (web pages
 * cannot read it): the next opening draws them at once, and the database's answer replaces them a
 * moment later. Abstracts and notes are left out.
 */
const FIRST_PAGE_KEY = 'hfpt-popup-first-page';

function cachedFirstPage(): PaperRow[] | undefined {
  try {
    const rows: unknown = JSON.parse(globalThis.localStorage?.getItem(FIRST_PAGE_KEY) ?? 'null');
    return Array.isArray(rows) && rows.every((r) => r && typeof r.id === 'string' && typeof r.title === 'string' && Array.isArray(r.authors) && Array.isArray(r.tags)) ? (rows as PaperRow[]) : undefined;
  } catch {
    return undefined;
  }
}

function cacheFirstPage(rows: PaperRow[]) {
  try {
    globalThis.localStorage?.setItem(FIRST_PAGE_KEY, JSON.stringify(rows.map(({ abstract: _a, notes: _n, ...row }) => row)));
  } catch {
    /* storage full or off: the next opening reads the database first */
  }
}

/** Rows shown at first (the popup has room for five or six), and added each time the end of the list comes near. */
export const PAGE_SIZE = 25;
const POPUP_SORTS: SortKey[] = ['relevance', 'starred', 'published', 'upvotes', 'title'];

export function SavedPapers({ db, send, onOpenSettings, libraryUrl, onOpenLibrary }: SavedPapersProps) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<ReadingStatus | ''>('');
  const [sort, setSort] = useState<SortKey>('relevance');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [error, setError] = useState<string | null>(null);
  const hasQuery = isQuery(query);
  const filtered = hasQuery || tag !== '' || status !== '';

  // The first page, read on its own: shown before the whole list is in. Until it is read, the
  // first page as the last opening saw it stands in (drawn at once, before the database opens).
  const [firstPage, setFirstPage] = useState<PaperRow[] | undefined>(cachedFirstPage);
  const [firstRead, setFirstRead] = useState(false);
  const [readAll, setReadAll] = useState(false);
  useEffect(() => {
    void db.papers
      .orderBy('starredAt')
      .reverse()
      .limit(PAGE_SIZE)
      .toArray()
      .then(
        (rows) => {
          setFirstPage(rows);
          setFirstRead(true);
          cacheFirstPage(rows);
        },
        (e) => {
          console.warn('[hf-papers-triage]', e);
          setReadAll(true);
        },
      );
  }, [db]);
  // Then the whole list, once the first page is on screen (its reading would compete with it).
  useEffect(() => {
    if (!firstRead || readAll) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setReadAll(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [firstRead, readAll]);
  const library = useLibrary(db, 'starred', readAll);
  const index = useSearchIndex(library, hasQuery);
  const view = useView(library, index, { query, tag, status, sort });
  const tags = useMemo(() => (library ? tagCounts(library.byId.values()) : []), [library]);
  const total = library?.byId.size;
  // Before the whole list is in, the first page stands for it (default order, nothing filtered).
  const rows = view ?? (!filtered && (sort === 'relevance' || sort === 'starred') ? firstPage : undefined);
  const shown = rows?.slice(0, limit);

  useEffect(() => setLimit(PAGE_SIZE), [query, tag, status, sort]);

  // After an unstar the row goes away: keep the keyboard user's place (the row that took its
  // place, else the heading) instead of dropping focus to the page.
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const clearFilters = () => {
    setQuery('');
    setTag('');
    setStatus('');
    searchRef.current?.focus();
  };
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null || !library) return;
    const items = listRef.current?.children;
    const next = items?.[Math.min(focusRow, items.length - 1)]?.querySelector<HTMLElement>('button.unstar');
    (next ?? headingRef.current)?.focus();
    setFocusRow(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [library]);

  const empty = total === 0 || (total === undefined && firstPage?.length === 0);
  // Focus on the search box when the popup opens (and when the first paper arrives in an empty one).
  useEffect(() => searchRef.current?.focus(), [empty]);

  async function unstar(id: string, i: number) {
    const reply = await sendSafely(send, { type: 'setState', id, patch: { starred: false } });
    setError(reply.ok ? null : `Could not unstar: ${reply.error}`);
    if (reply.ok) setFocusRow(i);
  }

  /** Arrow keys: from the search box into the list, and from title to title. */
  function onListKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const titles = [...(listRef.current?.querySelectorAll<HTMLElement>('a.title') ?? [])];
    const at = titles.findIndex((a) => a.closest('li')?.contains(document.activeElement));
    const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
    e.preventDefault();
    if (next < 0) searchRef.current?.focus();
    else titles[Math.min(next, titles.length - 1)]?.focus();
  }

  const announce = useDebounced(
    rows === undefined ? '' : filtered ? `${papersCount(rows.length)} of ${total ?? rows.length} shown` : total !== undefined ? `${papersCount(total)} saved` : '',
    300,
  );

  return (
    <main class="popup">
      <style>{UI_CSS}</style>
      <header class="head">
        <h1 ref={headingRef} tabIndex={-1}>
          Saved papers
        </h1>
        {!empty && total !== undefined && <span class="count">{total.toLocaleString('en')}</span>}
        <span class="spacer" />
        {libraryUrl && (
          <a
            class="headlink"
            href={libraryUrl}
            target="_blank"
            onClick={(e) => {
              if (!onOpenLibrary) return;
              e.preventDefault();
              onOpenLibrary();
            }}
          >
            Open library
          </a>
        )}
        {onOpenSettings && (
          <button type="button" class="settings" onClick={onOpenSettings}>
            Settings
          </button>
        )}
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {empty ? (
        <EmptyState />
      ) : (
        <>
          <div class="controls" role="search">
            <SearchBox
              inputRef={searchRef}
              query={query}
              onQuery={setQuery}
              label="Search saved papers"
              placeholder="Search titles, authors, abstracts, tags, notes"
              controls="saved-list"
              onArrowDown={() => listRef.current?.querySelector<HTMLElement>('a.title')?.focus()}
            />
            <div class="filters">
              <PaperFilters tags={tags} tag={tag} onTag={setTag} status={status} onStatus={setStatus} sort={sort} onSort={setSort} sorts={POPUP_SORTS} searching={hasQuery} />
            </div>
          </div>
          <p class="status" role="status">
            {announce}
          </p>
          {rows === undefined ? (
            <p class="loading">Loading…</p>
          ) : rows.length === 0 ? (
            <div class="nomatch">
              <p>No saved paper matches{hasQuery ? ` “${query.trim()}”` : ' these filters'}.</p>
              <ClearFilters onClear={clearFilters} />
            </div>
          ) : (
            <ul id="saved-list" class="papers" aria-label="Saved papers" ref={listRef} onKeyDown={onListKey}>
              {shown!.map((p, i) => (
                <SavedPaper key={p.id} paper={p} onUnstar={() => void unstar(p.id, i)} />
              ))}
            </ul>
          )}
          {rows && shown && shown.length < rows.length && (
            <ShowMore shown={shown.length} total={rows.length} onMore={() => setLimit((n) => n + PAGE_SIZE)} />
          )}
        </>
      )}
    </main>
  );
}

/** The next rows: loaded when this comes near the bottom of the popup, or when pressed. */
function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onMore(), {
      rootMargin: '0px 0px 300px 0px',
    });
    io.observe(ref.current!);
    return () => io.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);
  return (
    <button ref={ref} type="button" class="btn more" onClick={onMore}>
      Show more ({(total - shown).toLocaleString('en')} not shown)
    </button>
  );
}

function SavedPaper({ paper, onUnstar }: { paper: PaperRow; onUnstar: () => void }) {
  const status = paper.status;
  return (
    <li class="paper">
      <a class="title" href={paperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
        {paper.title}
      </a>
      {paper.authors.length > 0 && <div class="meta">{shortAuthors(paper.authors)}</div>}
      <TagChips paper={paper} />
      <div class="row">
        <PaperLinks paper={paper} />
        {status && status !== 'to-read' && <span class={`badge status-${status}`}>{STATUS_LABEL[status]}</span>}
        {paper.notes && <span class="badge">Notes</span>}
        <span class="end">
          <span class="when" title={paper.starredAt ? new Date(paper.starredAt).toLocaleString() : undefined}>
            starred {paper.starredAt ? timeAgo(paper.starredAt) : ''}
          </span>
          <button type="button" class="btn unstar" onClick={onUnstar} aria-label={`Unstar ${paper.title}`}>
            Unstar
          </button>
        </span>
      </div>
    </li>
  );
}

function EmptyState() {
  return (
    <div class="empty">
      <p class="big">No saved papers yet.</p>
      <p>
        Open{' '}
        <a href="https://huggingface.co/papers" target="_blank" rel="noopener noreferrer">
          Hugging Face Daily Papers
        </a>{' '}
        and press <strong>Star</strong> on a paper's card. It shows up here, newest first.
      </p>
      <p class="hint">Hide papers you don't want to see again: they stay hidden on every listing. Everything stays in this browser.</p>
    </div>
  );
}
