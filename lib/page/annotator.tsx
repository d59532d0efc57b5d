// Puts our controls on every paper card of the page, once, and keeps them in step with the
// background's state. Works on a Document and a transport, so tests can drive it on fixtures.
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CardControls, HiddenRow, HiddenSummary } from '@/components/CardControls';
import { PAGE_CSS, UI_CSS } from '@/components/styles';
import { findListingCards, findPaperPageCard, paperForCard, type CardRef } from '../hf/cards';
import { readEmbeddedPapers, type PagePaper } from '../hf/embedded';
import { pageKind, paperIdFromHref } from '../hf/urls';
import type { LinkInfos, Reply, Request, States } from '../messages';
import { cardView, snapshot } from './card-view';
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

interface Mounted {
  id: string;
  card: HTMLElement;
  hosts: HTMLElement[];
  cleanup: () => void;
}

function useStore<T>(store: StateStore, id: string, read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const sync = () => setValue(read);
    sync(); // the value may have changed between render and this effect
    return store.subscribe(id, sync);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, id]);
  return value;
}

export interface Annotator {
  /** Finds and annotates cards not yet annotated. Safe to call any number of times. */
  scan(): void;
  /** Applies what the background pushes. */
  applyStates(states: States): void;
  applyLinks(links: LinkInfos): void;
  /** Removes everything this instance added to the page. */
  destroy(): void;
}

