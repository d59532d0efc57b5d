// A card's tags and what the user's rules say of its paper ("facets"), computed in the background
// (for the content script's questions about a page's cards, lib/papers/handler.ts):
// its JIT stays warm from one page to the next (a fresh content script runs the matcher cold, some
// 30 times slower), the page's main thread does none of it, and the taxonomy and the rules engine
// stay out of the content script. Pure: no browser API, no database.
import { readProps, type PagePaper } from '../hf/embedded';
import { applyRules, compileRules, type CompiledRules, type RuleHit } from '../rules/engine';
import type { PaperText } from '../messages';
import type { Rule } from '../rules/schema';
import { withManualTags } from './manual';
import { paperTags, type Tag } from './match';
import { paperText } from './text';

/** What a card sends of its paper to be tagged (lib/messages.ts holds its schema). */
export type { PaperText } from '../messages';

export interface PaperFacets {
  /** Chips, the user's first: manual tags, then their rules' tags, then ours (topics, HF keywords). */
  tags: Tag[];
  /** A mute rule matched (the card collapses unless starred, highlighted or revealed). */
  muted?: RuleHit;
  /** A highlight rule matched: why, and its colour. */
  highlight?: { reason: string; color?: string };
  /** The manual tags and HF keywords these facets were computed with: others need asking again. */
  manualTags: readonly string[];
  aiKeywords: readonly string[];
}

/** Chips a card shows at most: the user's own tags first, then ours. */
const MAX_CHIPS = 7;

/** The user's side of tagging, compiled once per settings change. */
interface Tagging {
  rules: CompiledRules;
  disabledTopics: ReadonlySet<string>;
}

/** What of the settings tagging depends on. */
type TaggingSettings = { rules: readonly Rule[]; disabledTopics: readonly string[] };

function compileTagging(settings: TaggingSettings): Tagging {
  return { rules: compileRules(settings.rules), disabledTopics: new Set(settings.disabledTopics) };
}

/**
 * A paper's facets, from our tags for it (`base`: baseTags). Rules see every tag the paper carries
 * (ours, HF's, the user's manual ones).
 */
