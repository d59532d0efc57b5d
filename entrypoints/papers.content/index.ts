// Runs on Hugging Face papers pages. Wiring only: lib/page/run.tsx does the work.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
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
    const start = () => startTriage(document, window, ctx, browser.runtime, settings);
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    else start();
  },
});
