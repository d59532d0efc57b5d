// The protocol between content script / popup and the background (the single writer).
// Every incoming message is untrusted: the background parses it with these schemas first.
// Content code imports only the *types* from here (type imports vanish from its bundle).
import { z } from 'zod';
import { isArxivId } from './hf/urls';
import { safeHttpsUrl } from './links/code-links';
import { SettingsPatch, type Settings } from './settings';
import type { Enrichment } from './enrich/hf-api';

// No eval-based fast paths: extension pages and service workers forbid eval under their CSP.
z.config({ jitless: true });

const arxivId = z.string().refine(isArxivId, 'not an arXiv id');

/** Only https links are ever stored or rendered: the same rule as the page's (lib/links). */
const httpsUrl = z
  .string()
  .max(2048)
  .refine((s) => s.startsWith('https://') && safeHttpsUrl(s) !== null, 'not a safe https URL')
  .transform((s) => safeHttpsUrl(s)!); // stored in canonical form, never as sent

/** What the page knows of a paper at the moment the user acts on it. */
export const PaperSnapshot = z.strictObject({
  id: arxivId,
  title: z.string().min(1).max(1000),
  authors: z.array(z.string().max(300)).max(100).default([]),
  abstract: z.string().max(20_000).optional(),
  publishedAt: z.string().max(64).optional(),
  codeUrl: httpsUrl.optional(),
  codeStars: z.number().int().nonnegative().optional(),
  projectUrl: httpsUrl.optional(),
  tags: z.array(z.string().min(1).max(80)).max(20).default([]),
});
export type PaperSnapshot = z.input<typeof PaperSnapshot>;

export const StatePatch = z
  .strictObject({ starred: z.boolean().optional(), hidden: z.boolean().optional() })
  .refine((p) => p.starred !== undefined || p.hidden !== undefined, 'empty patch');
export type StatePatch = z.infer<typeof StatePatch>;

export const Request = z.discriminatedUnion('type', [
  /** One batched question for every card on the page. */
  z.strictObject({ type: z.literal('getStates'), ids: z.array(arxivId).max(5000) }),
  /** Star/unstar, hide/show. `paper` fills in the stored record (required the first time). */
  z
    .strictObject({
      type: z.literal('setState'),
      id: arxivId,
      patch: StatePatch,
      paper: PaperSnapshot.optional(),
    })
    .refine((m) => !m.paper || m.paper.id === m.id, 'paper.id differs from id'),
  /** What Hugging Face's API knows of these papers' code (cached; fresh answers are pushed later). */
  z.strictObject({ type: z.literal('getLinks'), ids: z.array(arxivId).max(5000) }),
  /** From the options page. */
  z.strictObject({ type: z.literal('setSettings'), patch: SettingsPatch }),
  /** What the content script understood of a page (kept for the options page's health report). */
  z.strictObject({
    type: z.literal('reportHealth'),
    health: z.object({
      path: z.string().max(200).startsWith('/'),
      kind: z.enum(['listing', 'paper', 'other']),
      papersLinked: z.number().int().nonnegative().max(100_000),
      papersInJson: z.number().int().nonnegative().max(100_000),
      cardsAnnotated: z.number().int().nonnegative().max(100_000),
      recognised: z.boolean(),
    }).strict(),
  }),
]);
export type Request = z.input<typeof Request>;

export interface PaperState {
  starred: boolean;
  hidden: boolean;
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

export type Reply =
  | { ok: true; states?: States; links?: LinkInfos; /** ids whose API answer is on its way */ pending?: string[]; settings?: Settings }
  | { ok: false; error: string };

/** Pushed by the background to open Hugging Face tabs after every write or API answer. */
export type Push =
  | { type: 'statesChanged'; states: States }
  | { type: 'linksChanged'; links: LinkInfos };
