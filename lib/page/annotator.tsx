// Puts our controls on every paper card of the page, once, and keeps them in step with the
// background's state. Works on a Document and a transport, so tests can drive it on fixtures.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CardControls, HiddenRow, HiddenSummary, type CardView } from '@/components/CardControls';
import { PAGE_CSS, UI_CSS } from '@/components/styles';
import { findListingCards, findPaperPageCard, paperForCard, type CardRef } from '../hf/cards';
import { readEmbeddedPapers, type PagePaper } from '../hf/embedded';
import { pageKind, paperIdFromHref } from '../hf/urls';
import type { Reply, Request } from '../messages';
import { cardView, snapshot } from './card-view';
import { StateStore } from './store';

export interface Transport {
  send(request: Request): Promise<Reply>;
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

function useStoreState(store: StateStore, id: string) {
  const [state, setState] = useState(store.get(id));
  useEffect(() => {
    const sync = () => setState(store.get(id));
    sync(); // the state may have arrived between render and this effect
    return store.subscribe(id, sync);
  }, [store, id]);
  return state;
}

export interface Annotator {
  /** Finds and annotates cards not yet annotated. Safe to call any number of times. */
  scan(): void;
  /** Applies states pushed by the background. */
  applyStates(states: Record<string, { starred: boolean; hidden: boolean }>): void;
  /** Removes everything we added to the page. */
  destroy(): void;
}

export function createAnnotator(doc: Document, transport: Transport): Annotator {
  const store = new StateStore();
  const mounted = new Map<HTMLElement, Mounted>();
  let embeddedCache: { key: string; papers: Map<string, PagePaper> } | null = null;
  let summary: { host: HTMLElement; container: HTMLElement } | null = null;
  let peeking = false;

  // A previous instance (extension reloaded or updated) may have left its UI: start clean.
  removeOurElements(doc);

  function embeddedPapers(): Map<string, PagePaper> {
    // Re-read the JSON only when the islands' props changed (client-side navigation).
    const key = [...doc.querySelectorAll('[data-target][data-props]')]
      .map((el) => `${el.getAttribute('data-target')}:${el.getAttribute('data-props')?.length}`)
      .join('|');
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

  async function toggle(id: string, key: 'starred' | 'hidden', paper: PagePaper, view: CardView) {
    const before = store.get(id);
    const value = !before[key];
    store.set({ [id]: { ...before, [key]: value } }); // optimistic: the click shows at once
    let reply: Reply | null = null;
    try {
      reply = await transport.send({ type: 'setState', id, patch: { [key]: value }, paper: snapshot(paper, view) });
    } catch {
      reply = null;
    }
    store.set(reply?.ok && reply.states ? reply.states : { [id]: before });
  }

  function isAnnotated(card: HTMLElement): boolean {
    const m = mounted.get(card);
    return !!m && m.hosts.every((h) => h.isConnected && card.contains(h));
  }

  function mount(ref: CardRef, paper: PagePaper, collapsible: boolean) {
    mounted.get(ref.card)?.cleanup();
    const view = cardView(paper);
    const controls = makeHost('data-hfpt-controls');
    if (ref.position === 'append') ref.anchor.append(controls.host);
    else ref.anchor.after(controls.host);
    const hosts = [controls.host];
    const onStar = () => void toggle(ref.id, 'starred', paper, view);
    const onHide = () => void toggle(ref.id, 'hidden', paper, view);

    function Controls() {
      const state = useStoreState(store, ref.id);
      return <CardControls view={view} state={state} onStar={onStar} onHide={onHide} />;
    }
    render(<Controls />, controls.container);

    let unsubscribe = () => {};
    if (collapsible) {
      const collapsed = makeHost('data-hfpt-collapsed');
      ref.card.prepend(collapsed.host);
      hosts.push(collapsed.host);
      render(<HiddenRow title={view.title} onShow={onHide} />, collapsed.container);
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

  function scan() {
    const url = doc.location?.href ?? '';
    const kind = pageKind(url);
    for (const m of [...mounted.values()]) if (!m.card.isConnected) m.cleanup();
    if (kind === 'other') return;
    ensurePageStyle(doc);

    let refs: CardRef[];
    if (kind === 'listing') {
      refs = findListingCards(doc, (el) => isAnnotated(el));
    } else {
      const id = paperIdFromHref(url);
      const ref = id ? findPaperPageCard(doc, id) : null;
      refs = ref && !isAnnotated(ref.card) ? [ref] : [];
    }
    if (refs.length > 0) {
      const papers = embeddedPapers();
      for (const ref of refs) mount(ref, paperForCard(ref, papers), kind === 'listing');
      const ids = [...new Set(refs.map((r) => r.id))];
      // One batched question for all new cards.
      transport
        .send({ type: 'getStates', ids })
        .then((reply) => reply.ok && reply.states && store.set(reply.states))
        .catch(() => {});
    }
    renderSummary();
  }

  return {
    scan,
    applyStates: (states) => store.set(states),
    destroy() {
      unsubscribeAll();
      for (const m of [...mounted.values()]) m.cleanup();
      removeOurElements(doc);
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

function removeOurElements(doc: Document) {
  for (const attr of HOST_ATTRS) doc.querySelectorAll(`[${attr}]`).forEach((el) => el.remove());
  doc.querySelectorAll('[data-hfpt-hidden]').forEach((el) => el.removeAttribute('data-hfpt-hidden'));
  doc.documentElement.removeAttribute('data-hfpt-peek');
  doc.getElementById(PAGE_STYLE_ID)?.remove();
}

/** True when a mutation added something other than our own hosts (worth a scan). */
export function addsForeignNodes(records: MutationRecord[]): boolean {
  for (const r of records) {
    for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (!HOST_ATTRS.some((a) => el.hasAttribute(a))) return true;
    }
  }
  return false;
}
