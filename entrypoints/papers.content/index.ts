// Runs on Hugging Face papers pages. Wiring only: lib/page/run.tsx does the work.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchIslands } from '@/lib/hf/props';
import { pageKind } from '@/lib/hf/urls';
import type { Reply } from '@/lib/messages';
import { createPageQuestion } from '@/lib/page/page-question';
import { requestSettings, startTriage } from '@/lib/page/run';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  // Injected early and started at DOMContentLoaded: a document_end script waits behind the page's
  // own queued tasks (measured 380–510 ms on a 1000-card listing; `npm run bench`).
  runAt: 'document_start',
  main(ctx) {
    // The user's rules are asked for now, so that they are known when the cards are drawn.
    const settings = requestSettings(browser.runtime, browser.storage.local);
    settings.catch(() => {});
    // The page's JSON goes to the background island by island as the parser reaches it: the answer
    // (papers, states, tags) travels while the rest of the page loads.
    const pageQuestion = createPageQuestion((r) => (ctx.isInvalid ? Promise.reject(new Error('extension updated or removed')) : (browser.runtime.sendMessage(r) as Promise<Reply>)));
    const islands = document.readyState === 'loading' && pageKind(location.href) !== 'other' ? watchIslands(document, pageQuestion.ask) : undefined;
    const start = () => {
      islands?.stop();
      startTriage(document, window, ctx, browser.runtime, settings, { pageQuestion });
    };
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    else start();
  },
});
