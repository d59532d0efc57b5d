// Runs on Hugging Face papers pages. Wiring only: lib/page/run.tsx does the work.
import { startTriage } from '@/lib/page/run';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  // Injected early and started at DOMContentLoaded: a document_end script waits behind the page's
  // own queued tasks (measured 380–510 ms on a 1000-card listing; `npm run bench`).
  runAt: 'document_start',
  main(ctx) {
    const start = () => startTriage(document, window, ctx, browser.runtime);
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    else start();
  },
});
