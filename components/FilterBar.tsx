// The tag filter bar above a listing: the tags on this page with how many papers carry each.
// Click: only papers with that tag (again: clear); shift-click: papers without it.
import type { TagCount, TagFilter } from '@/lib/page/filter';

/** Tags shown before "more": the bar stays one or two lines on a 100-paper day. */
export const FILTER_TAGS_SHOWN = 12;

export interface FilterBarProps {
  tags: readonly TagCount[];
  filter: TagFilter;
  /** Papers the filter lets through, of all annotated. */
  shown: number;
  total: number;
  onToggle: (label: string, exclude: boolean) => void;
  onClear: () => void;
  /** Papers a highlight rule matched, and whether they are sorted first. */
  highlighted?: number;
  highlightFirst?: boolean;
  onHighlightFirst?: (value: boolean) => void;
  /** Every tag shown, not only the first FILTER_TAGS_SHOWN ("+N more" was clicked). */
  showAll?: boolean;
  onShowAll: () => void;
}

export function FilterBar({ tags, filter, shown, total, onToggle, onClear, highlighted = 0, highlightFirst = false, onHighlightFirst, showAll: all = false, onShowAll }: FilterBarProps) {
  if (tags.length === 0) return null;
  const active = (t: TagCount) => filter.include.has(t.label.toLowerCase()) || filter.exclude.has(t.label.toLowerCase());
  // Tags in use by the filter always stay visible, even past the cut.
  const visible = all ? tags : tags.filter((t, i) => i < FILTER_TAGS_SHOWN || active(t));
  const filtering = filter.include.size + filter.exclude.size > 0;
  return (
    <div class="filter" role="group" aria-label="Filter papers by tag">
      <span class="filter-label" id="filter-help" title="Click: only papers with this tag. Shift-click: papers without it.">
        Tags
      </span>
      {visible.map((t) => {
        const key = t.label.toLowerCase();
        const state = filter.include.has(key) ? 'only' : filter.exclude.has(key) ? 'not' : '';
        return (
          <button
            type="button"
            key={key}
            class={`ftag ${state}`}
            aria-pressed={state === 'only'}
            aria-describedby="filter-help"
            // Starts with the visible text ("Video 3"), as speech input users say what they see.
            aria-label={`${t.label} ${t.count} ${t.count === 1 ? 'paper' : 'papers'}${state === 'not' ? ' (left out)' : ''}`}
            onClick={(e) => onToggle(t.label, e.shiftKey)}
          >
            {t.label}{' '}
            <span class="n">{t.count}</span>
          </button>
        );
      })}
      {tags.length > visible.length && (
        <button type="button" class="flink" onClick={onShowAll}>
          {`+${tags.length - visible.length} more`}
        </button>
      )}
      {highlighted > 0 && onHighlightFirst && (
        <button type="button" class="ftag" aria-pressed={highlightFirst} onClick={() => onHighlightFirst(!highlightFirst)}>
          {`Highlighted first (${highlighted})`}
        </button>
      )}
      {filtering && (
        <>
          <span class="fstatus" role="status">{`${shown} of ${total} shown`}</span>
          <button type="button" class="flink" onClick={onClear}>
            Clear filter
          </button>
        </>
      )}
    </div>
  );
}
