// Runs on Hugging Face papers pages. Wiring only: the annotator does the work.
import { addsForeignNodes, createAnnotator } from '@/lib/page/annotator';
import type { Push, Reply, Request } from '@/lib/messages';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_end',
  main(ctx) {
    const annotator = createAnnotator(document, {
      send: (request: Request) => browser.runtime.sendMessage(request) as Promise<Reply>,
    });

    const onMessage = (msg: unknown) => {
      const m = msg as Partial<Push> | null;
      if (m?.type === 'statesChanged' && m.states && typeof m.states === 'object') annotator.applyStates(m.states);
    };
    browser.runtime.onMessage.addListener(onMessage);

    // Cards added later (infinite lists, client-side navigation) are picked up here.
    const observer = new MutationObserver((records) => {
      if (addsForeignNodes(records)) annotator.scan();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => annotator.scan());

    // An updated or removed extension leaves this script orphaned: stop cleanly.
    ctx.onInvalidated(() => {
      observer.disconnect();
      browser.runtime.onMessage.removeListener(onMessage);
      annotator.destroy();
    });

    annotator.scan();
  },
});
