// The library page: every stored paper as a table (saved, hidden, or all), searchable and filtered
// like the popup, with notes, reading status and tags per paper, bulk actions on a selection, and
// export, import and deletion of the data (LibraryTransfer). Reads the database live; every write is
// a message to the background (the single writer).
import { sendSafely } from '@/lib/send';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperRow, ReadingStatus, TriageDB } from '@/lib/db';
import { paperUrl } from '@/lib/hf/urls';
import { oneSpaced } from '@/lib/fold';
import type { Reply, Request, StatePatch } from '@/lib/messages';
import { timeAgo } from './format';
import {
  papersCount,
  shortAuthors,
  SORT_LABEL,
  statusOf,
  tagCounts,
  isQuery,
  useDebounced,
  useLibrary,
  useSearchIndex,
  useView,
  type SortKey,
} from './LibraryData';
import { LibraryTransfer, type Downloader, type ExportScope } from './LibraryTransfer';
import { ClearFilters, PaperFilters, PaperLinks, SearchBox, StatusOptions, TagChips } from './PaperRowParts';
import { AddTag } from './AddTag';
import { UI_CSS } from './styles';

export interface LibraryPageProps {
  db: TriageDB;
  send: (request: Request) => Promise<Reply>;
  /** Saves an export file (a Blob download in the page; tests catch it). */
  download?: Downloader;
  /** The options page's address. */
  settingsUrl?: string;
  /** Epoch ms (tests fix it). */
  now?: () => number;
  /** Notes are saved this long after the last keystroke. */
  notesDelayMs?: number;
}

export type LibraryView = 'saved' | 'hidden' | 'all';
const VIEWS: { id: LibraryView; label: string; include: (row: PaperRow) => boolean }[] = [
  { id: 'saved', label: 'Saved', include: (r) => r.starredAt !== undefined },
  { id: 'hidden', label: 'Hidden', include: (r) => r.hiddenAt !== undefined },
  { id: 'all', label: 'All', include: () => true },
];
const SORTS: SortKey[] = ['relevance', 'starred', 'hidden', 'published', 'upvotes', 'title'];
export const LIBRARY_PAGE_SIZE = 100;
export const NOTES_DELAY_MS = 400;

type Result = { ok: true } | { ok: false; error: string };

