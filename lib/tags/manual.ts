// The user's own tags among a card's chips: shown first, at once (the content script draws them
// before the background has tagged the paper again), and never twice.
import type { Tag } from './match';

/** Manual chips first, then the others less those the user already gave by hand. */
export function withManualTags(manual: readonly string[], tags: readonly Tag[]): Tag[] {
  const given = new Set(manual.map((t) => t.toLowerCase()));
  return [
    ...manual.map((label): Tag => ({ label, source: 'manual', why: 'added by you' })),
    ...tags.filter((t) => t.source !== 'manual' && !given.has(t.label.toLowerCase())),
  ];
}
