// Puts our controls on every paper card of the page, once, and keeps them in step with the
// background's state. Works on a Document and a transport, so tests can drive it on fixtures.
//
// Kept off the page's main thread as much as it can be (measured by `npm run bench`): one batched
// question per scan, sent before the cards are built so the answer travels meanwhile; the page's
// JSON is read, and cards are built detached, in slices that yield to the page; the cards go into
// the page together, so the page lays out once; a change redraws only the cards it touches. A small
// page is done within scan().
import { render } from 'preact';
import { CardControls, HiddenRow, HiddenSummary, type CardView } from '@/components/CardControls';
import { PAGE_CSS, UI_CSS } from '@/components/styles';
import { findListingCards, findPaperPageCard, paperForCard, type CardRef } from '../hf/cards';
import { readEmbeddedPapers, type PagePaper } from '../hf/embedded';
import { pageKind, paperIdFromHref } from '../hf/urls';
import { normaliseRepoUrl } from '../links/code-links';
import type { LinkInfos, PaperState, Reply, Request, States } from '../messages';
import { cardTags, cardView, keywordsFor, snapshot, type ApiLinks } from './card-view';
import { StateStore } from './store';

export interface Transport {
  send(request: Request): Promise<Reply>;
}

export interface AnnotatorOptions {
  /**
   * Which clicks count. By default only the user's own (`isTrusted`): the shadow roots are open,
   * so the page's scripts could otherwise star or hide papers by calling `.click()`.
   */
  acceptEvent?: (e: Event) => boolean;
}

/** Our elements in the page: marked by attribute so CSS and clean-up can find them. */
const HOST_ATTRS = ['data-hfpt-controls', 'data-hfpt-collapsed', 'data-hfpt-summary'] as const;
const PAGE_STYLE_ID = 'hfpt-page-style';
/** Work per turn of the page's event loop: under the 50 ms that makes a long task. */
const SLICE_MS = 25;
/** Up to this many new cards are built within scan() itself, whatever the time. */
const SYNC_CARDS = 20;
/** Reading the page's JSON cannot be cut in slices: it gets a slice of its own (its first ms). */
const FRESH_SLICE_MS = 1;

interface Host {
  host: HTMLElement;
  container: HTMLElement;
}

interface Mounted {
  id: string;
  ref: CardRef;
  /** From the page's JSON (else its DOM), read when the card's turn to be built comes. */
  paper?: PagePaper;
  /** Listing cards collapse to a slim row when hidden; the paper page's title block does not. */
  collapsible: boolean;
  controls?: Host;
  collapsed?: Host;
  /** In the page (or cleaned up: never to be attached). */
  attached: boolean;
  view?: CardView;
  /** What the card was last drawn with: a notification that changes neither needs no redraw. */
  state?: PaperState;
  api?: ApiLinks;
  keywords?: readonly string[];
  onStar: (e: Event) => void;
  onHide: (e: Event) => void;
  cleanup: () => void;
}

export interface Annotator {
  /** Finds and annotates cards not yet annotated. Safe to call any number of times. */
  scan(): void;
  /** Applies what the background pushes. */
  applyStates(states: States): void;
  applyLinks(links: LinkInfos): void;
  /** Papers the page's embedded JSON describes (as last parsed; no new parse). */
  papersInJson(): number;
  /** Removes everything this instance added to the page. */
  destroy(): void;
}