function paperFacets(paper: PaperText, manual: readonly string[], tagging: Tagging, base: readonly Tag[]): PaperFacets {
  const outcome = applyRules(tagging.rules, { title: paper.title, abstract: paper.abstract, authors: paper.authors, tags: [...manual, ...base.map((t) => t.label)] });
  const fromRules = outcome.tags.map((t): Tag => ({ label: t.label, source: 'user', why: t.why, color: t.color }));
  const seen = new Set<string>();
  const merged = withManualTags(manual, [...fromRules, ...base]).filter((t) => {
    const key = t.label.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    tags: merged.slice(0, Math.max(MAX_CHIPS, manual.length)),
    muted: outcome.muted,
    highlight: outcome.highlighted ? { reason: outcome.highlighted.reason, color: outcome.highlighted.color } : undefined,
    manualTags: manual,
    aiKeywords: paper.aiKeywords,
  };
}

/** Our tags for a paper: built-in topics (less those the user turned off) and HF's keywords. */
function baseTags(paper: PaperText, tagging: Pick<Tagging, 'disabledTopics'>): Tag[] {
  return paperTags({ title: paper.title, abstract: paper.abstract, aiKeywords: paper.aiKeywords }, { disabledTopics: tagging.disabledTopics });
}

/** Papers whose tags are remembered (a few days of listings). */
const CACHE_SIZE = 2000;

/**
 * Our tags for a paper, as kept beyond this worker's life (lib/tags/memory.ts): a worker stopped
 * while idle starts with an empty cache, and tagging a page cold was most of its first answer
 * (30-50 ms for 100 papers, 110-160 ms for 1000).
 */
export interface RememberedTags {
  /** What was tagged (textKey), whole: a text that differs in any way is tagged anew. */
  text: string;
  /** The topics turned off then. */
  topics: string;
  tags: Tag[];
}

/** Our tags for papers, as `prepare` made them (by the very text asked about). */
type Prepared = ReadonlyMap<PaperText, Tag[]>;

/** The settings' side of tagging, with what it was compiled from. */
interface Compiled {
  rulesKey: string;
  topicsKey: string;
  tagging: Tagging;
}

/**
 * What a paper's tags depend on: its text and HF's keywords (a page's text is what is tagged).
 * Compared whole, also with what was kept: a text sent by a page (as every text is) cannot pass
 * for another one of the same paper, as it could with a hash or a part of it.
 */
const textKey = (p: PaperText) => `${p.title}\u0000${p.abstract ?? ''}\u0000${p.aiKeywords.join('\u0000')}`;

/**
 * Facets for many papers, with the user's rules compiled once per settings change and our tags
 * remembered per paper: a page reloaded, a second tab, or a change to the rules alone tags nothing
 * again. Tags kept beyond the worker (`remembered`) are taken when the text and topics match.
 */
export function createTagger() {
  const cache = new Map<string, { key: string; tags: Tag[] }>();
  let compiled: Compiled | null = null;
  /** Tags made since `takeFresh` last took them. */
  let fresh: Record<string, RememberedTags> = {};
  const compile = (settings: TaggingSettings): Compiled => {
    const rulesKey = JSON.stringify(settings.rules);
    const topicsKey = JSON.stringify(settings.disabledTopics);
    if (compiled?.rulesKey !== rulesKey || compiled.topicsKey !== topicsKey) {
      if (compiled?.topicsKey !== topicsKey) cache.clear(); // other topics on: other tags
      compiled = { rulesKey, topicsKey, tagging: compileTagging(settings) };
    }
    return compiled;
  };
  /** Our tags for `p`, remembered. */
  const tagsOf = (p: PaperText, { tagging, topicsKey }: Compiled, remembered?: ReadonlyMap<string, RememberedTags>): Tag[] => {
    const key = textKey(p);
    let hit = cache.get(p.id);
    if (!hit || hit.key !== key) {
      let tags: Tag[];
      const kept = remembered?.get(p.id);
      if (kept && kept.text === key && kept.topics === topicsKey) tags = kept.tags;
      else {
        tags = baseTags(p, tagging);
        if (remembered) fresh[p.id] = { text: key, topics: topicsKey, tags };
      }
      hit = { key, tags };
      cache.delete(p.id); // re-inserted last: the oldest go first
      cache.set(p.id, hit);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return hit.tags;
  };
  return {
    /** Of these ids, those this worker has no tags for (what to look for in what was kept, before the texts are read). */
    unknownIds(ids: readonly string[]): string[] {
      return ids.filter((id) => !cache.has(id));
    },
    /**
     * Our tags for these papers, made now, for `describe`: they need neither the papers' states nor
     * their manual tags, so they are made while the database is asked for those. `remembered`: tags
     * kept beyond the worker's life; those made instead are told by `takeFresh`.
     */
    prepare(papers: readonly PaperText[], settings: TaggingSettings, remembered?: ReadonlyMap<string, RememberedTags>): Prepared {
      const c = compile(settings);
      return new Map(papers.map((p) => [p, tagsOf(p, c, remembered)]));
    },
    /** `prepared`: what `prepare` gave for some of these papers (more than the cache holds, too). */
    describe(papers: readonly PaperText[], manualOf: (id: string) => readonly string[], settings: TaggingSettings, prepared?: Prepared): Record<string, PaperFacets> {
      const c = compile(settings);
      const out: Record<string, PaperFacets> = {};
      for (const p of papers) out[p.id] = paperFacets(p, manualOf(p.id), c.tagging, prepared?.get(p) ?? tagsOf(p, c));
      return out;
    },
    /** The tags `prepare` made (not found in `remembered`) since last asked: to keep. */
    takeFresh(): Record<string, RememberedTags> {
      const taken = fresh;
      fresh = {};
      return taken;
    },
  };
}
export type Tagger = ReturnType<typeof createTagger>;

/**
 * The page's embedded JSON (the islands' `data-props`) read in two steps (readProps): the ids of
 * the papers it names, then those papers, validated, by id.
 */
export function readPagePapers(props: readonly string[] | undefined): { ids: string[]; papers(): Record<string, PagePaper> } | undefined {
  if (!props) return undefined;
  const read = readProps(props);
  return { ids: read.ids, papers: () => Object.fromEntries(read.papers()) };
}

/** What to tag for a getStates: the papers whose texts it carries, and those of the page's JSON. */
export function textsOf(papers: readonly PaperText[] = [], pagePapers: Record<string, PagePaper> = {}): PaperText[] {
  return [...papers, ...Object.values(pagePapers).map((p) => paperText(p, p.aiKeywords))];
}

/** The papers a getStates is about: those it names, and those of the page's JSON it carries. */
export function idsAskedAbout(ids: readonly string[], pagePapers: Record<string, PagePaper> | undefined): string[] {
  return pagePapers ? [...new Set([...ids, ...Object.keys(pagePapers)])] : [...ids];
}
