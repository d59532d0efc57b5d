// The tag filter bar's logic (pure): which tags the page's cards carry, and which cards a filter
// keeps. A filter belongs to one page view: it is never stored, and never hides anything for good.

export interface TagFilter {
  /** Show only papers carrying at least one of these (lowercased labels). */
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
  const counts = new Map<string, TagCount>();
  for (const labels of cards) {
    const once = new Set<string>();
    for (const label of labels) {
      const key = label.toLowerCase();
      if (once.has(key)) continue;
      once.add(key);
      const c = counts.get(key);
      if (c) c.count++;
      else counts.set(key, { label, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

/** Whether a card with these tags passes the filter. */
export function passes(filter: TagFilter, labels: readonly string[]): boolean {
  if (!isFiltering(filter)) return true;
  const keys = labels.map((l) => l.toLowerCase());
  if (keys.some((k) => filter.exclude.has(k))) return false;
  return filter.include.size === 0 || keys.some((k) => filter.include.has(k));
}

/**
 * A click on a tag: plain click toggles "only these" (and drops an exclusion of it); shift-click
 * toggles "not these" (and drops an inclusion of it).
 */
export function toggleTag(filter: TagFilter, label: string, exclude: boolean): TagFilter {
  const key = label.toLowerCase();
  const include = new Set(filter.include);
  const excluded = new Set(filter.exclude);
  const [on, off] = exclude ? [excluded, include] : [include, excluded];
  off.delete(key);
  if (on.has(key)) on.delete(key);
  else on.add(key);
  return { include, exclude: excluded };
}
