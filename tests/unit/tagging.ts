// For backgrounds stood in by tests: the facets (tags, mutes) the real background would give a
// getStates that carries papers (lib/tags/facets.ts, with the default settings unless given).
import type { Reply, Request } from '@/lib/messages';
import type { Rule } from '@/lib/rules/schema';
import { createTagger } from '@/lib/tags/facets';

const tagger = createTagger();

export function facetsFor(
  req: Extract<Request, { type: 'getStates' }>,
  manualOf: (id: string) => readonly string[] = () => [],
  settings: { rules: Rule[]; disabledTopics: string[] } = { rules: [], disabledTopics: [] },
): Extract<Reply, { ok: true }>['facets'] {
  return req.papers ? tagger.describe(req.papers, manualOf, settings) : undefined;
}
