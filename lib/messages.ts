// The protocol between content script / popup and the background (the single writer).
// Every incoming message is untrusted: the background parses it with these schemas first.
// Content code imports only the *types* from here (type imports vanish from its bundle).
import { z } from './zod';
import { arxivId, httpsUrl } from './shared-schemas';
import { READING_STATUSES } from './db/types';
import { SettingsPatch, type Settings } from './settings';
import type { Enrichment } from './enrich/hf-api';
import type { PageSettings } from './page-settings';
import type { PaperFacets } from './tags/facets';
import { TEXT_LIMITS } from './tags/text';
import { MAX_PROPS_PARTS, PROPS_PART_CHARS } from './papers/props-parts';
import type { PagePaper } from './hf/embedded';

/** What the page knows of a paper at the moment the user acts on it. */
export const PaperSnapshot = z.strictObject({
  id: arxivId,
  title: z.string().check(z.minLength(1), z.maxLength(1000)),
  authors: z._default(z.array(z.string().check(z.maxLength(300))).check(z.maxLength(100)), []),
  abstract: z.optional(z.string().check(z.maxLength(20_000))),
  publishedAt: z.optional(z.string().check(z.maxLength(64))),
  codeUrl: z.optional(httpsUrl),
  codeStars: z.optional(z.number().check(z.int(), z.nonnegative())),
  projectUrl: z.optional(httpsUrl),
  upvotes: z.optional(z.number().check(z.int(), z.nonnegative(), z.maximum(1e9))),
  tags: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(80))).check(z.maxLength(20)), []),
});
export type PaperSnapshot = z.input<typeof PaperSnapshot>;

const tagName = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

/** A card's paper, to be tagged (lib/tags/facets.ts). */
const PaperText = z.strictObject({
  id: arxivId,
  title: z.string().check(z.maxLength(TEXT_LIMITS.title)),
  abstract: z.optional(z.string().check(z.maxLength(TEXT_LIMITS.abstract))),
  authors: z.array(z.string().check(z.maxLength(TEXT_LIMITS.author))).check(z.maxLength(TEXT_LIMITS.authors)),
  /** Hugging Face's keywords (the page's, else its API's). */
  aiKeywords: z.array(z.string().check(z.maxLength(TEXT_LIMITS.keyword))).check(z.maxLength(TEXT_LIMITS.keywords)),
});
export type PaperText = z.infer<typeof PaperText>;

export const StatePatch = z
  .strictObject({
    starred: z.optional(z.boolean()),
    hidden: z.optional(z.boolean()),
    status: z.optional(z.enum(READING_STATUSES)),
    /** Markdown, saved as the user types. */
    notes: z.optional(z.string().check(z.maxLength(100_000))),
    /** Manual tags to add / remove (case-insensitive; the first spelling added is kept). */
    addTags: z.optional(z.array(tagName).check(z.maxLength(20))),
    removeTags: z.optional(z.array(tagName).check(z.maxLength(20))),
  })
  .check(z.refine((p) => Object.values(p).some((v) => v !== undefined), 'empty patch'));
export type StatePatch = z.infer<typeof StatePatch>;

/** Names one island's props sent in parts (random, from the content script). */
const partsKey = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

