// Entry point for every message the background receives: sender check, zod parse, dispatch.
// Kept free of browser APIs so tests can drive it directly.
import type { TriageDB } from '../db';
import type { CachedEnrichment, EnrichService } from '../enrich/service';
import type { PageHealth } from '../hf/health';
import { pageKind } from '../hf/urls';
import { Request, type LinkInfo, type LinkInfos, type Reply, type States } from '../messages';
import { writeSettings } from '../settings-store';
import type { PaperService } from './service';

export interface SenderInfo {
  /** The sending extension's id (runtime.MessageSender.id). */
  id?: string;
  /** The sending frame's URL. */
  url?: string;
  /** Set when a content script sent it. */
  tabUrl?: string;
}

export type SenderKind = 'extension-page' | 'content' | 'untrusted';

/** Our own pages (popup, options) or our content script on a Hugging Face papers page; nothing else. */
export function classifySender(sender: SenderInfo, ownId: string, ownOrigin: string): SenderKind {
  if (sender.id !== ownId) return 'untrusted';
  const from = sender.url ?? sender.tabUrl ?? '';
  if (from.startsWith(ownOrigin + '/')) return 'extension-page';
  return pageKind(from) !== 'other' ? 'content' : 'untrusted';
}

export function toLinkInfos(entries: CachedEnrichment[]): LinkInfos {
  const out: LinkInfos = {};
  for (const { id, fetchedAt: _f, expiresAt: _e, ...info } of entries) out[id] = info satisfies LinkInfo;
  return out;
}

/** How many page reports the options page shows. */
export const HEALTH_KEPT = 20;

async function recordHealth(db: TriageDB, health: PageHealth) {
  await db.transaction('rw', db.health, async () => {
    await db.health.add({ ...health, at: Date.now() });
    const count = await db.health.count();
    if (count > HEALTH_KEPT) await db.health.orderBy('seq').limit(count - HEALTH_KEPT).delete();
  });
}

export interface HandlerDeps {
  papers: PaperService;
  enrich: Pick<EnrichService, 'lookup'>;
  db: TriageDB;
  /** Called after every state write, to push the change to open tabs. */
  onStates: (states: States) => void;
}

export async function handleRequest(deps: HandlerDeps, raw: unknown, sender: SenderKind): Promise<Reply> {
  if (sender === 'untrusted') return { ok: false, error: 'unknown sender' };
  const parsed = Request.safeParse(raw);
  if (!parsed.success) {
    // Short, and never an echo of the input: a page could otherwise make us send megabytes back.
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid message: ${(issue?.message ?? 'unknown').slice(0, 120)} at ${(issue?.path ?? []).slice(0, 4).map((p) => String(p).slice(0, 20)).join('.')}` };
  }
  const msg = parsed.data;
  switch (msg.type) {
    case 'getStates':
      return { ok: true, states: await deps.papers.getStates(msg.ids) };
    case 'setState': {
      const state = await deps.papers.setState(msg.id, msg.patch, msg.paper);
      const states = { [msg.id]: state };
      deps.onStates(states);
      return { ok: true, states };
    }
    case 'getLinks': {
      const { known, fetching } = await deps.enrich.lookup(msg.ids);
      return { ok: true, links: toLinkInfos(known), pending: fetching };
    }
    case 'reportHealth':
      await recordHealth(deps.db, msg.health);
      return { ok: true };
    case 'setSettings':
      // Settings belong to the user's own extension pages, never to a web page's content script.
      if (sender !== 'extension-page') return { ok: false, error: 'settings are changed from the options page only' };
      return { ok: true, settings: await writeSettings(deps.db, msg.patch) };
  }
}
