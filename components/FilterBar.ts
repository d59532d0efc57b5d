import { filterKey, type TagCount, type TagFilter } from '@/lib/page/filter';
import { button, el, setAttr, setChildren, setText } from './dom';

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

/**
 * The tag filter bar above the list: the page's tags with their counts (click: only these; shift-click:
 * not these). Drawn into the start of `container`, patched in place: a tag's button stays the same
 * element from one update to the next, so it keeps the focus.
 */
export function mountFilterBar(container: HTMLElement): { update(props: FilterBarProps): void } {
  const doc = container.ownerDocument;
  let props: FilterBarProps | undefined;
  const tagButtons = new Map<string, HTMLButtonElement>();
  const label = el(doc, 'span', { class: 'filter-label', id: 'filter-help', title: 'Click: only papers with this tag. Shift-click: papers without it.' }, 'Tags');
  const more = button(doc, { class: 'flink' }, '', () => props?.onShowAll());
  const highlight = button(doc, { class: 'ftag' }, '', () => props?.onHighlightFirst?.(!props.highlightFirst));
  const status = el(doc, 'span', { class: 'fstatus', role: 'status' });
  const clear = button(doc, { class: 'flink' }, 'Clear filter', () => props?.onClear());
  const bar = el(doc, 'div', { class: 'filter', role: 'group', 'aria-label': 'Filter papers by tag' });

  const tagButton = (key: string) => {
    let b = tagButtons.get(key);
    if (!b) {
      b = button(doc, { 'aria-describedby': 'filter-help' }, '', (e) => {
        const t = props?.tags.find((x) => filterKey(x.label) === key);
        if (t) props!.onToggle(t.label, e.shiftKey);
      });
      tagButtons.set(key, b);
    }
    return b;
  };

  return {
    update(next) {
      props = next;
      const { tags, filter, shown, total, highlighted = 0, highlightFirst = false, onHighlightFirst, showAll = false } = next;
      if (tags.length === 0) return bar.remove();
      const active = (t: TagCount) => filter.include.has(filterKey(t.label)) || filter.exclude.has(filterKey(t.label));
      const visible = showAll ? tags : tags.filter((t, i) => i < FILTER_TAGS_SHOWN || active(t));
      const filtering = filter.include.size + filter.exclude.size > 0;
      const children: Node[] = [label];
      for (const t of visible) {
        const key = filterKey(t.label);
        const state = filter.include.has(key) ? 'only' : filter.exclude.has(key) ? 'not' : '';
        const b = tagButton(key);
        setAttr(b, 'class', `ftag ${state}`);
        setAttr(b, 'aria-pressed', String(state === 'only'));
        setAttr(b, 'aria-label', `${t.label} ${t.count} ${t.count === 1 ? 'paper' : 'papers'}${state === 'not' ? ' (left out)' : ''}`);
        const count = String(t.count);
        if (b.firstChild?.textContent !== t.label || b.lastChild?.textContent !== count) b.replaceChildren(t.label, ' ', el(doc, 'span', { class: 'n' }, count));
        children.push(b);
      }
      // Buttons of tags the page no longer has are let go (a set: with every tag shown, a
      // 1000-card page has hundreds of them, and a search per button was quadratic).
      const current = new Set(tags.map((t) => filterKey(t.label)));
      for (const key of tagButtons.keys()) if (!current.has(key)) tagButtons.delete(key);
      if (tags.length > visible.length) {
        setText(more, `+${tags.length - visible.length} more`);
        children.push(more);
      }
      if (highlighted > 0 && onHighlightFirst) {
        setText(highlight, `Highlighted first (${highlighted})`);
        setAttr(highlight, 'aria-pressed', String(highlightFirst));
        children.push(highlight);
      }
      if (filtering) {
        setText(status, `${shown} of ${total} shown`);
        children.push(status, clear);
      }
      setChildren(bar, children);
      if (bar.parentNode !== container) container.prepend(bar);
    },
  };
}
