// The tag filter bar's logic (pure): which tags the page's cards carry, and which cards a filter
// keeps. A filter belongs to one page view: it is never stored, and never hides anything for good.

export interface TagFilter {
  /** Show only papers carrying at least one of these (tags' keys: filterKey). */
  include: ReadonlySet<string>;
  /** Never show papers carrying any of these. */
  exclude: ReadonlySet<string>;
}

export const NO_FILTER: TagFilter = { include: new Set(), exclude: new Set() };

export const isFiltering = (f: TagFilter) => f.include.size > 0 || f.exclude.size > 0;

export interface TagCount {
  label: string;
  count: number;
}

/**
 * Tags on the page with the number of papers carrying each, most common first (ties: first seen
 * first). A label's first spelling is the one shown; counting is case-insensitive.
 */
export function countTags(cards: Iterable<readonly string[]>): TagCount[] {
  // Counted on every chunk of a loading 1000-card page: no set per card (a tag twice on one card
  // counts once: its entry remembers the last card that counted it), one lowercasing per label.
  const counts = new Map<string, TagCount & { last: number }>();
  let card = 0;
  for (const labels of cards) {
    card++;
    for (const label of labels) {
      const key = filterKey(label);
      const c = counts.get(key);
      if (!c) counts.set(key, { label, count: 1, last: card });
      else if (c.last !== card) {
        c.count++;
        c.last = card;
      }
    }
  }
  return [...counts.values()].map(({ label, count }) => ({ label, count })).sort((a, b) => b.count - a.count);
}

/**
 * A tag's key: what the filter and the counts know it by, its label lowercased (the same tag may be
 * spelled "LLM" on one card and "llm" on another). Remembered: a page's cards share a few dozen labels.
 */
const keys = new Map<string, string>();
export function filterKey(label: string): string {
  let key = keys.get(label);
  if (key === undefined) {
    if (keys.size >= 5000) keys.clear(); // a bound, should a page show ever new labels
    keys.set(label, (key = label.toLowerCase()));
  }
  return key;
}

/** Whether a card with these tags passes the filter. */
export function passes(filter: TagFilter, labels: readonly string[]): boolean {
  if (!isFiltering(filter)) return true;
  const keys = labels.map(filterKey);
  if (keys.some((k) => filter.exclude.has(k))) return false;
  return filter.include.size === 0 || keys.some((k) => filter.include.has(k));
}

/**
 * A click on a tag: plain click toggles "only these" (and drops an exclusion of it); shift-click
 * toggles "not these" (and drops an inclusion of it).
 */
export function toggleTag(filter: TagFilter, label: string, exclude: boolean): TagFilter {
  const key = filterKey(label);
  const include = new Set(filter.include);
  const excluded = new Set(filter.exclude);
  const [on, off] = exclude ? [excluded, include] : [include, excluded];
  off.delete(key);
  if (on.has(key)) on.delete(key);
  else on.add(key);
  return { include, exclude: excluded };
}
