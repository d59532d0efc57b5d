// The content script's wiring, apart from WXT so tests can drive it: messages from the background,
// one scan per burst of page changes, and a clean stop when the extension is updated or removed.
import { mountLayoutNotice } from '@/components/LayoutNotice';
import { UI_CSS } from '@/components/styles';
import { watchListWhileLoading } from '../hf/cards';
import { pageHealth } from '../hf/health';
import { watchIslands } from '../hf/props';
import { pageKind } from '../hf/urls';
import type { Push, Reply, Request } from '../messages';
import { PAGE_SETTINGS_KEY, readPageSettings, type PageSettings } from '../page-settings';
import type { KeyAction, Settings } from '../settings';
import { createAnnotator, needsScan, type Annotator, type UserAction } from './annotator';
import { attachKeyboard } from './keyboard';
import { mountOverlay, removeOverlays, showKeyHelp, showToast, type OverlayHandle } from './overlay';
import { createPageQuestion } from './page-question';
import { createSeenTracker, type SeenTracker } from './seen';
import { yieldToPage } from './yield';

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

/** The extension's storage, as a content script may read it (browser.storage.local). */
export interface ContentStorage {
  get(key: string): Promise<Record<string, unknown>>;
}

/**
 * The settings a page needs (rules, topics off, keys): from the extension's storage, where the
 * background mirrors them (no service worker to wake), else asked of the background.
 */
export async function requestSettings(runtime: ContentRuntime, local?: ContentStorage): Promise<Reply> {
  const stored = local ? readPageSettings(await local.get(PAGE_SETTINGS_KEY).catch(() => ({}))) : undefined;
  if (stored) return { ok: true, settings: stored as Settings };
  return runtime.sendMessage({ type: 'getSettings' } satisfies Request) as Promise<Reply>;
}

/** When watching cards for sightings starts, after the content script starts. */
const SEEN_AFTER_MS = 1000;

/** How many of the user's last actions `u` can undo. */
const UNDO_DEPTH = 20;
/** The undo toast waits this long at most for the change to be saved. */
const TOAST_WAIT_MS = 150;

export interface TriageOptions {
  /** Which clicks and key presses count (tests pass `() => true`; by default the user's own). */
  acceptEvent?: (e: Event) => boolean;
}

