// The content script's first question to the background: what the page's embedded JSON says (its
// papers), with their states and tags. Asked island by island, each as soon as the parser has it
// (lib/hf/props.ts watchIslands), so that the answer travels while the rest of the page loads;
// the annotator takes the answers when it starts (DOMContentLoaded), asking about islands not
// asked yet. An early answer is taken once: asking again later (a client-side navigation back to
// the same props) asks the background anew, for fresh states.
import { mergeSightings, type PagePaper } from '../hf/page-paper';
import type { Reply, Request, States } from '../messages';
import type { PaperFacets } from '../tags/facets';

export interface PageAnswer {
  papers: Map<string, PagePaper>;
  states: States;
  facets: Record<string, PaperFacets>;
}

export interface PageQuestion {
  /** Asks about one island's props now (the answer waits for `answer`). */
  ask(props: string): void;
  /**
   * The answers about these islands, merged (islands not asked about yet are asked now): at once
   * when every one is in (the cards are drawn in the same turn), else when they are. Undefined when
   * none came (the background is gone).
   */
  answer(props: readonly string[]): PageAnswer | undefined | Promise<PageAnswer | undefined>;
}

interface Asked {
  reply: Promise<Reply | undefined>;
  /** Set once the reply is in. */
  settled?: { reply: Reply | undefined };
}

/**
 * Islands asked about per page at most (a real page has about five): a page adding thousands would
 * otherwise send as many messages. The others are left out (as one message of the page's whole
 * JSON, refused beyond 100 islands, used to leave them all).
 */
export const MAX_ISLANDS = 100;

export function createPageQuestion(send: (request: Request) => Promise<Reply>): PageQuestion {
  /** Asked, not yet taken by `answer`. */
  let early = new Map<string, Asked>();
  const askNow = (props: string): Asked => {
    const asked: Asked = {
      reply: send({ type: 'getStates', ids: [], props: [props] }).then(
        (reply) => ((asked.settled = { reply }), reply),
        () => ((asked.settled = { reply: undefined }), undefined),
      ),
    };
    return asked;
  };
  return {
    ask(props) {
      if (!early.has(props) && early.size < MAX_ISLANDS) early.set(props, askNow(props));
    },
    answer(props) {
      const asked = props.slice(0, MAX_ISLANDS).map((p) => early.get(p) ?? askNow(p));
      early = new Map();
      if (asked.every((a) => a.settled)) return mergeAnswers(asked.map((a) => a.settled!.reply));
      return Promise.all(asked.map((a) => a.reply)).then(mergeAnswers);
    },
  };
}

/**
 * One answer from the islands' replies. A paper two islands describe is merged (the first wins,
 * the second fills in) and left without facets: each island's were made from its part of the
 * paper, so the annotator asks for the merged paper's (a rare case: one island per page so far).
 */
function mergeAnswers(replies: (Reply | undefined)[]): PageAnswer | undefined {
  let answered = false;
  const out: PageAnswer = { papers: new Map(), states: {}, facets: {} };
  const merged = new Set<string>();
  for (const r of replies) {
    if (!r?.ok) continue;
    answered = true;
    for (const [id, paper] of Object.entries(r.papers ?? {})) {
      const known = out.papers.get(id);
      if (known) merged.add(id);
      out.papers.set(id, known ? mergeSightings(known, paper) : paper);
    }
    Object.assign(out.states, r.states);
    Object.assign(out.facets, r.facets);
  }
  for (const id of merged) delete out.facets[id];
  return answered ? out : undefined;
}