export function createAnnotator(doc: Document, transport: Transport, options: AnnotatorOptions = {}): Annotator {
  const acceptEvent = options.acceptEvent ?? ((e: Event) => e.isTrusted);
  const store = new StateStore();
  const mounted = new Map<HTMLElement, Mounted>();
  /** Cards waiting to be built, built cards waiting to go in, built cards to redraw. */
  const toBuild: Mounted[] = [];
  const toAttach: Mounted[] = [];
  const dirty = new Set<Mounted>();
  let embeddedCache: { props: (string | null)[]; papers: Map<string, PagePaper> } | null = null;
  let summary: Host | null = null;
  let peeking = false;
  let destroyed = false;
  let slicePending = false;
  let sheet = sharedSheet(doc);

  // A previous instance (extension reloaded or updated) may have left its UI: start clean.
  removeAll(doc);

  function embeddedPapers(): Map<string, PagePaper> {
    // Re-read the JSON only when the islands' props changed (client-side navigation). Compared
    // one attribute at a time: an unchanged attribute is the same string, found equal at once.
    const props = [...doc.querySelectorAll('[data-target][data-props]')].map((el) => el.getAttribute('data-props'));
    const cached = embeddedCache;
    if (!cached || cached.props.length !== props.length || props.some((p, i) => p !== cached.props[i])) {
      embeddedCache = { props, papers: readEmbeddedPapers(doc) };
    }
    return embeddedCache!.papers;
  }

  function makeHost(attr: (typeof HOST_ATTRS)[number]): Host {
    const host = doc.createElement('div');
    host.setAttribute(attr, '');
    host.setAttribute('data-hfpt-ui', ''); // where PAGE_CSS sets our colours
    const root = host.attachShadow({ mode: 'open' });
    if (sheet) {
      try {
        root.adoptedStyleSheets = [sheet]; // one parsed stylesheet for all cards, not one per card
      } catch {
        sheet = null; // Firefox's content scripts cannot adopt sheets (bug 1770592)
      }
    }
    if (!sheet) {
      const style = doc.createElement('style');
      style.textContent = UI_CSS;
      root.append(style);
    }
    const container = doc.createElement('div');
    root.append(container);
    return { host, container };
  }

  async function toggle(m: Mounted, key: 'starred' | 'hidden') {
    const before = store.get(m.id);
    const value = !before[key];
    store.set({ [m.id]: { ...before, [key]: value } }); // optimistic: the click shows at once
    const paper = m.paper!; // a card has its paper before it has buttons to click
    const view = m.view ?? cardView(paper, store.getLinks(m.id));
    let reply: Reply | null = null;
    try {
      reply = await transport.send({ type: 'setState', id: m.id, patch: { [key]: value }, paper: snapshot(paper, view) });
    } catch {
      reply = null;
    }
    if (reply?.ok && reply.states) {
      store.set(reply.states);
      return;
    }
    // Failed: undo the optimistic change, unless a newer state (another tab, the first answer
    // about this card) has come in meanwhile: that one stands.
    const current = store.get(m.id);
    if (current[key] === value && current.at === before.at) store.set({ [m.id]: before });
  }

  function isAnnotated(card: HTMLElement, id: string): boolean {
    const m = mounted.get(card);
    // A card the page reuses for another paper (same element, new links) is annotated anew.
    if (!m || m.id !== id) return false;
    if (!m.controls || !m.attached) return true; // on its way
    return [m.controls, m.collapsed].every((h) => !h || (h.host.isConnected && card.contains(h.host)));
  }

  /** Moves focus to a button in one of our hosts, after it has rendered. */
  function focusIn(host: HTMLElement | undefined, selector: string) {
    setTimeout(() => host?.shadowRoot?.querySelector<HTMLElement>(selector)?.focus(), 0);
  }

  /** Registers a card; reading its paper and building it are left to the slices (runSlices). */
  function enqueue(ref: CardRef, collapsible: boolean) {
    mounted.get(ref.card)?.cleanup();
    const m: Mounted = {
      id: ref.id,
      ref,
      collapsible,
      attached: false,
      onStar: (e) => {
        if (acceptEvent(e)) void toggle(m, 'starred');
      },
      onHide: (e) => {
        if (!acceptEvent(e)) return;
        const hiding = !store.get(m.id).hidden;
        void toggle(m, 'hidden');
        // Keep the keyboard user's place: focus follows the card into and out of its slim row.
        if (collapsible) focusIn(hiding ? m.collapsed?.host : m.controls?.host, hiding ? 'button' : 'button.hide');
      },
      cleanup() {
        unsubscribe();
        dirty.delete(m);
        for (const h of [m.controls, m.collapsed]) {
          if (!h) continue;
          render(null, h.container);
          h.host.remove();
        }
        if (m.attached) ref.card.removeAttribute('data-hfpt-hidden');
        m.attached = true; // never attached from now on
        if (mounted.get(ref.card) === m) mounted.delete(ref.card);
      },
    };
    const unsubscribe = store.subscribe(ref.id, () => {
      if (!m.controls) return; // not built yet: it is drawn from the store when it is
      applyHidden(m);
      const state = store.get(m.id);
      const same = state.starred === m.state?.starred && state.hidden === m.state.hidden && store.getLinks(m.id) === m.api;
      if (same) return; // e.g. the first answer for a paper never saved: what the card shows already
      dirty.add(m);
      schedule();
    });
    mounted.set(ref.card, m);
    toBuild.push(m);
  }

  function applyHidden(m: Mounted) {
    if (m.attached && m.collapsed) m.ref.card.toggleAttribute('data-hfpt-hidden', store.get(m.id).hidden);
  }

  /**
   * Gives every waiting card its paper (one read of the page's JSON for all of them), and asks the
   * background, in one message, about the code of those whose paper names none.
   */
  function readPapers() {
    const papers = embeddedPapers();
    const read = toBuild.filter((m) => !m.paper && !m.attached);
    for (const m of read) m.paper = paperForCard(m.ref, papers);
    // A githubRepo that is not a usable repository (a page, a look-alike host) counts as none.
    const withoutCode = [...new Set(read.filter((m) => !normaliseRepoUrl(m.paper!.githubRepo ?? '')).map((m) => m.id))];
    if (withoutCode.length > 0) ask({ type: 'getLinks', ids: withoutCode }, (r) => store.setLinks(r.links ?? {}, r.pending));
  }

  /** Renders a card's controls from what the store knows now. Tags cost the most: they are
   *  recomputed only when their input (HF's keywords) changed. */
  function draw(m: Mounted) {
    const paper = m.paper!;
    if (!m.controls) {
      m.controls = makeHost('data-hfpt-controls');
      if (m.collapsible) {
        m.collapsed = makeHost('data-hfpt-collapsed');
        render(<HiddenRow title={paper.title ?? paper.id} onShow={m.onHide} />, m.collapsed.container);
      }
    }
    const api = store.getLinks(m.id);
    if (!m.view || api !== m.api) {
      const keywords = keywordsFor(paper, api.info);
      const tags = m.view && sameList(keywords, m.keywords) ? m.view.tags : cardTags(paper, keywords);
      m.view = cardView(paper, api, tags);
      m.api = api;
      m.keywords = keywords;
    }
    m.state = store.get(m.id);
    render(<CardControls view={m.view} state={m.state} onStar={m.onStar} onHide={m.onHide} />, m.controls.container);
  }

  function attach(m: Mounted) {
    if (m.attached || !m.controls) return;
    m.attached = true;
    if (m.ref.position === 'append') m.ref.anchor.append(m.controls.host);
    else m.ref.anchor.after(m.controls.host);
    if (m.collapsed) m.ref.card.prepend(m.collapsed.host);
    applyHidden(m);
  }

  function schedule() {
    if (slicePending || destroyed) return;
    slicePending = true;
    queueMicrotask(() => runSlices(now(), 0)); // a click's redraw shows in the same turn
  }

  /**
   * Redraws first (a click must show at once), then new cards, until the slice's time is up;
   * then yields to the page and carries on. New cards go into the page together once all are built.
   */
  function runSlices(started: number, minCards: number) {
    slicePending = false;
    if (destroyed) return;
    let built = 0;
    while (dirty.size > 0 || toBuild.length > 0) {
      const spent = now() - started;
      const mustRead = dirty.size === 0 && !toBuild[0].paper && !toBuild[0].attached;
      if (built >= minCards && (spent > SLICE_MS || (mustRead && spent > FRESH_SLICE_MS))) {
        slicePending = true;
        yieldToPage(() => runSlices(now(), 0));
        return;
      }
      const redraw = dirty.values().next();
      if (!redraw.done) {
        dirty.delete(redraw.value);
        draw(redraw.value);
        continue;
      }
      if (mustRead) readPapers();
      const m = toBuild.shift()!;
      if (m.attached) continue; // cleaned up while it waited
      draw(m);
      toAttach.push(m);
      built++;
    }
    if (toAttach.length > 0) {
      // A card the page dropped meanwhile is let go, so that it is annotated anew if it returns.
      for (const m of toAttach.splice(0)) m.ref.card.isConnected ? attach(m) : m.cleanup();
      renderSummary();
    }
  }

  /** The list's container: the nearest element holding the first and the last card. */
  function listContainer(cards: HTMLElement[]): HTMLElement | null {
    if (cards.length === 0) return null;
    let lca: HTMLElement | null = cards[0].parentElement;
    const last = cards[cards.length - 1];
    while (lca && !lca.contains(last)) lca = lca.parentElement;
    return lca && lca !== doc.body ? lca : null;
  }

  function renderSummary() {
    const cards = [...mounted.values()].filter((m) => m.collapsible && m.attached);
    const list = listContainer(cards.map((m) => m.ref.card));
    if (!list) {
      summary?.host.remove();
      return;
    }
    if (!summary) summary = makeHost('data-hfpt-summary');
    if (summary.host.nextElementSibling !== list) list.before(summary.host);
    const hidden = cards.filter((m) => store.get(m.id).hidden).length;
    if (hidden === 0 && peeking) setPeeking(false);
    render(<HiddenSummary count={hidden} peeking={peeking} onToggle={() => setPeeking(!peeking)} />, summary.container);
  }

  function setPeeking(value: boolean) {
    peeking = value;
    doc.documentElement.toggleAttribute('data-hfpt-peek', value);
    renderSummary();
  }

  const unsubscribeAll = store.subscribeAll(renderSummary);

  function ask(request: Request, apply: (reply: Extract<Reply, { ok: true }>) => void) {
    transport
      .send(request)
      .then((reply) => !destroyed && reply?.ok && apply(reply))
      .catch(() => {}); // the background is gone (extension updated): cards keep what they show
  }

  function scan() {
    if (destroyed) return;
    const started = now();
    const url = doc.location?.href ?? '';
    const kind = pageKind(url);
    for (const m of [...mounted.values()]) if (!m.ref.card.isConnected) m.cleanup();
    if (kind === 'other') {
      renderSummary(); // navigated away from a listing: no stale "N hidden" line
      return;
    }
    ensurePageStyle(doc);

    let refs: CardRef[];
    if (kind === 'listing') {
      refs = findListingCards(doc, (el, id) => isAnnotated(el, id));
    } else {
      const id = paperIdFromHref(url);
      const ref = id ? findPaperPageCard(doc, id) : null;
      refs = ref && !isAnnotated(ref.card, ref.id) ? [ref] : [];
    }
    if (refs.length > 0) {
      // One batched question for all new cards' states (and, once their papers are read, one for
      // the code the page does not name): asked before the cards are built, so that they are
      // usually drawn once, with the answers.
      ask({ type: 'getStates', ids: [...new Set(refs.map((r) => r.id))] }, (r) => r.states && store.set(r.states));
      for (const ref of refs) enqueue(ref, kind === 'listing');
    }
    if (!slicePending) runSlices(started, toBuild.length <= SYNC_CARDS ? toBuild.length : 0);
    renderSummary();
  }

  return {
    scan,
    applyStates: (states) => store.set(states),
    applyLinks: (links) => store.setLinks(links),
    papersInJson: () => embeddedCache?.papers.size ?? 0,
    destroy() {
      destroyed = true;
      unsubscribeAll();
      for (const m of [...mounted.values()]) m.cleanup();
      toBuild.length = 0;
      toAttach.length = 0;
      if (summary) {
        render(null, summary.container);
        summary.host.remove();
      }
      if (peeking) doc.documentElement.removeAttribute('data-hfpt-peek');
    },
  };
}

