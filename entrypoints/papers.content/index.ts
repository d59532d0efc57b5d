// Runs on Hugging Face papers pages. Wiring only: lib/page/run.ts does the work.
import { startTriage } from '@/lib/page/run';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_end',
  main(ctx) {
    startTriage(document, window, ctx, browser.runtime);
  },
});
