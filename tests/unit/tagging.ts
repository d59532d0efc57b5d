// For backgrounds stood in by tests: what the real background adds to its answer to a getStates
// that asks about cards (lib/tags/facets.ts describeCards): their papers and facets, with the
// default settings unless given.
import type { Reply, Request } from '@/lib/messages';
import type { Rule } from '@/lib/rules/schema';
import { createTagger, describeCards } from '@/lib/tags/facets';

const tagger = createTagger();

export function describeFor(
  req: Extract<Request, { type: 'getStates' }>,
  manualOf: (id: string) => readonly string[] = () => [],
  settings: { rules: Rule[]; disabledTopics: string[] } = { rules: [], disabledTopics: [] },
): Pick<Extract<Reply, { ok: true }>, 'facets' | 'papers'> {
  if (!req.papers && !req.props && !req.cards) return {};
  return describeCards(req, manualOf, settings, tagger);
}

/** The facets alone. */
export const facetsFor = (req: Extract<Request, { type: 'getStates' }>) => describeFor(req).facets;
