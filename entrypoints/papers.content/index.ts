// Runs on Hugging Face papers pages. Wiring only: the annotator does the work.
import { createAnnotator, needsScan } from '@/lib/page/annotator';
import type { Push, Reply, Request } from '@/lib/messages';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_end',
  main(ctx) {
    const annotator = createAnnotator(document, {
      send: (request: Request) =>
        ctx.isInvalid
          ? Promise.reject(new Error('extension updated or removed'))
          : (browser.runtime.sendMessage(request) as Promise<Reply>),
    });

    const onMessage = (msg: unknown) => {
      const m = msg as Partial<Push> | null;
      if (m?.type === 'statesChanged' && m.states && typeof m.states === 'object') annotator.applyStates(m.states);
      if (m?.type === 'linksChanged' && m.links && typeof m.links === 'object') annotator.applyLinks(m.links);
    };
    browser.runtime.onMessage.addListener(onMessage);

    // One scan per burst of changes (an infinite list appends cards one by one).
    let scheduled = false;
    const scheduleScan = () => {
      if (scheduled || ctx.isInvalid) return;
      scheduled = true;
      ctx.setTimeout(() => {
        scheduled = false;
        annotator.scan();
      }, 0);
    };

    // Cards added later, cards the page reuses for other papers, client-side navigation.
    const observer = new MutationObserver((records) => {
      if (needsScan(records)) scheduleScan();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
    // Fired before the page swaps its content: the scheduled scan runs after it.
    ctx.addEventListener(window, 'wxt:locationchange', scheduleScan);

    // An updated or removed extension leaves this script orphaned: stop cleanly.
    ctx.onInvalidated(() => {
      observer.disconnect();
      browser.runtime.onMessage.removeListener(onMessage);
      annotator.destroy();
    });

    annotator.scan();
  },
});
