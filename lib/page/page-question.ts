// The content script's first question to the background: what the page's embedded JSON says (its
// papers), with their states and tags. Asked island by island, each as soon as the parser has it
// (lib/hf/props.ts watchIslands), so that the answer travels while the rest of the page loads;
// the annotator takes the answers when it starts (DOMContentLoaded), asking about islands not
// asked yet. An early answer is taken once: asking again later (a client-side navigation back to
// the same props) asks the background anew, for fresh states.
import type { PagePaper } from '../hf/page-paper';
import type { Reply, Request, States } from '../messages';
import { PROPS_PART_CHARS, PROPS_PARTS_MISSING } from '../papers/props-parts';
import type { PaperFacets } from '../tags/facets';
import { yieldToPage } from './yield';

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
  /** Told each reply to an early question (`ask`) as it comes, before `answer` takes it. */
  onEarlyReply(listener: (reply: Reply) => void): void;
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
  const listeners: ((reply: Reply) => void)[] = [];
  const askNow = (props: string): Asked => {
    const asked: Asked = {
      reply: askAbout(send, props).then(
        (reply) => ((asked.settled = { reply }), reply),
        () => ((asked.settled = { reply: undefined }), undefined),
      ),
    };
    return asked;
  };
  return {
    ask(props) {
      if (early.has(props) || early.size >= MAX_ISLANDS) return;
      const asked = askNow(props);
      early.set(props, asked);
      void asked.reply.then((reply) => reply && listeners.forEach((tell) => tell(reply)));
    },
    answer(props) {
      const asked = props.slice(0, MAX_ISLANDS).map((p) => early.get(p) ?? askNow(p));
      early = new Map();
      if (asked.every((a) => a.settled)) return mergeAnswers(asked.map((a) => a.settled!.reply));
      return Promise.all(asked.map((a) => a.reply)).then(mergeAnswers);
    },
    onEarlyReply(listener) {
      listeners.push(listener);
    },
  };
}

/**
 * Asks about one island's props. Big ones go in parts, each message in a task of its own: sending
 * the 6 MB of a 1000-card page in one message cost the page a 64-177 ms task (the message is
 * serialised where it is sent). Should the background not have them all (it restarted meanwhile),
 * they go again whole.
 */
async function askAbout(send: (request: Request) => Promise<Reply>, props: string): Promise<Reply> {
  if (props.length <= PROPS_PART_CHARS) return send({ type: 'getStates', ids: [], props: [props] });
  const key = crypto.randomUUID();
  const count = Math.ceil(props.length / PROPS_PART_CHARS);
  const sent: Promise<Reply>[] = [];
  const nextTurn = () => new Promise<void>((resume) => yieldToPage(resume));
  for (let index = 0; index < count; index++) {
    await nextTurn();
    const text = props.slice(index * PROPS_PART_CHARS, (index + 1) * PROPS_PART_CHARS);
    sent.push(send({ type: 'propsPart', key, index, text }));
  }
  await nextTurn();
  // Messages from one script are handled in the order sent: the parts are in before the question.
  const reply = await send({ type: 'getStates', ids: [], propsParts: [{ key, count }] });
  if (reply?.ok || reply?.error !== PROPS_PARTS_MISSING) return reply;
  await Promise.allSettled(sent);
  return send({ type: 'getStates', ids: [], props: [props] });
}

/**
 * One answer from the islands' replies. A paper two islands describe (none seen so far: one
 * island per page holds papers) is taken from the first, with its facets: each reply's papers and
 * facets go together.
 */
function mergeAnswers(replies: (Reply | undefined)[]): PageAnswer | undefined {
  let answered = false;
  const out: PageAnswer = { papers: new Map(), states: {}, facets: {} };
  for (const r of replies) {
    if (!r?.ok) continue;
    answered = true;
    for (const [id, paper] of Object.entries(r.papers ?? {})) if (!out.papers.has(id)) out.papers.set(id, paper);
    for (const [id, facets] of Object.entries(r.facets ?? {})) out.facets[id] ??= facets;
    Object.assign(out.states, r.states);
  }
  return answered ? out : undefined;
}
