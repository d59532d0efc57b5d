// The content script's wiring, apart from WXT so tests can drive it: messages from the background,
// one scan per burst of page changes, and a clean stop when the extension is updated or removed.
import { render } from 'preact';
import { LayoutNotice } from '@/components/LayoutNotice';
import { UI_CSS } from '@/components/styles';
import { pageHealth } from '../hf/health';
import { pageKind } from '../hf/urls';
import type { Push, Reply, Request } from '../messages';
import { createAnnotator, needsScan, type Annotator } from './annotator';

/** How long after a page (or a client-side navigation) settles its health is judged. */
const HEALTH_DELAY_MS = 1500;

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

  // Once per page address: did we recognise it? Told to the background (the options page's
  // health report) and, when a page shows papers but no card was recognised, to the user, once.
  let judged = '';
  let notice: HTMLElement | null = null;
  const judgeHealth = () => {
    const url = doc.location.href;
    const kind = pageKind(url);
    if (url === judged || kind === 'other' || ctx.isInvalid) return;
    judged = url;
    const annotated = doc.querySelectorAll('[data-hfpt-controls]').length;
    const health = pageHealth(doc, kind, annotator.papersInJson(), annotated);
    runtime.sendMessage({ type: 'reportHealth', health } satisfies Request).catch(() => {});
    if (!health.recognised && !notice) notice = showLayoutNotice(doc, () => notice?.remove());
  };
  const scheduleHealth = () => ctx.setTimeout(judgeHealth, HEALTH_DELAY_MS);
  ctx.addEventListener(win, 'wxt:locationchange', scheduleHealth);

  ctx.onInvalidated(() => {
    observer.disconnect();
    runtime.onMessage.removeListener(onMessage);
    annotator.destroy();
    notice?.remove();
  });

  annotator.scan();
  scheduleHealth();
  return annotator;
}

/** "Papers layout not recognised — controls unavailable", bottom right, until dismissed. */
function showLayoutNotice(doc: Document, onDismiss: () => void): HTMLElement {
  const host = doc.createElement('div');
  host.setAttribute('data-hfpt-notice', '');
  host.setAttribute('data-hfpt-ui', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = UI_CSS;
  const container = doc.createElement('div');
  root.append(style, container);
  render(<LayoutNotice onDismiss={onDismiss} />, container);
  doc.body.append(host);
  return host;
}