export function startTriage(
  doc: Document,
  win: Window,
  ctx: ContentContext,
  runtime: ContentRuntime,
  settings?: Promise<Reply>,
  options: TriageOptions = {},
): Annotator {
  // An orphaned script (extension updated) must not call into a dead runtime: reading isInvalid
  // notices it and runs the clean-up below.
  const send = (request: Request) =>
    ctx.isInvalid ? Promise.reject(new Error('extension updated or removed')) : (runtime.sendMessage(request) as Promise<Reply>);

  // What the user did, newest last: the toast offers the newest, `u` takes them back one by one.
  const undoable: UserAction[] = [];
  let toast: OverlayHandle | undefined;
  const onUserAction = (action: UserAction) => {
    undoable.push(action);
    if (undoable.length > UNDO_DEPTH) undoable.shift();
    let shown: OverlayHandle | undefined;
    const show = () => {
      if (!shown && undoable.includes(action)) toast = shown = showToast(doc, { message: action.message, onAction: () => undo(action), acceptEvent: options.acceptEvent });
    };
    // Once the change is saved (the card shows it already), or after TOAST_WAIT_MS if that takes
    // longer; a change that failed was taken back on the card, and has nothing to undo.
    ctx.setTimeout(show, action.done ? TOAST_WAIT_MS : 0);
    action.done?.then((saved) => {
      if (saved) return show();
      const at = undoable.indexOf(action);
      if (at >= 0) undoable.splice(at, 1);
      shown?.close();
    });
  };
  const undo = (action = undoable.at(-1)) => {
    const at = action ? undoable.indexOf(action) : -1;
    if (!action || at < 0) return false; // already undone
    undoable.splice(at, 1);
    action.undo();
    toast?.close(); // what it offered is done (or stale)
    return true;
  };

  // Cards on screen for a moment count as seen (new-since-last-visit); reported in batches. Watching
  // starts a moment after the page loads: an observed target costs the page's frames some work, and
  // the first second is the page's own (a card counts only after a second on screen anyway).
  // Made when the cards are looked for (DOMContentLoaded): the moment counts from then.
  let seen: SeenTracker | undefined;
  const startSeen = () => (seen = createSeenTracker(win, (ids) => void send({ type: 'markSeen', ids }).catch(() => {}), { startAfterMs: SEEN_AFTER_MS }));
  const seenLater = { observe: (card: HTMLElement, id: string) => seen?.observe(card, id), unobserve: (card: HTMLElement) => seen?.unobserve(card) };

  // The page's JSON goes to the background island by island as the parser reaches it, while the
  // page still loads (lib/page/page-question.ts): the answer travels while the rest arrives.
  const loading = doc.readyState === 'loading';
  // What this page is as it starts (a client-side navigation is judged again: judgeHealth).
  const kindAtStart = pageKind(doc.location.href);
  // A background stopped while idle (MV3: after 30 s) takes 50-100 ms to start: started now, while
  // the page's head is parsed, rather than by the first question. Measured with the worker stopped
  // before each load of the 100-card bench listing (10 loads each way): the answer came 85 ms
  // sooner (medians), after DOMContentLoaded 1 time in 10 rather than 4.
  if (loading && kindAtStart !== 'other') send({ type: 'wake' }).catch(() => {});
  const pageQuestion = createPageQuestion(send);
  const islands = loading && kindAtStart !== 'other' ? watchIslands(doc, pageQuestion.ask) : undefined;

  const annotator = createAnnotator(doc, { send }, { acceptEvent: options.acceptEvent, onUserAction, seen: seenLater, pageQuestion });

  // Keyboard triage: off until the settings (keys) are known.
  let keys: Record<KeyAction, string> | null = null;
  const keyboard = attachKeyboard(
    doc,
    {
      cards: () => annotator.visibleCards(),
      act(action, card) {
        if (action === 'undo') return undo();
        if (action === 'tags') return annotator.focusFilter();
        if (action === 'help') return !!keys && !!showKeyHelp(doc, keys, { acceptEvent: options.acceptEvent });
        return !!card && annotator.actOn(card, action);
      },
    },
    { keys: { next: '', prev: '', star: '', hide: '', open: '', code: '', tags: '', undo: '', help: '' }, enabled: false, acceptEvent: options.acceptEvent },
  );
  const applySettings = (s: PageSettings) => {
    annotator.applySettings(s);
    keys = s.keys;
    keyboard.update({ keys: s.keys, enabled: s.keyboard });
  };

  const onMessage = (msg: unknown) => {
    const m = msg as Partial<Push> | null;
    if (m?.type === 'statesChanged' && m.states && typeof m.states === 'object') annotator.applyStates(m.states);
    if (m?.type === 'linksChanged' && m.links && typeof m.links === 'object') annotator.applyLinks(m.links);
    if (m?.type === 'settingsChanged' && m.settings && typeof m.settings === 'object') applySettings(m.settings);
    if (m?.type === 'refresh') annotator.refresh();
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
    islands?.stop();
    whileLoading?.stop();
    observer.disconnect();
    runtime.onMessage.removeListener(onMessage);
    annotator.destroy();
    keyboard.destroy();
    seen?.destroy();
    removeOverlays(doc);
    notice?.remove();
  });

  const apply = (r: Reply | undefined) => {
    if (r?.ok && r.settings && !ctx.isInvalid) applySettings(r.settings);
  };
  // Keys and dimming; the cards' tags and mutes are the background's (asked with their states).
  (settings ?? requestSettings(runtime)).then(apply, () => {});
  // Started while the page loads: the annotator builds cards' controls from the early answers, and
  // cards the parser has finished take theirs at the end of each of its chunks (scanLoading, in
  // the chunk's own task: before the page lays them out, so that it lays them out once, with
  // ours); all the others are looked for once the page is parsed.
  const whileLoading =
    loading && kindAtStart === 'listing'
      ? watchListWhileLoading(doc, () => {
          if (!ctx.isInvalid && doc.readyState === 'loading') annotator.scanLoading();
        })
      : undefined;
  const begin = () => {
    islands?.stop();
    whileLoading?.stop();
    if (ctx.isInvalid) return;
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
    startSeen();
    // After a load, in a task of its own, right after DOMContentLoaded's (a timer waited 0.4-0.7 s
    // behind the page's loading work on a big page): that task is long already on a big page
    // (Chromium's own end of parsing; its autofill scan, which walks every button in our shadow
    // roots), and what is left is small (cards the parser finished took their controls already) or
    // cannot be drawn yet (the early answer is not in).
    if (loading) yieldToPage(() => !ctx.isInvalid && annotator.scan());
    else annotator.scan();
    scheduleHealth();
  };
  if (loading) {
    doc.addEventListener('DOMContentLoaded', begin, { once: true });
  } else begin();
  return annotator;
}

/** "Papers layout not recognised — controls unavailable", bottom right, until dismissed. */
function showLayoutNotice(doc: Document, onDismiss: () => void): HTMLElement {
  const { host, container } = mountOverlay(doc, 'notice', UI_CSS);
  mountLayoutNotice(container, onDismiss);
  return host;
}
