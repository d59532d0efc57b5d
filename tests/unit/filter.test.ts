// The tag filter bar's logic: counts per tag, include (any of) and exclude (none of).
import { describe, expect, it } from 'vitest';
import { countTags, isFiltering, NO_FILTER, passes, toggleTag } from '@/lib/page/filter';

const cards = [['Diffusion', 'Video'], ['LLM', 'Reasoning'], ['diffusion', 'Image Gen'], ['LLM', 'Agents', 'LLM'], []];

describe('tag filter', () => {
  it('counts papers per tag, case-insensitively, most common first, a tag once per paper', () => {
    expect(countTags(cards)).toEqual([
      { label: 'Diffusion', count: 2 },
      { label: 'LLM', count: 2 },
      { label: 'Video', count: 1 },
      { label: 'Reasoning', count: 1 },
      { label: 'Image Gen', count: 1 },
      { label: 'Agents', count: 1 },
    ]);
  });

  it('a click keeps only papers with that tag; a second click clears it', () => {
    const only = toggleTag(NO_FILTER, 'Diffusion', false);
    expect(cards.map((c) => passes(only, c))).toEqual([true, false, true, false, false]);
    const two = toggleTag(only, 'Agents', false); // any of the chosen tags
    expect(cards.map((c) => passes(two, c))).toEqual([true, false, true, true, false]);
    const cleared = toggleTag(toggleTag(two, 'diffusion', false), 'agents', false);
    expect(isFiltering(cleared)).toBe(false);
    expect(cards.every((c) => passes(cleared, c))).toBe(true);
  });

  it('shift-click excludes a tag, and switching a tag between include and exclude moves it', () => {
    const not = toggleTag(NO_FILTER, 'LLM', true);
    expect(cards.map((c) => passes(not, c))).toEqual([true, false, true, false, true]);
    const flipped = toggleTag(not, 'LLM', false);
    expect([...flipped.include, ...flipped.exclude]).toEqual(['llm']);
    expect(cards.map((c) => passes(flipped, c))).toEqual([false, true, false, true, false]);
    // Exclusion wins over inclusion for a paper carrying both.
    const both = toggleTag(toggleTag(NO_FILTER, 'Diffusion', false), 'Video', true);
    expect(cards.map((c) => passes(both, c))).toEqual([false, false, true, false, false]);
  });
});
