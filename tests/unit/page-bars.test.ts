// The filter bar and the hidden summary above a listing are redrawn after every click on a card:
// drawn again with what they show already, they change nothing in the page (a write of the same
// text replaces its text node, and the page lays out again).
import { describe, expect, it } from 'vitest';
import { mountFilterBar, FILTER_TAGS_SHOWN } from '@/components/FilterBar';
import { mountHiddenSummary } from '@/components/Hidden';
import { NO_FILTER, toggleTag } from '@/lib/page/filter';

/** What `draw` changes under `root`, as MutationRecords (the same DOM changes a page would lay out again for). */
async function changesOf(root: Node, draw: () => void): Promise<MutationRecord[]> {
  const seen: MutationRecord[] = [];
  const mo = new MutationObserver((records) => seen.push(...records));
  mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  draw();
  await Promise.resolve();
  seen.push(...mo.takeRecords());
  mo.disconnect();
  return seen;
}

const tags = Array.from({ length: FILTER_TAGS_SHOWN + 3 }, (_, i) => ({ label: `Tag ${i}`, count: 20 - i }));
const noop = () => {};

describe('bars above the listing', () => {
  it('the filter bar drawn again with the same tags, filter and counts changes nothing', async () => {
    const container = document.createElement('div');
    const bar = mountFilterBar(container);
    const props = { tags, filter: toggleTag(NO_FILTER, 'Tag 1', false), shown: 5, total: 40, highlighted: 2, highlightFirst: false, onHighlightFirst: noop, onToggle: noop, onClear: noop, onShowAll: noop };
    bar.update(props);
    expect(container.textContent).toContain('+3 more');
    expect(container.textContent).toContain('Highlighted first (2)');
    expect(container.textContent).toContain('5 of 40 shown');
    expect(await changesOf(container, () => bar.update({ ...props, tags: tags.map((t) => ({ ...t })) }))).toEqual([]);
    // A count that changes is written.
    expect((await changesOf(container, () => bar.update({ ...props, shown: 6 }))).length).toBeGreaterThan(0);
    expect(container.textContent).toContain('6 of 40 shown');
  });

  it('the hidden summary drawn again with the same counts changes nothing', async () => {
    const container = document.createElement('div');
    const summary = mountHiddenSummary(container);
    const props = { byYou: 2, muted: 1, peeking: false, onToggle: noop };
    summary.update(props);
    expect(container.textContent).toContain('show all');
    expect(await changesOf(container, () => summary.update({ ...props }))).toEqual([]);
  });
});
