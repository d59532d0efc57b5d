// The content script's wiring, apart from WXT so tests can drive it: messages from the background,
// one scan per burst of page changes, and a clean stop when the extension is updated or removed.
import type { Push, Reply, Request } from '../messages';
import { createAnnotator, needsScan, type Annotator } from './annotator';

/** The parts of WXT's ContentScriptContext used here. */
export interface ContentContext {
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): unknown;
  setTimeout(handler: () => void, ms: number): unknown;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: () => void): void;
}

/** The parts of browser.runtime used here. */
export interface ContentRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(fn: (msg: unknown) => void): void; removeListener(fn: (msg: unknown) => void): void };
}

export function startTriage(doc: Document, win: Window, ctx: ContentContext, runtime: ContentRuntime): Annotator {
  const annotator = createAnnotator(doc, {
    // An orphaned script (extension updated) must not call into a dead runtime: reading isInvalid
    // notices it and runs the clean-up below.
    send: (request: Request) =>
      ctx.isInvalid ? Promise.reject(new Error('extension updated or removed')) : (runtime.sendMessage(request) as Promise<Reply>),
  });

  const onMessage = (msg: unknown) => {
    const m = msg as Partial<Push> | null;
    if (m?.type === 'statesChanged' && m.states && typeof m.states === 'object') annotator.applyStates(m.states);
    if (m?.type === 'linksChanged' && m.links && typeof m.links === 'object') annotator.applyLinks(m.links);
  };
  runtime.onMessage.addListener(onMessage);

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
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  // Fired before the page swaps its content: the scheduled scan runs after it.
  ctx.addEventListener(win, 'wxt:locationchange', scheduleScan);

  ctx.onInvalidated(() => {
    observer.disconnect();
    runtime.onMessage.removeListener(onMessage);
    annotator.destroy();
  });

  annotator.scan();
  return annotator;
}
