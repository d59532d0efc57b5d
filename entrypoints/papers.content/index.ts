// Runs on Hugging Face papers pages. Wiring only: lib/page/run.ts does the work.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { requestSettings, startTriage } from '@/lib/page/run';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  // Injected early: the page's JSON is asked about as the parser reaches it, and the cards'
  // controls are built from the answer while the rest of the page loads; they go in as the parser
  // finishes each card, the rest just after DOMContentLoaded. (A document_end script waits behind
  // the page's own queued tasks: measured 380–510 ms on a 1000-card listing; `npm run bench`.)
  runAt: 'document_start',
  main(ctx) {
    // The user's rules are asked for now, so that they are known when the cards are drawn.
    const settings = requestSettings(browser.runtime, browser.storage.local);
    settings.catch(() => {});
    startTriage(document, window, ctx, browser.runtime, settings);
  },
});
