// Small pieces of a saved paper's row, shared by the popup and the library page. Props in, no
// browser APIs; page text is always rendered as text.
import type { Ref } from 'preact';
import type { PaperRow } from '@/lib/db';
import { READING_STATUSES, type ReadingStatus } from '@/lib/db/types';
import { repoDisplayName } from '@/lib/links/code-links';
import { compactCount, hostOf } from './format';
import { CodeIcon, GlobeIcon } from './icons';
import { SORT_LABEL, STATUS_LABEL, type SortKey } from './LibraryData';

/**
 * The paper's tags as chips: the user's own first (marked), then the ones computed from the page.
 * Not focusable one by one (a list of 50 papers would be hundreds of tab stops); with `onRemove`,
 * the user's own tags get a remove button.
 */
export function TagChips({ paper, onRemove }: { paper: PaperRow; onRemove?: (tag: string) => void }) {
  const manual = paper.manualTags ?? [];
  const auto = paper.tags.filter((t) => !manual.some((m) => m.toLowerCase() === t.toLowerCase()));
  if (manual.length === 0 && auto.length === 0) return null;
  return (
    <ul class="tags" aria-label="Tags">
      {manual.map((tag) => (
        <li key={`m:${tag}`} class="chip manual" title="Your tag">
          {tag}
          {onRemove && (
            <button type="button" class="x" aria-label={`Remove tag ${tag}`} onClick={() => onRemove(tag)}>
              ×
            </button>
          )}
        </li>
      ))}
      {auto.map((tag) => (
        <li key={`a:${tag}`} class="chip">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/**
 * The code and project links. Their names are their visible text (axe: label-content-name-mismatch),
 * with what the star means spelled out for screen readers.
 */
export function PaperLinks({ paper }: { paper: PaperRow }) {
  const codeUrl = httpsOnly(paper.codeUrl);
  const projectUrl = httpsOnly(paper.projectUrl);
  if (!codeUrl && !projectUrl) return null;
  return (
    <>
      {codeUrl && (
        <a class="btn link" href={codeUrl} target="_blank" rel="noopener noreferrer" title={codeUrl}>
          <CodeIcon />
          Code <span class="sub">{repoDisplayName(codeUrl)}</span>
          {paper.codeStars !== undefined && (
            <span class="sub">
              {' '}
              ★ {compactCount(paper.codeStars)}
              <span class="sr-only"> GitHub stars</span>
            </span>
          )}
        </a>
      )}
      {projectUrl && (
        <a class="btn link" href={projectUrl} target="_blank" rel="noopener noreferrer" title={projectUrl}>
          <GlobeIcon />
          Project page <span class="sub">{hostOf(projectUrl) ?? ''}</span>
        </a>
      )}
    </>
  );
}


/** Stored links are checked when written; this is the last line, should a row come from elsewhere. */
const httpsOnly = (url: string | undefined) => (url && /^https:\/\/[^\s]+$/.test(url) ? url : undefined);

export interface PaperFiltersProps {
  /** Tags of the rows with how many carry each. */
  tags: readonly [string, number][];
  tag: string;
  onTag: (tag: string) => void;
  status: ReadingStatus | '';
  onStatus: (status: ReadingStatus | '') => void;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
  /** The sorts offered ("Best match" only while searching). */
  sorts: readonly SortKey[];
  searching: boolean;
}

/** Tag, reading status and sort: the popup's and the library page's filters. */
export function PaperFilters({ tags, tag, onTag, status, onStatus, sort, onSort, sorts, searching }: PaperFiltersProps) {
  return (
    <>
      <label>
        <span>Tag</span>
        <select value={tag} onChange={(e) => onTag(e.currentTarget.value)}>
          <option value="">All</option>
          {tag && !tags.some(([t]) => t === tag) && <option value={tag}>{tag}</option>}
          {tags.map(([t, n]) => (
            <option key={t} value={t}>
              {t} ({n})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Status</span>
        <select value={status} onChange={(e) => onStatus(e.currentTarget.value as ReadingStatus | '')}>
          <option value="">All</option>
          <StatusOptions />
        </select>
      </label>
      <label>
        <span>Sort</span>
        <select value={sort === 'relevance' && !searching ? 'starred' : sort} onChange={(e) => onSort(e.currentTarget.value as SortKey)}>
          {sorts
            .filter((s) => s !== 'relevance' || searching)
            .map((s) => (
              <option key={s} value={s}>
                {SORT_LABEL[s]}
              </option>
            ))}
        </select>
      </label>
    </>
  );
}

/** The reading statuses as the options of a select. */
export function StatusOptions() {
  return (
    <>
      {READING_STATUSES.map((s) => (
        <option key={s} value={s}>
          {STATUS_LABEL[s]}
        </option>
      ))}
    </>
  );
}

export interface SearchBoxProps {
  inputRef: Ref<HTMLInputElement>;
  query: string;
  onQuery: (query: string) => void;
  label: string;
  placeholder: string;
  /** The id of the list the results go to. */
  controls?: string;
  /** Down arrow: on to the results. */
  onArrowDown?: () => void;
}

/** The popup's and the library's search box: Escape clears it. */
export function SearchBox({ inputRef, query, onQuery, label, placeholder, controls, onArrowDown }: SearchBoxProps) {
  return (
    <input
      ref={inputRef}
      type="search"
      class="search"
      value={query}
      placeholder={placeholder}
      aria-label={label}
      aria-controls={controls}
      onInput={(e) => onQuery(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && query) {
          e.preventDefault();
          onQuery('');
        } else if (e.key === 'ArrowDown' && onArrowDown) {
          e.preventDefault();
          onArrowDown();
        }
      }}
    />
  );
}

/** "Clear search and filters", where no row matches them (popup and library). */
export function ClearFilters({ onClear }: { onClear: () => void }) {
  return (
    <button type="button" class="btn" onClick={onClear}>
      Clear search and filters
    </button>
  );
}
