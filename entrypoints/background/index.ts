// Wiring only: messages in, database writes through the services, changes pushed to open HF tabs.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDb } from '@/lib/db';
import { Fetcher } from '@/lib/enrich/fetcher';
import { createEnrichService, type CachedEnrichment } from '@/lib/enrich/service';
import type { Push, States } from '@/lib/messages';
import { countUnread } from '@/lib/papers/queries';
import { PAGE_SETTINGS_KEY, pageSettingsOf } from '@/lib/page-settings';
import type { Settings } from '@/lib/settings';
import { classifySender, handleRequest, settingsOf, toLinkInfos } from '@/lib/papers/handler';
import { createPaperService } from '@/lib/papers/service';
import { createTagger } from '@/lib/tags/facets';
import { createTagMemory } from '@/lib/tags/memory';

/** Above this many changed papers, tabs are told to ask again rather than sent every state. */
const MAX_PUSHED_STATES = 200;

export default defineBackground(() => {
  const db = openDb();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;

  async function pushToTabs(msg: Push) {
    // Host permission on huggingface.co is enough to find these tabs; no "tabs" permission needed.
    const tabs = await browser.tabs.query({ url: 'https://huggingface.co/papers*' });
    for (const tab of tabs) {
      if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, msg).catch(() => {});
    }
  }

  // API answers arrive one by one (three requests at a time); each push makes open pages redraw
  // and relayout, so answers are pushed together, a few times a second at most.
  const LINKS_PUSH_MS = 250;
  let linksBuffer: CachedEnrichment[] = [];
  function pushLinksSoon(entries: CachedEnrichment[]) {
    if (linksBuffer.length === 0) {
      setTimeout(() => {
        const batch = linksBuffer;
        linksBuffer = [];
        void pushToTabs({ type: 'linksChanged', links: toLinkInfos(batch) });
      }, LINKS_PUSH_MS);
    }
    linksBuffer.push(...entries);
  }

  const deps = {
    db,
    papers: createPaperService(db),
    enrich: createEnrichService({
      db,
      fetcher: new Fetcher({ fetch: (url, init) => fetch(url, { ...init, credentials: 'omit' }) }),
      enabled: async () => (await settingsOf(db)).enrichment,
      onUpdate: pushLinksSoon,
    }),
    // A bulk action can change thousands of papers: open tabs then ask about their own cards. Next
    // turn: the reply to the tab that asked goes out first.
    onStates: (states: States) =>
      void setTimeout(() => void pushToTabs(Object.keys(states).length > MAX_PUSHED_STATES ? { type: 'refresh' } : { type: 'statesChanged', states }), 0),
    onSettings: (settings: Settings) => {
      void mirrorPageSettings(settings);
      void pushToTabs({ type: 'settingsChanged', settings: pageSettingsOf(settings) });
    },
    onLibrary: () => void updateBadgeSoon(),
    onReset: () => void pushToTabs({ type: 'refresh' }),
    tagger: createTagger(),
    tagMemory: browser.storage.session ? createTagMemory(browser.storage.session, browser.runtime.getManifest().version) : undefined,
  };

  // Toolbar badge: starred papers not yet read. Counted after writes, a few times a second at most
  // (a bulk action or an import is many writes).
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  function updateBadgeSoon() {
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(() => void updateBadge().catch(() => {}), 100);
  }
  async function updateBadge() {
    const { badge } = await settingsOf(db);
    const unread = badge ? await countUnread(db) : 0;
    await action.setBadgeText({ text: unread > 0 ? String(unread > 999 ? '999+' : unread) : '' });
    await action.setBadgeBackgroundColor({ color: '#6b46c1' });
  }
  updateBadgeSoon();

  // What content scripts need of the settings, where they read it without waking this worker.
  const mirrorPageSettings = (settings: Settings) => browser.storage.local.set({ [PAGE_SETTINGS_KEY]: pageSettingsOf(settings) }).catch(() => {});
  void settingsOf(db).then(mirrorPageSettings);

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const kind = classifySender({ id: sender.id, url: sender.url, tabUrl: sender.tab?.url }, browser.runtime.id, ownOrigin);
    if (kind === 'untrusted') return undefined; // not ours to answer
    // sendResponse + `return true` rather than a returned Promise: Chrome accepts the latter only
    // from version 144, and both browsers accept the former.
    handleRequest(deps, raw, kind)
      .catch((err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) }))
      .then(sendResponse);
    return true;
  });
});