const now = () => performance.now();

const sameList = (a: readonly string[], b: readonly string[] | undefined) =>
  !!b && a.length === b.length && a.every((x, i) => x === b[i]);

/** Lets the page run (input, rendering) first; scheduler.yield() then resumes ahead of other tasks. */
function yieldToPage(next: () => void) {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  // A yield that rejects or throws (an aborted task, an odd binding in the extension's world) must
  // not stop the building for good: fall back to a timer.
  try {
    if (scheduler?.yield) return void scheduler.yield().then(next, () => setTimeout(next, 0));
  } catch {
    /* fall through */
  }
  setTimeout(next, 0);
}

/** The UI stylesheet, parsed once, for every shadow root that can adopt it. */
function sharedSheet(doc: Document): CSSStyleSheet | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win?.CSSStyleSheet || !win.ShadowRoot || !('adoptedStyleSheets' in win.ShadowRoot.prototype)) return null;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(UI_CSS);
    return sheet;
  } catch {
    return null;
  }
}

function ensurePageStyle(doc: Document) {
  if (doc.getElementById(PAGE_STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = PAGE_STYLE_ID;
  style.textContent = PAGE_CSS;
  (doc.head ?? doc.documentElement).append(style);
}

/** Everything any instance of the extension added: a new instance starts from a clean page. */
function removeAll(doc: Document) {
  for (const attr of HOST_ATTRS) doc.querySelectorAll(`[${attr}]`).forEach((el) => el.remove());
  doc.querySelectorAll('[data-hfpt-hidden]').forEach((el) => el.removeAttribute('data-hfpt-hidden'));
  doc.documentElement.removeAttribute('data-hfpt-peek');
}

/**
 * True when a mutation is worth a scan: it added something other than our own hosts, removed an
 * element (cards the page took away, or our controls), or changed a link.
 */
export function needsScan(records: MutationRecord[]): boolean {
  for (const r of records) {
    if (r.type === 'attributes') {
      if (!(r.target as Element).closest?.(HOST_ATTRS.map((a) => `[${a}]`).join(','))) return true;
      continue;
    }
    for (const n of r.removedNodes) if (n.nodeType === 1) return true;
    for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (el.id === PAGE_STYLE_ID) continue; // our own stylesheet: nothing to annotate
      if (!HOST_ATTRS.some((a) => el.hasAttribute(a))) return true;
    }
  }
  return false;
}
