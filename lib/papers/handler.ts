// Entry point for every message the background receives: sender check, zod parse, dispatch.
// Kept free of browser APIs so tests can drive it directly.
import type { TriageDB } from '../db';
import type { CachedEnrichment, EnrichService } from '../enrich/service';
import type { PageHealth } from '../hf/health';
import { pageKind } from '../hf/urls';
import { Request, type LinkInfo, type LinkInfos, type Reply, type States } from '../messages';
import { createPropsParts, PROPS_PARTS_MISSING, type PropsParts } from './props-parts';
import { MAX_RULES } from '../rules/schema';
import type { Settings } from '../settings';
import { readSettings, writeSettings } from '../settings-store';
import { createTagger, idsAskedAbout, readPagePapers, textsOf, type PaperText, type RememberedTags, type Tagger } from '../tags/facets';
import type { TagMemory } from '../tags/memory';
import { importBackup } from './import';
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
  /** Called after settings change, to push them to open tabs. */
  onSettings?: (settings: Settings) => void;
  /** Called after any change to saved papers (the toolbar badge counts them). */
  onLibrary?: () => void;
  /** Ids for new rules (tests make them predictable). */
  newId?: () => string;
  /** Called after clearData: open pages forget what they were told. */
  onReset?: () => void;
  /** Tags cards (getStates with papers or props); one per background, so that its cache is shared. */
  tagger?: Tagger;
  /** Our tags kept beyond the worker's life (storage.session); none: each worker tags anew. */
  tagMemory?: TagMemory;
  /** Islands' props sent in parts, until their getStates joins them; one per background. */
  propsParts?: PropsParts;
}

/**
 * The settings as this background last read or wrote them: every write of them goes through this
 * handler (setSettings, muteTag, deleteRule, importBackup), and a page load asks for them with its
 * question about the cards, and again for its code links (reading them validates every rule).
 * For the background only: another page's copy would not see the handler's writes.
 */
const settingsCache = new WeakMap<TriageDB, Promise<Settings>>();
export function settingsOf(db: TriageDB): Promise<Settings> {
  let settings = settingsCache.get(db);
  if (!settings) {
    settings = readSettings(db);
    settingsCache.set(db, settings);
    settings.catch(() => settingsCache.delete(db));
  }
  return settings;
}
async function saveSettings(db: TriageDB, patch: Parameters<typeof writeSettings>[1]): Promise<Settings> {
  settingsCache.delete(db);
  const settings = await writeSettings(db, patch);
  settingsCache.set(db, Promise.resolve(settings));
  return settings;
}

/** The tagger of handlers given none (tests). */
let sharedTagger: Tagger | undefined;

/** Ids of the mute rules a page added ("Mute this tag"): the only rules a page may delete (undo). */
export const PAGE_RULE_PREFIX = 'page-';

/** Requests that change the user's library or settings wholesale: from our own pages only. */
const EXTENSION_PAGES_ONLY = new Set<Request['type']>(['setSettings', 'bulkSetState', 'importBackup', 'importIds', 'clearData']);

/** The parts of big props waiting to be joined: the worker's own store, made when first needed. */
const propsPartsOf = (deps: HandlerDeps): PropsParts => (deps.propsParts ??= createPropsParts());

/** The worker's tagger (handlers given none, as in tests, share one). */
const taggerOf = (deps: HandlerDeps): Tagger => (deps.tagger ??= sharedTagger ??= createTagger());

/** What earlier workers kept of these papers' tags; nothing if it cannot be read. */
const recall = (memory: TagMemory, ids: readonly string[]): Promise<Map<string, RememberedTags>> => memory.recall(ids).catch(() => new Map());

/**
 * The facets of papers asked about, with their states (being read: `statesRead`). Our tags are
 * made while IndexedDB reads the states (they need neither the states nor the manual tags: only
 * the rules do), unless this worker has them, or a previous one kept them (`recalled`: MV3 stops
 * the worker when idle).
 */
