// For backgrounds stood in by tests: what the real background adds to its answer to a getStates
// that carries papers or the page's JSON (as lib/papers/handler.ts does): the JSON's papers, and
// the facets of every paper asked about, with the default settings unless given.
import type { Reply, Request } from '@/lib/messages';
import type { Rule } from '@/lib/rules/schema';
import { createTagger, idsAskedAbout, readPagePapers, textsOf } from '@/lib/tags/facets';

const tagger = createTagger();

export function describeFor(
  req: Extract<Request, { type: 'getStates' }>,
  manualOf: (id: string) => readonly string[] = () => [],
  settings: { rules: Rule[]; disabledTopics: string[] } = { rules: [], disabledTopics: [] },
): Pick<Extract<Reply, { ok: true }>, 'facets' | 'papers'> {
  if (!req.papers && !req.props) return {};
  const papers = readPagePapers(req.props)?.papers();
  return { facets: tagger.describe(textsOf(req.papers, papers), manualOf, settings), papers };
}

/** The ids whose states a getStates asks for: those it names and the papers of its JSON. */
export const idsFor = (req: Extract<Request, { type: 'getStates' }>) => idsAskedAbout(req.ids, readPagePapers(req.props)?.papers());

/** The facets alone. */
export const facetsFor = (req: Extract<Request, { type: 'getStates' }>) => describeFor(req).facets;