export function createAnnotator(doc: Document, transport: Transport, options: AnnotatorOptions = {}): Annotator {
  const acceptEvent = options.acceptEvent ?? ((e: Event) => e.isTrusted);
  const store = new StateStore();
  const mounted = new Map<HTMLElement, Mounted>();
  let embeddedCache: { key: string; papers: Map<string, PagePaper> } | null = null;
  let summary: { host: HTMLElement; container: HTMLElement } | null = null;
  let peeking = false;

  // A previous instance (extension reloaded or updated) may have left its UI: start clean.
  removeAll(doc);

  function embeddedPapers(): Map<string, PagePaper> {
    // Re-read the JSON only when the islands' props changed (client-side navigation).
    const key = [...doc.querySelectorAll('[data-target][data-props]')].map((el) => el.getAttribute('data-props')).join('\u0000');
    if (embeddedCache?.key !== key) embeddedCache = { key, papers: readEmbeddedPapers(doc) };
    return embeddedCache.papers;
  }

  function makeHost(attr: (typeof HOST_ATTRS)[number]) {
    const host = doc.createElement('div');
    host.setAttribute(attr, '');
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = UI_CSS;
    const container = doc.createElement('div');
    root.append(style, container);
    return { host, container };
  }

  async function toggle(id: string, key: 'starred' | 'hidden', paper: PagePaper) {
    const before = store.get(id);
    const value = !before[key];
    store.set({ [id]: { ...before, [key]: value } }); // optimistic: the click shows at once
    const view = cardView(paper, store.getLinks(id));
    let reply: Reply | null = null;
    try {
      reply = await transport.send({ type: 'setState', id, patch: { [key]: value }, paper: snapshot(paper, view) });
    } catch {
      reply = null;
    }
    store.set(reply?.ok && reply.states ? reply.states : { [id]: before });
  }

  function isAnnotated(card: HTMLElement, id: string): boolean {
    const m = mounted.get(card);
    // A card the page reuses for another paper (same element, new links) is annotated anew.
    return !!m && m.id === id && m.hosts.every((h) => h.isConnected && card.contains(h));
  }

  /** Moves focus to a button in one of our hosts, after it has rendered. */
  function focusIn(host: HTMLElement | undefined, selector: string) {
    setTimeout(() => host?.shadowRoot?.querySelector<HTMLElement>(selector)?.focus(), 0);
  }

  function mount(ref: CardRef, paper: PagePaper, collapsible: boolean) {
    mounted.get(ref.card)?.cleanup();
    const controls = makeHost('data-hfpt-controls');
    const collapsed = collapsible ? makeHost('data-hfpt-collapsed') : undefined;
    if (ref.position === 'append') ref.anchor.append(controls.host);
    else ref.anchor.after(controls.host);
    const hosts = [controls.host];

    const onStar = (e: Event) => {
      if (acceptEvent(e)) void toggle(ref.id, 'starred', paper);
    };
    const onHide = (e: Event) => {
      if (!acceptEvent(e)) return;
      const hiding = !store.get(ref.id).hidden;
      void toggle(ref.id, 'hidden', paper);
      // Keep the keyboard user's place: focus follows the card into and out of its slim row.
      if (collapsible) focusIn(hiding ? collapsed!.host : controls.host, hiding ? 'button' : 'button.hide');
    };

    function Controls() {
      const state = useStore(store, ref.id, () => store.get(ref.id));
      const api = useStore(store, ref.id, () => store.getLinks(ref.id));
      const view = useMemo(() => cardView(paper, api), [api]);
      return <CardControls view={view} state={state} onStar={onStar} onHide={onHide} />;
    }
    render(<Controls />, controls.container);

    let unsubscribe = () => {};
    if (collapsed) {
      ref.card.prepend(collapsed.host);
      hosts.push(collapsed.host);
      render(<HiddenRow title={paper.title ?? paper.id} onShow={onHide} />, collapsed.container);
      const applyHidden = () => ref.card.toggleAttribute('data-hfpt-hidden', store.get(ref.id).hidden);
      applyHidden();
      unsubscribe = store.subscribe(ref.id, applyHidden);
    }

    mounted.set(ref.card, {
      id: ref.id,
      card: ref.card,
      hosts,
      cleanup() {
        unsubscribe();
        for (const h of hosts) {
          const container = h.shadowRoot?.lastElementChild;
          if (container) render(null, container);
          h.remove();
        }
        ref.card.removeAttribute('data-hfpt-hidden');
        mounted.delete(ref.card);
      },
    });
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
    const cards = [...mounted.values()].filter((m) => m.hosts.length > 1);
    const list = listContainer(cards.map((m) => m.card));
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
      .then((reply) => reply?.ok && apply(reply))
      .catch(() => {}); // the background is gone (extension updated): cards keep what they show
  }

  function scan() {
    const url = doc.location?.href ?? '';
    const kind = pageKind(url);
    for (const m of [...mounted.values()]) if (!m.card.isConnected) m.cleanup();
    if (kind === 'other') return;
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
      const papers = embeddedPapers();
      const shown = refs.map((ref) => ({ ref, paper: paperForCard(ref, papers) }));
      for (const { ref, paper } of shown) mount(ref, paper, kind === 'listing');
      // One batched question for all new cards' states, one for the code the page does not name.
      ask({ type: 'getStates', ids: [...new Set(refs.map((r) => r.id))] }, (r) => r.states && store.set(r.states));
      const withoutCode = [...new Set(shown.filter((s) => !s.paper.githubRepo).map((s) => s.ref.id))];
      if (withoutCode.length > 0) {
        ask({ type: 'getLinks', ids: withoutCode }, (r) => store.setLinks(r.links ?? {}, r.pending));
      }
    }
    renderSummary();
  }

  return {
    scan,
    applyStates: (states) => store.set(states),
    applyLinks: (links) => store.setLinks(links),
    destroy() {
      unsubscribeAll();
      for (const m of [...mounted.values()]) m.cleanup();
      if (summary) {
        render(null, summary.container);
        summary.host.remove();
      }
      if (peeking) doc.documentElement.removeAttribute('data-hfpt-peek');
    },
  };
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

/** True when a mutation added something other than our own hosts, or changed a link (worth a scan). */
export function needsScan(records: MutationRecord[]): boolean {
  for (const r of records) {
    if (r.type === 'attributes') {
      if (!(r.target as Element).closest?.(HOST_ATTRS.map((a) => `[${a}]`).join(','))) return true;
      continue;
    }
    for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (!HOST_ATTRS.some((a) => el.hasAttribute(a))) return true;
    }
  }
  return false;
}
