// Wiring only: messages in, database writes through the service, changes pushed to open HF tabs.
import { openDb } from '@/lib/db';
import { createPaperService } from '@/lib/papers/service';
import { handleRequest, isTrustedSender } from '@/lib/papers/handler';
import type { StatesChanged, States } from '@/lib/messages';

export default defineBackground(() => {
  const service = createPaperService(openDb());
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;

  async function pushToTabs(states: States) {
    const msg: StatesChanged = { type: 'statesChanged', states };
    // Host permission on huggingface.co is enough to find these tabs; no "tabs" permission needed.
    const tabs = await browser.tabs.query({ url: 'https://huggingface.co/papers*' });
    for (const tab of tabs) {
      if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, msg).catch(() => {});
    }
  }

  browser.runtime.onMessage.addListener((raw, sender) => {
    if (!isTrustedSender({ id: sender.id, url: sender.url, tabUrl: sender.tab?.url }, browser.runtime.id, ownOrigin)) {
      return undefined; // not ours to answer
    }
    return handleRequest(service, raw, (states) => void pushToTabs(states)).catch((err: unknown) => ({
      ok: false as const,
      error: err instanceof Error ? err.message : String(err),
    }));
  });
});