export function LibraryPage({ db, send, download, settingsUrl, now = Date.now, notesDelayMs = NOTES_DELAY_MS }: LibraryPageProps) {
  const [view, setView] = useState<LibraryView>('saved');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<ReadingStatus | ''>('');
  const [sortChoice, setSort] = useState<SortKey>('relevance');
  const [limit, setLimit] = useState(LIBRARY_PAGE_SIZE);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notesOpen, setNotesOpen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [exportScope, setExportScope] = useState<ExportScope>('library');
  const hasQuery = isQuery(query);

  const library = useLibrary(db, 'all');
  const index = useSearchIndex(library, hasQuery);
  const include = VIEWS.find((v) => v.id === view)!.include;
  // Without a query, "best match" is the view's natural order.
  const sort: SortKey = hasQuery || sortChoice !== 'relevance' ? sortChoice : view === 'hidden' ? 'hidden' : 'starred';
  const rows = useView(library, index, { query, tag, status, sort, include });
  const counts = useMemo(() => {
    const all = library ? [...library.byId.values()] : [];
    return { saved: all.filter(VIEWS[0].include).length, hidden: all.filter(VIEWS[1].include).length, all: all.length };
  }, [library]);
  const tags = useMemo(() => (library ? tagCounts([...library.byId.values()].filter(include)) : []), [library, include]);
  const shown = rows?.slice(0, limit);

  useEffect(() => setLimit(LIBRARY_PAGE_SIZE), [view, query, tag, status, sortChoice]);
  // The selection is always within what is shown (filtered), so bulk actions act on what one sees.
  useEffect(() => {
    if (!rows || selected.size === 0) return;
    const visible = new Set(rows.map((r) => r.id));
    if ([...selected].some((id) => !visible.has(id))) setSelected(new Set([...selected].filter((id) => visible.has(id))));
  }, [rows]); // eslint-disable-line react-hooks/exhaustive-deps
  // Notes left open on a paper that was deleted do not open again when it comes back.
  useEffect(() => {
    if (library && [...notesOpen].some((id) => !library.byId.has(id))) setNotesOpen(new Set([...notesOpen].filter((id) => library.byId.has(id))));
  }, [library]); // eslint-disable-line react-hooks/exhaustive-deps

  const searchRef = useRef<HTMLInputElement>(null);
  const clearFilters = () => {
    setQuery('');
    setTag('');
    setStatus('');
    searchRef.current?.focus();
  };
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null || !rows) return;
    const rowsNow = tbodyRef.current?.querySelectorAll<HTMLElement>('tr[data-id]') ?? [];
    const next = rowsNow[Math.min(focusRow, rowsNow.length - 1)]?.querySelector<HTMLElement>('input[type=checkbox]');
    (next ?? searchRef.current)?.focus();
    setFocusRow(null);
  }, [rows]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    searchRef.current?.focus();
    // "/" anywhere but in a field: to the search box.
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  async function write(request: Request, what: string): Promise<Result> {
    const reply = await sendSafely(send, request);
    setError(reply.ok ? null : `Could not ${what}: ${reply.error}`);
    return reply.ok ? { ok: true } : reply;
  }
  const patch = (id: string, p: StatePatch, what: string) => write({ type: 'setState', id, patch: p }, what);
  const bulk = (p: StatePatch, what: string) => write({ type: 'bulkSetState', ids: [...selected], patch: p }, what);

  const announce = useDebounced(rows ? `${papersCount(rows.length)} shown${selected.size ? `, ${selected.size} selected` : ''}` : 'Loading…', 300);
  const allShownSelected = !!rows && rows.length > 0 && rows.every((r) => selected.has(r.id));
  const dateColumn = view === 'hidden' ? 'Hidden' : 'Starred';

  return (
    <main class="library">
      <style>{UI_CSS}</style>
      <header class="page-head">
        <h1>Library</h1>
        <div class="views" role="group" aria-label="Papers to show">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" class="view" aria-pressed={view === v.id} onClick={() => setView(v.id)}>
              {v.label} <span class="n">{library ? counts[v.id].toLocaleString('en') : '…'}</span>
            </button>
          ))}
        </div>
        <span class="spacer" />
        {settingsUrl && (
          <a class="headlink" href={settingsUrl}>
            Settings
          </a>
        )}
      </header>

      <div class="toolbar" role="search">
        <SearchBox inputRef={searchRef} query={query} onQuery={setQuery} label="Search the library" placeholder="Search titles, authors, abstracts, tags, notes  ( / )" />
        <PaperFilters tags={tags} tag={tag} onTag={setTag} status={status} onStatus={setStatus} sort={sort} onSort={setSort} sorts={SORTS} searching={hasQuery} />
      </div>

      <p class="status" role="status">
        {announce}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      {selected.size > 0 && (
        <BulkBar
          count={selected.size}
          view={view}
          onClear={() => setSelected(new Set())}
          onPatch={(p, what) => void bulk(p, what)}
          onExport={() => {
            setExportScope('selected');
            const section = document.getElementById('export');
            section?.scrollIntoView?.({ block: 'start' });
            section?.focus({ preventScroll: true });
          }}
        />
      )}

      {rows === undefined ? (
        <p class="loading">Loading…</p>
      ) : counts[view] === 0 ? (
        <EmptyView view={view} />
      ) : (
        <table class="papers-table">
          <caption class="sr-only">
            {VIEWS.find((v) => v.id === view)!.label} papers, {SORT_LABEL[sort].toLowerCase()} order
          </caption>
          <thead>
            <tr>
              <th scope="col" class="sel">
                <SelectAll
                  checked={allShownSelected}
                  mixed={selected.size > 0 && !allShownSelected}
                  label={`Select all ${papersCount(rows.length)} shown`}
                  onChange={(on) => setSelected(on ? new Set(rows.map((r) => r.id)) : new Set())}
                />
              </th>
              <th scope="col" aria-sort={sort === 'title' ? 'ascending' : undefined}>
                Paper
              </th>
              <th scope="col">Tags</th>
              <th scope="col">Status</th>
              <th scope="col" aria-sort={(view === 'hidden' ? sort === 'hidden' : sort === 'starred') ? 'descending' : undefined}>
                {dateColumn}
              </th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody ref={tbodyRef}>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} class="nomatch">
                  No paper here matches{hasQuery ? ` “${query.trim()}”` : ' these filters'}.{' '}
                  <ClearFilters onClear={clearFilters} />
                </td>
              </tr>
            )}
            {shown!.map((p, i) => (
              <LibraryRow
                key={p.id}
                paper={p}
                view={view}
                selected={selected.has(p.id)}
                notesOpen={notesOpen.has(p.id)}
                notesDelayMs={notesDelayMs}
                onSelect={(on) => setSelected(toggled(selected, p.id, on))}
                onToggleNotes={() => setNotesOpen(toggled(notesOpen, p.id, !notesOpen.has(p.id)))}
                patch={async (pt, what) => {
                  const r = await patch(p.id, pt, what);
                  // The row leaves this view: keep the keyboard user's place (the row taking its place).
                  if (r.ok && ((view === 'saved' && pt.starred === false) || (view === 'hidden' && pt.hidden === false))) setFocusRow(i);
                  return r;
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {rows && shown && shown.length < rows.length && (
        <button type="button" class="btn more" onClick={() => setLimit((n) => n + LIBRARY_PAGE_SIZE * 5)}>
          Show more ({(rows.length - shown.length).toLocaleString('en')} not shown)
        </button>
      )}

      <LibraryTransfer
        db={db}
        send={send}
        library={library}
        shownRows={rows ?? []}
        selectedRows={rows?.filter((r) => selected.has(r.id)) ?? []}
        download={download}
        now={now}
        exportScope={exportScope}
        onExportScope={setExportScope}
      />
    </main>
  );
}

const toggled = (set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

function SelectAll({ checked, mixed, label, onChange }: { checked: boolean; mixed: boolean; label: string; onChange: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return <input ref={ref} type="checkbox" checked={checked} aria-label={label} onChange={(e) => onChange(e.currentTarget.checked)} />;
}

interface BulkBarProps {
  count: number;
  view: LibraryView;
  onClear: () => void;
  onPatch: (p: StatePatch, what: string) => void;
  onExport: () => void;
}

function BulkBar({ count, view, onClear, onPatch, onExport }: BulkBarProps) {
  const [tagText, setTagText] = useState('');
  const addTag = (e: Event) => {
    e.preventDefault();
    const t = oneSpaced(tagText.trim());
    if (!t) return;
    onPatch({ addTags: [t] }, 'tag the selected papers');
    setTagText('');
  };
  return (
    <section class="bulk" aria-label="Selected papers">
      <strong>{count.toLocaleString('en')} selected</strong>
      {view !== 'hidden' ? (
        <button type="button" class="btn" onClick={() => onPatch({ starred: false }, 'unstar the selected papers')}>
          Unstar
        </button>
      ) : (
        <button type="button" class="btn" onClick={() => onPatch({ hidden: false }, 'unhide the selected papers')}>
          Unhide
        </button>
      )}
      {view === 'all' && (
        <button type="button" class="btn" onClick={() => onPatch({ starred: true }, 'star the selected papers')}>
          Star
        </button>
      )}
      <label class="inline">
        <span>Set status</span>
        <select
          value=""
          onChange={(e) => {
            const s = e.currentTarget.value as ReadingStatus | '';
            if (s) onPatch({ status: s }, 'set the status of the selected papers');
            e.currentTarget.value = '';
          }}
        >
          <option value="">…</option>
          <StatusOptions />
        </select>
      </label>
      <form class="inline" onSubmit={addTag}>
        <input
          class="tag-input"
          value={tagText}
          maxLength={80}
          placeholder="tag"
          aria-label="Tag to add to the selected papers"
          onInput={(e) => setTagText(e.currentTarget.value)}
        />
        <button type="submit" class="btn">
          Add tag
        </button>
      </form>
      <button type="button" class="btn" onClick={onExport}>
        Export selection…
      </button>
      <button type="button" class="btn" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}

interface LibraryRowProps {
  paper: PaperRow;
  view: LibraryView;
  selected: boolean;
  notesOpen: boolean;
  notesDelayMs: number;
  onSelect: (on: boolean) => void;
  onToggleNotes: () => void;
  patch: (p: StatePatch, what: string) => Promise<Result>;
}

function LibraryRow({ paper: p, view, selected, notesOpen, notesDelayMs, onSelect, onToggleNotes, patch }: LibraryRowProps) {
  const notesId = `notes-${p.id}`;
  const when = view === 'hidden' ? p.hiddenAt : p.starredAt;
  const firstNoteLine = p.notes?.split('\n').find((l) => l.trim())?.trim();
  return (
    <>
      <tr class={selected ? 'selected' : undefined} data-id={p.id}>
        <td class="sel">
          <input type="checkbox" checked={selected} aria-label={`Select ${p.title}`} onChange={(e) => onSelect(e.currentTarget.checked)} />
        </td>
        <td class="paper-cell">
          <a class="title" href={paperUrl(p.id)} target="_blank" rel="noopener noreferrer">
            {p.title}
          </a>
          <div class="meta">
            {p.authors.length > 0 && <span>{shortAuthors(p.authors)}</span>}
            {p.publishedAt && <span class="nowrap"> · {formatDay(p.publishedAt)}</span>}
            {p.upvotes !== undefined && (
              <span class="nowrap">
                {' · '}
                <span aria-hidden="true">▲</span> {p.upvotes}
                <span class="sr-only"> upvotes</span>
              </span>
            )}
            <span class="nowrap"> · arXiv {p.id}</span>
          </div>
          <div class="row">
            <PaperLinks paper={p} />
          </div>
          {!notesOpen && firstNoteLine && <p class="note-line">{firstNoteLine}</p>}
        </td>
        <td class="tags-cell">
          <TagChips paper={p} onRemove={(t) => void patch({ removeTags: [t] }, `remove the tag ${t}`)} />
          <AddTag name={p.title} onAdd={(t) => void patch({ addTags: [t] }, `add the tag ${t}`)} />
        </td>
        <td>
          <select
            class="status-select"
            value={statusOf(p)}
            aria-label={`Reading status of ${p.title}`}
            onChange={(e) => void patch({ status: e.currentTarget.value as ReadingStatus }, 'set the reading status')}
          >
            <StatusOptions />
          </select>
        </td>
        <td class="when">{when ? <time dateTime={new Date(when).toISOString()} title={new Date(when).toLocaleString()}>{timeAgo(when)}</time> : '—'}</td>
        <td class="actions">
          <button type="button" class="btn" aria-expanded={notesOpen} aria-controls={notesOpen ? notesId : undefined} aria-label={`Notes on ${p.title}`} onClick={onToggleNotes}>
            {p.notes ? 'Notes ✎' : 'Notes'}
          </button>
          {p.starredAt !== undefined ? (
            <button type="button" class="btn" aria-label={`Unstar ${p.title}`} onClick={() => void patch({ starred: false }, 'unstar')}>
              Unstar
            </button>
          ) : (
            <button type="button" class="btn" aria-label={`Star ${p.title}`} onClick={() => void patch({ starred: true }, 'star')}>
              Star
            </button>
          )}
          {p.hiddenAt !== undefined && (
            <button type="button" class="btn" aria-label={`Unhide ${p.title}`} onClick={() => void patch({ hidden: false }, 'unhide')}>
              Unhide
            </button>
          )}
        </td>
      </tr>
      {notesOpen && (
        <tr class="notes-row">
          <td />
          <td colSpan={5} id={notesId}>
            <NotesEditor paper={p} delayMs={notesDelayMs} save={(notes) => patch({ notes }, 'save the notes')} />
          </td>
        </tr>
      )}
    </>
  );
}

const formatDay = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : new Date(t).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
};

const NOTES_MAX = 100_000;

/**
 * Markdown notes, saved as one types (after a pause) and when leaving the field. What is typed is
 * never replaced by what comes back from the database while the field is being edited.
 */
function NotesEditor({ paper, delayMs, save }: { paper: PaperRow; delayMs: number; save: (notes: string) => Promise<Result> }) {
  const [text, setText] = useState(paper.notes ?? '');
  const [state, setState] = useState<'idle' | 'editing' | 'saving' | 'saved' | 'failed'>('idle');
  const pending = useRef<string | null>(null);
  const saving = useRef(0);
  const timer = useRef(0);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = `notes-field-${paper.id}`;

  const flush = () => {
    clearTimeout(timer.current);
    const value = pending.current;
    if (value === null) return;
    pending.current = null;
    saving.current++;
    setState('saving');
    void save(value).then((r) => {
      saving.current--;
      if (pending.current === null && saving.current === 0) setState(r.ok ? 'saved' : 'failed');
    });
  };
  // Not being edited: follow the stored notes (another tab, an import).
  useEffect(() => {
    if (pending.current === null && saving.current === 0) setText(paper.notes ?? '');
  }, [paper.notes]);
  useLayoutEffect(() => {
    fieldRef.current?.focus();
    // A tab being closed or hidden unmounts nothing: save what is pending then too.
    const onHide = () => document.visibilityState === 'hidden' && flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush(); // closing the notes saves what is pending
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div class="notes">
      <label for={fieldId}>
        Notes on <span class="notes-title">{paper.title}</span> <span class="hint">(Markdown, saved as you type)</span>
      </label>
      <textarea
        id={fieldId}
        ref={fieldRef}
        value={text}
        rows={5}
        maxLength={NOTES_MAX}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          pending.current = value;
          setState('editing');
          clearTimeout(timer.current);
          timer.current = window.setTimeout(flush, delayMs);
        }}
        onBlur={flush}
      />
      <span class="notes-state" role="status">
        {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : state === 'failed' ? 'Not saved' : ''}
      </span>
    </div>
  );
}

function EmptyView({ view }: { view: LibraryView }) {
  const text: Record<LibraryView, ComponentChildren> = {
    saved: (
      <>
        No saved papers yet. Star papers on{' '}
        <a href="https://huggingface.co/papers" target="_blank" rel="noopener noreferrer">
          Hugging Face Daily Papers
        </a>
        , or import a list or a backup below.
      </>
    ),
    hidden: 'No hidden papers. Papers you hide on Hugging Face listings are listed here, to unhide.',
    all: 'Nothing stored yet.',
  };
  return <p class="empty">{text[view]}</p>;
}