export const Request = z.discriminatedUnion('type', [
  /**
   * One batched question for every card on the page: their states and, for the papers whose text
   * is given (`papers`), their tags and what the user's rules say of them (the reply's `facets`).
   * `props`: the page's embedded JSON as the page has it (the data-props of its islands), read
   * here (lib/hf/embedded.ts): the reply's `papers` are what it describes, with their states and
   * facets too.
   */
  z.strictObject({
    type: z.literal('getStates'),
    ids: z.array(arxivId).check(z.maxLength(5000)),
    papers: z.optional(z.array(PaperText).check(z.maxLength(5000))),
    props: z.optional(z.array(z.string().check(z.maxLength(64 * 1024 * 1024))).check(z.maxLength(100))),
    /** Islands' props sent in parts (propsPart) before this question: each by its key and count. */
    propsParts: z.optional(
      z
        .array(z.strictObject({ key: partsKey, count: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_PROPS_PARTS)) }))
        .check(z.maxLength(100)),
    ),
  }),
  /**
   * A piece of one island's props: a big page's JSON goes in parts, each sent in a task of its own
   * (lib/papers/props-parts.ts); the getStates after them names them in `propsParts`.
   */
  z.strictObject({
    type: z.literal('propsPart'),
    key: partsKey,
    index: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_PROPS_PARTS - 1)),
    text: z.string().check(z.maxLength(PROPS_PART_CHARS)),
  }),
  /** Star/unstar, hide/show. `paper` fills in the stored record (required the first time). */
  z
    .strictObject({
      type: z.literal('setState'),
      id: arxivId,
      patch: StatePatch,
      paper: z.optional(PaperSnapshot),
    })
    .check(z.refine((m) => !m.paper || m.paper.id === m.id, 'paper.id differs from id')),
  /** What Hugging Face's API knows of these papers' code (cached; fresh answers are pushed later). */
  z.strictObject({ type: z.literal('getLinks'), ids: z.array(arxivId).check(z.maxLength(5000)) }),
  /** The same patch for many papers at once (library page bulk actions; extension pages only). */
  z.strictObject({ type: z.literal('bulkSetState'), ids: z.array(arxivId).check(z.minLength(1), z.maxLength(100_000)), patch: StatePatch }),
  /** From the options page. */
  z.strictObject({ type: z.literal('setSettings'), patch: SettingsPatch }),
  /** "Mute this tag" from a card: adds a mute rule by tag (reply: settings, with the rule's id in ruleId). */
  z.strictObject({ type: z.literal('muteTag'), tag: tagName }),
  /** Deletes one rule (undo of a mute from the page, the options page's delete). */
  z.strictObject({ type: z.literal('deleteRule'), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
  /**
   * What the page knows of saved papers the library knows only by id (imported from a list): fills
   * in their title, authors, abstract, links and tags; changes no state, and no paper known better.
   */
  z.strictObject({ type: z.literal('fillPapers'), papers: z.array(PaperSnapshot).check(z.minLength(1), z.maxLength(500)) }),
  /** What the content script needs of the settings (rules, topics, keys). */
  z.strictObject({ type: z.literal('getSettings') }),
  /**
   * From a content script as it starts on a papers page it will ask about: a worker stopped while
   * idle starts while the page's head is parsed, not when the first question comes. Answered `ok`.
   */
  z.strictObject({ type: z.literal('wake') }),
  /** Cards that were on screen (new-since-last-visit); first sighting is kept. */
  z.strictObject({ type: z.literal('markSeen'), ids: z.array(arxivId).check(z.maxLength(5000)) }),
  /** A JSON backup (library page): `apply: false` previews, `true` applies in one transaction. */
  z.strictObject({ type: z.literal('importBackup'), text: z.string().check(z.maxLength(200_000_000)), apply: z.boolean() }),
  /** Papers to save from a list of ids / URLs / a BibTeX file (already parsed to ids). */
  z.strictObject({ type: z.literal('importIds'), ids: z.array(arxivId).check(z.minLength(1), z.maxLength(100_000)) }),
  /** Deletes every paper, sighting and cached link (settings stay). Extension pages only. */
  z.strictObject({ type: z.literal('clearData') }),
  /** What the content script understood of a page (kept for the options page's health report). */
  z.strictObject({
    type: z.literal('reportHealth'),
    health: z.strictObject({
      path: z.string().check(z.maxLength(200), z.startsWith('/')),
      kind: z.enum(['listing', 'paper', 'other']),
      papersLinked: z.number().check(z.int(), z.nonnegative(), z.maximum(100_000)),
      papersInJson: z.number().check(z.int(), z.nonnegative(), z.maximum(100_000)),
      cardsAnnotated: z.number().check(z.int(), z.nonnegative(), z.maximum(100_000)),
      recognised: z.boolean(),
    }),
  }),
]);
export type Request = z.input<typeof Request>;

export interface PaperState {
  starred: boolean;
  hidden: boolean;
  /** Tags the user added by hand. */
  manualTags?: string[];
  /** When a card of the paper was first on screen (epoch ms); absent = never. */
  firstSeen?: number;
  /** Stored by id alone (an import from a list): the page is asked for what it knows. */
  bare?: true;
  /**
   * The paper's write counter (its row's updatedAt, strictly increasing per paper). Replies and
   * pushes can cross on the way to a tab; the tab keeps the newest.
   */
  at?: number;
}
export type States = Record<string, PaperState>;

/** What the API said about a paper's links, as the page needs it. */
export type LinkInfo = Omit<Enrichment, 'id' | 'fetchedAt'>;
export type LinkInfos = Record<string, LinkInfo>;

/** What an import did (or, previewed, would do). */
export interface ImportSummary {
  adds: number;
  updates: number;
  unchanged: number;
}

export type Reply =
  | {
      ok: true;
      states?: States;
      /** For getStates with papers or props: by paper id. */
      facets?: Record<string, PaperFacets>;
      /** For getStates with `props`: the papers the page's JSON describes, by id. */
      papers?: Record<string, PagePaper>;
      links?: LinkInfos;
      /** ids whose API answer is on its way */
      pending?: string[];
      settings?: Settings;
      imported?: ImportSummary;
      /** The rule a muteTag added. */
      ruleId?: string;
    }
  | { ok: false; error: string };

/** Pushed by the background to open Hugging Face tabs after every write or API answer. */
export type Push =
  | { type: 'statesChanged'; states: States }
  | { type: 'linksChanged'; links: LinkInfos }
  | { type: 'settingsChanged'; settings: Settings | PageSettings }
  /** The library was cleared or imported: ask again about every card. */
  | { type: 'refresh' };