async function tagPapers(
  deps: HandlerDeps,
  texts: PaperText[],
  settingsRead: Promise<Settings>,
  statesRead: Promise<States>,
  recalled: Promise<Map<string, RememberedTags>> | undefined,
) {
  const tagger = taggerOf(deps);
  const settings = await settingsRead;
  const prepared = tagger.prepare(texts, settings, await recalled);
  const states = await statesRead;
  // Manual tags as stored (a paper asked about without its state has none).
  const facets = tagger.describe(texts, (id) => states[id]?.manualTags ?? [], settings, prepared);
  const fresh = tagger.takeFresh();
  // Kept once the answer has gone (storing copies them in the task that asks).
  if (deps.tagMemory && Object.keys(fresh).length > 0) setTimeout(() => void deps.tagMemory!.keep(fresh).catch(() => {}), 0);
  return { states, facets };
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
  // Settings and wholesale changes belong to the user's own extension pages, never to a web
  // page's content script.
  if (EXTENSION_PAGES_ONLY.has(msg.type) && sender !== 'extension-page') {
    return { ok: false, error: `${msg.type} is accepted from the extension's own pages only` };
  }
  // From a page: stars, hides and tags only. Notes and reading status are the library's (a page's
  // script cannot reach the library's UI; it could reach a content script's messages).
  if (sender === 'content' && (msg.type === 'setState' || msg.type === 'bulkSetState') && (msg.patch.notes !== undefined || msg.patch.status !== undefined)) {
    return { ok: false, error: 'notes and reading status are changed from the library only' };
  }
  const changed = (states: States) => {
    deps.onStates(states);
    deps.onLibrary?.();
    return { ok: true as const, states };
  };
  switch (msg.type) {
    case 'wake':
      return { ok: true }; // started: that was all
    case 'propsPart':
      return propsPartsOf(deps).add(msg.key, msg.index, msg.text) ? { ok: true } : { ok: false, error: 'part refused' };
    case 'getStates': {
      // Props sent in parts are joined first; a part missing (the worker restarted meanwhile, or the
      // parts outlived their time) is said, so that the page sends them whole.
      const joined = msg.propsParts?.map((p) => propsPartsOf(deps).take(p.key, p.count));
      if (joined?.some((j) => j === null)) return { ok: false, error: PROPS_PARTS_MISSING };
      const props = joined ? [...(msg.props ?? []), ...(joined as string[])] : msg.props;
      // IndexedDB answers on its own thread while this one works: the settings (read when the
      // worker starts, maybe not yet in) while the page's JSON is read, the states while the papers
      // are tagged.
      const settingsRead = settingsOf(deps.db);
      settingsRead.catch(() => {}); // awaited below; a failure is the reply's, not an unhandled rejection
      // The page's JSON, when sent, names papers too: their states and tags are part of the answer.
      // What earlier workers kept of the tags of the papers this worker lacks is asked for as soon
      // as the JSON names them, and read while their texts are validated (the longer part on a big page).
      const page = readPagePapers(props);
      const named = [...(msg.papers ?? []).map((p) => p.id), ...(page?.ids ?? [])];
      const lacking = deps.tagMemory ? taggerOf(deps).unknownIds(named) : [];
      const recalled = lacking.length > 0 ? recall(deps.tagMemory!, lacking) : undefined;
      const papers = page?.papers();
      const statesRead = deps.papers.getStates(idsAskedAbout(msg.ids, papers));
      statesRead.catch(() => {});
      if (!msg.papers && !papers) return { ok: true, states: await statesRead };
      const { states, facets } = await tagPapers(deps, textsOf(msg.papers, papers), settingsRead, statesRead, recalled);
      return { ok: true, states, facets, papers };
    }
    case 'setState':
      return changed({ [msg.id]: await deps.papers.setState(msg.id, msg.patch, msg.paper) });
    case 'bulkSetState':
      return changed(await deps.papers.bulkSetState(msg.ids, msg.patch));
    case 'importIds': {
      const before = await deps.papers.getStates(msg.ids);
      const states = await deps.papers.bulkSetState(msg.ids, { starred: true });
      const ids = Object.keys(states);
      const adds = ids.filter((id) => !before[id].at).length;
      const unchanged = ids.filter((id) => before[id].starred).length;
      changed(states);
      return { ok: true, imported: { adds, updates: ids.length - adds - unchanged, unchanged } };
    }
    case 'importBackup': {
      const result = await importBackup(deps.db, msg.text, msg.apply);
      if (msg.apply) settingsCache.delete(deps.db); // a backup may carry settings
      if (!result.ok || !msg.apply) return result;
      if (result.settings) deps.onSettings?.(result.settings);
      deps.onLibrary?.();
      deps.onReset?.();
      return result;
    }
    case 'clearData': {
      await deps.papers.clearData();
      deps.onLibrary?.();
      deps.onReset?.();
      return { ok: true };
    }
    case 'fillPapers': {
      const filled = await deps.papers.fillPapers(msg.papers);
      if (filled.length) deps.onLibrary?.();
      return { ok: true };
    }
    case 'markSeen':
      await deps.papers.markSeen(msg.ids);
      return { ok: true };
    case 'muteTag': {
      const { rules } = await settingsOf(deps.db);
      const existing = rules.find((r) => r.action === 'mute' && r.match.type === 'tag' && r.match.value.toLowerCase() === msg.tag.toLowerCase());
      // Already muted by an enabled rule (maybe the user's own, with its colour): nothing to add,
      // and no id to give back, so that an undo can never delete the user's rule.
      if (existing?.enabled) return { ok: true };
      if (rules.length >= MAX_RULES) return { ok: false, error: `at most ${MAX_RULES} rules: delete some in the options` };
      const rule = { id: `${PAGE_RULE_PREFIX}${deps.newId?.() ?? crypto.randomUUID()}`, action: 'mute' as const, match: { type: 'tag' as const, value: msg.tag }, enabled: true };
      const settings = await saveSettings(deps.db, { rules: [...rules, rule] });
      deps.onSettings?.(settings);
      return { ok: true, settings, ruleId: rule.id };
    }
    case 'deleteRule': {
      // A page can take back only the mutes it added (undo); the user's rules are the options page's.
      if (sender === 'content' && !msg.id.startsWith(PAGE_RULE_PREFIX)) return { ok: false, error: 'a page can delete only the rules it added' };
      const { rules } = await settingsOf(deps.db);
      if (!rules.some((r) => r.id === msg.id)) return { ok: true };
      const settings = await saveSettings(deps.db, { rules: rules.filter((r) => r.id !== msg.id) });
      deps.onSettings?.(settings);
      return { ok: true, settings };
    }
    case 'getSettings':
      return { ok: true, settings: await settingsOf(deps.db) };
    case 'getLinks': {
      const { known, fetching } = await deps.enrich.lookup(msg.ids);
      return { ok: true, links: toLinkInfos(known), pending: fetching };
    }
    case 'reportHealth':
      await recordHealth(deps.db, msg.health);
      return { ok: true };
    case 'setSettings': {
      const settings = await saveSettings(deps.db, msg.patch);
      deps.onSettings?.(settings);
      if (msg.patch.badge !== undefined) deps.onLibrary?.();
      return { ok: true, settings };
    }
  }
}
