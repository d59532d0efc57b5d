// The popup's list of starred papers, newest first. Reads the database live; writes go to the
// background (the single writer) as messages. Only the rows on show are read and rendered: a page
// at first, the next one as the end of the list comes near (10,000 papers would take seconds).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperRow, TriageDB } from '@/lib/db';
import { useLiveQuery } from '@/lib/db/use-live-query';
import { repoDisplayName } from '@/lib/links/code-links';
import { paperUrl } from '@/lib/hf/urls';
import type { Reply, Request } from '@/lib/messages';
import { timeAgo } from './format';
import { LinkBadges } from './LinkBadges';
import { TagList } from './TagList';
import { UI_CSS } from './styles';

export interface SavedPapersProps {
  db: TriageDB;
  send: (request: Request) => Promise<Reply>;
  /** Opens the options page (settings, page health). */
  onOpenSettings?: () => void;
}

/** Rows shown at first, and added each time the end of the list comes near. */
export const PAGE_SIZE = 50;

export function SavedPapers({ db, send, onOpenSettings }: SavedPapersProps) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const rows = useLiveQuery(() => db.papers.orderBy('starredAt').reverse().limit(limit).toArray(), [db, limit]);
  // Apart: IndexedDB counts by walking the index (~50 ms for 10,000), and the rows need not wait.
  const total = useLiveQuery(() => db.papers.orderBy('starredAt').count(), [db]);
  const [error, setError] = useState<string | null>(null);
  // After an unstar the row goes away: keep the keyboard user's place (the row that took its
  // place, else the heading) instead of dropping focus to the page.
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null || !rows) return;
    const next = listRef.current?.children[Math.min(focusRow, rows.length - 1)]?.querySelector<HTMLElement>('button.unstar');
    (next ?? headingRef.current)?.focus();
    setFocusRow(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows]);

  async function unstar(id: string, index: number) {
    const reply = await send({ type: 'setState', id, patch: { starred: false } }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    setError(reply.ok ? null : `Could not unstar: ${reply.error}`);
    if (reply.ok) setFocusRow(index);
  }

  return (
    <main>
      <style>{UI_CSS}</style>
      <header class="head">
        <h1 ref={headingRef} tabIndex={-1}>
          Saved papers
        </h1>
        {rows && rows.length > 0 && total !== undefined && <span class="count">{total}</span>}
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
      {rows === undefined ? null : rows.length === 0 ? (
        <EmptyState />
      ) : (
        <>
          <ul class="papers" aria-label="Saved papers" ref={listRef}>
            {rows.map((p, i) => (
              <SavedPaper key={p.id} paper={p} onUnstar={() => void unstar(p.id, i)} />
            ))}
          </ul>
          {rows.length === limit && total !== rows.length && (
            <ShowMore shown={rows.length} total={total} onMore={() => setLimit((n) => n + PAGE_SIZE)} />
          )}
        </>
      )}
    </main>
  );
}

/** The next rows: loaded when this comes near the bottom of the popup, or when pressed. */
function ShowMore({ shown, total, onMore }: { shown: number; total?: number; onMore: () => void }) {
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
      {total === undefined ? 'Show more' : `Show more (${total - shown} not shown)`}
    </button>
  );
}

function SavedPaper({ paper, onUnstar }: { paper: PaperRow; onUnstar: () => void }) {
  return (
    <li class="paper">
      <a class="title" href={paperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
        {paper.title}
      </a>
      {paper.authors.length > 0 && (
        <div class="meta">{paper.authors.length > 2 ? `${paper.authors.slice(0, 2).join(', ')} et al.` : paper.authors.join(', ')}</div>
      )}
      <TagList tags={paper.tags.map((label) => ({ label }))} />
      <div class="row">
        <LinkBadges
          links={{
            codeUrl: paper.codeUrl,
            codeName: paper.codeUrl ? repoDisplayName(paper.codeUrl) : undefined,
            codeStars: paper.codeStars,
            projectUrl: paper.projectUrl,
          }}
        />
        <span class="when" title={paper.starredAt ? new Date(paper.starredAt).toLocaleString() : undefined}>
          starred {paper.starredAt ? timeAgo(paper.starredAt) : ''}
        </span>
        <button type="button" class="btn unstar" onClick={onUnstar} aria-label={`Unstar ${paper.title}`}>
          Unstar
        </button>
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
