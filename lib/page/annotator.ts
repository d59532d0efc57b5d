// Puts our controls on every paper card of the page, once, and keeps them in step with the
// background's state. Works on a Document and a transport, so tests can drive it on fixtures.
//
// Kept off the page's main thread as much as it can be (measured by `npm run bench`): the page's
// JSON goes to the background while the page loads (it reads the papers, their states and tags:
// lib/tags/facets.ts, lib/page/page-question.ts); the cards' controls are built from the answer,
// detached, in slices between the parser's tasks, and go in as the parser finishes each card, in
// the parser's own task, before the page first lays the card out (a card laid out once more with
// its controls moves every card below it: ~250 ms of layout and paint on a 1000-card page); the
// rest go in together just after DOMContentLoaded; cards the early answer did not cover are drawn
// once their answer is in; a change redraws only the cards it touches.
import { mountCardControls, type CardControlsHandle, type CardView } from '@/components/card-controls';
import { mountFilterBar } from '@/components/FilterBar';
import { mountHiddenRow, mountHiddenSummary } from '@/components/Hidden';
import { PAGE_CSS, UI_CSS } from '@/components/styles';
import { findListingCards, findPaperPageCard, listingCardRef, listingCardsWhileLoading, paperForCard, stillShows, type CardRef } from '../hf/cards';
import type { PagePaper } from '../hf/page-paper';
import { embeddedProps, sameProps } from '../hf/props';
import { pageKind, paperIdFromHref, paperUrl } from '../hf/urls';
import { normaliseRepoUrl } from '../links/code-links';
import type { LinkInfos, PaperSnapshot, PaperState, Reply, Request, States } from '../messages';
import type { Settings } from '../settings';
import type { PaperFacets } from '../tags/facets';
import { withManualTags } from '../tags/manual';
import { keywordsSent, paperText } from '../tags/text';
import { cardView, keywordsFor, snapshot, type ApiLinks } from './card-view';
import { countTags, isFiltering, NO_FILTER, passes, toggleTag, type TagFilter } from './filter';
import { createPageQuestion, type PageAnswer, type PageQuestion } from './page-question';
import { sameList, sameState, StateStore } from './store';
import { yieldToPage } from './yield';

export interface Transport {
  send(request: Request): Promise<Reply>;
}

/** Something the user did on the page that a toast offers to undo. */
export interface UserAction {
  /** "Starred: <title>", "Muted tag Diffusion", … */
  message: string;
  undo(): void;
  /** Settles true once the change is saved, false if it failed (and was taken back on the card). */
  done?: Promise<boolean>;
}

export interface AnnotatorOptions {
  /**
   * Which clicks count. By default only the user's own (`isTrusted`): the shadow roots are open,
   * so the page's scripts could otherwise star or hide papers by calling `.click()`.
   */
  acceptEvent?: (e: Event) => boolean;
  /** Told of every star, hide and mute the user makes on the page (for the undo toast). */
  onUserAction?: (action: UserAction) => void;
  /** Watches listing cards for the first time they are on screen (new-since-last-visit). */
  seen?: { observe(card: HTMLElement, id: string): void; unobserve(card: HTMLElement): void };
  /** When this visit began: papers first seen before it are "seen", others "new". */
  visitStart?: number;
  /** How long cards wait for their tags (and states) before they are drawn without. */
  facetsWaitMs?: number;
  /** The question about the page's JSON, asked early by the content script (else made here). */
  pageQuestion?: PageQuestion;
}

export type CardAction = 'star' | 'hide' | 'open' | 'code';

/** Our elements in the page: marked by attribute so CSS and clean-up can find them. */
const HOST_ATTRS = ['data-hfpt-controls', 'data-hfpt-collapsed', 'data-hfpt-summary'] as const;
/** Value-less attributes we put on the page's cards (and the root): removed on clean-up. */
const CARD_ATTRS = ['data-hfpt-hidden', 'data-hfpt-muted', 'data-hfpt-filtered', 'data-hfpt-highlight', 'data-hfpt-seen'] as const;
const PAGE_STYLE_ID = 'hfpt-page-style';
/** Work per turn of the page's event loop: under the 50 ms that makes a long task. */
const SLICE_MS = 25;
/** Up to this many new cards are built in one turn, whatever the time (a small page's, at once). */
const SYNC_CARDS = 20;
/**
 * How long cards wait for their tags and states before they are drawn without (and filled in when
 * the answer comes): a sleeping background takes a moment to wake.
 */
const FACETS_WAIT_MS = 1000;

interface Host {
  host: HTMLElement;
  container: HTMLElement;
}

interface Mounted {
  id: string;
  ref: CardRef;
  /** From the page's JSON (else its DOM), as the background's answer about the card gives it. */
  paper?: PagePaper;
  /** The background was asked about it (its paper and tags are on their way). */
  asked?: boolean;
  /** Listing cards collapse to a slim row when hidden; the paper page's title block does not. */
  collapsible: boolean;
  controls?: Host;
  /** What draws into `controls` (built with the DOM: see components/card-controls.ts). */
  controlsView?: CardControlsHandle;
  collapsed?: Host;
  /** What draws into `collapsed`. */
  collapsedRow?: ReturnType<typeof mountHiddenRow>;
  /** In the page (or cleaned up: never to be attached). */
  attached: boolean;
  view?: CardView;
  /** What the card was last drawn with: a notification that changes neither needs no redraw. */
  state?: PaperState;
  api?: ApiLinks;
  /** Shown for this page view although a rule mutes it. */
  revealed?: boolean;
  /** The facets it was last drawn with (tags, mute, highlight: the background's). */
  facets?: PaperFacets;
  /** Its snapshot was offered to fill in a paper the library knew by id only. */
  filled?: boolean;
  onStar: (e: Event) => void;
  onHide: (e: Event) => void;
  onShowMuted: (e: Event) => void;
  onAddTag: (label: string, e: Event) => void;
  onRemoveTag: (label: string, e: Event) => void;
  onMuteTag: (label: string, e: Event) => void;
  cleanup: () => void;
}

export interface Annotator {
  /** Finds and annotates cards not yet annotated. Safe to call any number of times. */
  scan(): void;
  /**
   * While the page loads: the cards the parser has finished whose controls are built already go in
   * (the rest wait for `scan`); returns how many did. Cheap to call after every parser chunk.
   */
  scanLoading(): number;
  /** Applies what the background pushes. */
  applyStates(states: States): void;
  applyLinks(links: LinkInfos): void;
  /** Applies the user's settings: every card is tagged again if the rules or topics changed. */
  applySettings(settings: Pick<Settings, 'rules' | 'disabledTopics' | 'dimSeen'>): void;
  /** Asks the background again about every card (after the library was cleared or imported). */
  refresh(): void;
  /** Listing cards a user can see now (not hidden, muted or filtered out), in the order shown. */
  visibleCards(): HTMLElement[];
  /** A user's action on a card (keyboard triage); false when the card has no such action. */
  actOn(card: HTMLElement, action: CardAction): boolean;
  /** Moves focus to the tag filter bar; false when there is none. */
  focusFilter(): boolean;
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
  /** The papers of the page's JSON, as the background read them, and the JSON they came from. */
  let pagePapers = new Map<string, PagePaper>();
  let sentProps: string[] | null = null;
  /** Settles once the background has answered about the page's JSON (or has not in time). */
  let pageAnswer: Promise<void> = Promise.resolve();
  /** pageAnswer has settled: cards are given their papers at once. */
  let pageAnswered = true;
  let summary: (Host & { bar: ReturnType<typeof mountFilterBar>; hidden: ReturnType<typeof mountHiddenSummary> }) | null = null;
  let peeking = false;
  let filter: TagFilter = NO_FILTER;
  let dimSeen = false;
  /** The rules and topics off of the last settings told (null: none yet). */
  let taggingKey: string | null = null;
  const facetsWaitMs = options.facetsWaitMs ?? FACETS_WAIT_MS;
  const pageQuestion = options.pageQuestion ?? createPageQuestion((r) => transport.send(r));
  pageQuestion.onEarlyReply((reply) => prebuild(reply));
  let highlightFirst = false;
  /** "+N more" was clicked in the filter bar: every tag shows. */
  let allTagsShown = false;
  const visitStart = options.visitStart ?? Date.now();
  const tell = (message: string, undo: () => void, done?: Promise<boolean>) => options.onUserAction?.({ message, undo, done });
  let destroyed = false;
  let slicePending = false;
  let sheet = sharedSheet(doc);

  // A previous instance (extension reloaded or updated) may have left its UI: start clean. Should
  // it still be waiting for an answer, it gives way when that comes (isNewest).
  removeAll(doc);
  const isNewest = claimDocument(doc);

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

  /** Star or hide (or the reverse), offering an undo for what the user did. */
  function toggle(m: Mounted, key: 'starred' | 'hidden') {
    const value = !store.get(m.id)[key];
    const title = m.view?.title ?? m.id;
    const message = `${key === 'starred' ? (value ? 'Starred' : 'Unstarred') : value ? 'Hidden' : 'Shown'}: ${title}`;
    // The message goes first (write sends it before its first await); the toast after.
    const written = write(m, { [key]: value }, (s) => ({ ...s, [key]: value }));
    tell(
      message,
      () => {
        if (store.get(m.id)[key] === value) void write(m, { [key]: !value }, (s) => ({ ...s, [key]: !value }));
      },
      written,
    );
    return written;
  }

  /** "Mute this tag" from a chip: a mute rule by tag, added by the background (undo deletes it). */
  async function muteTag(m: Mounted, label: string) {
    const reply = await transport.send({ type: 'muteTag', tag: label }).catch(() => null);
    if (!reply?.ok) return;
    if (reply.settings) await applySettings(reply.settings); // at once; the push follows
    const ruleId = reply.ruleId;
    if (!ruleId) return; // a rule of the user's already mutes it: nothing was added, nothing to undo
    // The card collapses under the keyboard user's focus: keep their place on its slim row.
    if (isMuted(m)) focusIn(m.collapsed?.host, 'button');
    tell(`Muted tag ${label}`, () => {
      transport
        .send({ type: 'deleteRule', id: ruleId })
        .then((r) => {
          if (r?.ok && r.settings) void applySettings(r.settings);
        })
        .catch(() => {});
    });
  }

  /**
   * Sends a patch for a card's paper, showing its effect at once (`optimistic`), undone on failure.
   * True once saved.
   */
  async function write(m: Mounted, patch: Extract<Request, { type: 'setState' }>['patch'], optimistic: (s: PaperState) => PaperState): Promise<boolean> {
    const before = store.get(m.id);
    const expected = optimistic(before);
    // Sent first, so that it travels while the card redraws. A card is drawn (paper read, view
    // made) before it has buttons to click.
    const sent = transport.send({ type: 'setState', id: m.id, patch, paper: snapshot(m.paper!, m.view!) });
    store.set({ [m.id]: expected }); // optimistic: the click shows at once
    let reply: Reply | null = null;
    try {
      reply = await sent;
    } catch {
      reply = null;
    }
    if (reply?.ok && reply.states) {
      store.set(reply.states);
      return true;
    }
    // Failed: undo the optimistic change, unless a newer state (another tab, the first answer
    // about this card) has come in meanwhile: that one stands.
    if (sameState(store.get(m.id), expected)) store.set({ [m.id]: before });
    return false;
  }

  const manualTags = (m: Mounted) => store.get(m.id).manualTags ?? [];

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
    toBuild.push(register(ref, collapsible));
  }

  /** A card's record and handlers (building it is left to the caller). */
  function register(ref: CardRef, collapsible: boolean): Mounted {
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
      onShowMuted: (e) => {
        if (!acceptEvent(e)) return;
        m.revealed = true; // this page view only: the rule still stands
        applyHidden(m);
        renderSummary();
        focusIn(m.controls?.host, 'button.hide');
      },
      onAddTag: (label, e) => {
        if (!acceptEvent(e)) return;
        const tags = manualTags(m);
        if (tags.some((t) => t.toLowerCase() === label.toLowerCase())) return;
        void write(m, { addTags: [label] }, (s) => ({ ...s, manualTags: [...tags, label] }));
      },
      onMuteTag: (label, e) => {
        if (acceptEvent(e)) void muteTag(m, label);
      },
      onRemoveTag: (label, e) => {
        if (!acceptEvent(e)) return;
        const key = label.toLowerCase();
        void write(m, { removeTags: [label] }, (s) => ({ ...s, manualTags: manualTags(m).filter((t) => t.toLowerCase() !== key) }));
      },
      cleanup() {
        unsubscribe();
        if (m.attached && collapsible) options.seen?.unobserve(ref.card);
        dirty.delete(m);
        m.controlsView?.destroy();
        for (const h of [m.controls, m.collapsed]) h?.host.remove();
        if (m.attached) for (const el of [ref.card, listItemOf(ref.card)]) for (const a of CARD_ATTRS) el.removeAttribute(a);
        m.attached = true; // never attached from now on
        if (mounted.get(ref.card) === m) mounted.delete(ref.card);
      },
    };
    const unsubscribe = store.subscribe(ref.id, () => {
      if (!m.view) return; // not drawn yet: it is drawn from the store when it is
      applyHidden(m);
      watchSeen(m);
      const state = store.get(m.id);
      const same = !!m.state && sameState(state, m.state) && store.getLinks(m.id) === m.api && store.getFacets(m.id) === m.facets;
      if (same) return; // e.g. the first answer for a paper never saved: what the card shows already
      dirty.add(m);
      schedule();
    });
    mounted.set(ref.card, m);
    return m;
  }

  /**
   * Cards the parser has finished, whose controls were built from the early answer, go in now: on
   * a page still loading, at the end of each of the parser's chunks (in its task, so that the page
   * lays them out once, with their controls). Returns how many went in.
   */
  function scanLoading(): number {
    if (destroyed || scanned || pageKind(doc.location?.href ?? '') !== 'listing') return 0;
    // The cards the parser added since the last call: one native query of what follows the last
    // card looked at (a static list: putting cards in does not make it walk the document again).
    if (lastLooked && !lastLooked.isConnected) {
      // The page took it out (it redrew the list): every card again.
      lastLooked = undefined;
      waiting.length = 0;
    }
    for (const el of listingCardsWhileLoading(doc, lastLooked)) {
      if (!parsedPast(el)) break; // the parser is in it: nothing after it exists yet
      lastLooked = el;
      const ref = mounted.has(el) ? null : listingCardRef(el);
      if (ref) waiting.push(ref);
    }
    if (prebuilt.size === 0 || waiting.length === 0) return 0;
    const put: Mounted[] = [];
    let kept = 0;
    for (const ref of waiting) {
      if (mounted.has(ref.card) || !ref.card.isConnected) continue;
      if (!prebuilt.has(ref.id)) {
        waiting[kept++] = ref; // its controls are not built yet: a later chunk's call, or the scan after DOMContentLoaded
        continue;
      }
      if (put.length === 0) ensurePageStyle(doc);
      const m = register(ref, true);
      m.paper = prebuilt.get(ref.id)!.paper;
      m.asked = true;
      draw(m); // takes its prebuilt controls
      attach(m);
      put.push(m);
    }
    waiting.length = kept;
    if (put.length === 0) return 0;
    setTimeout(() => !destroyed && askLinks(put), 0);
    summarySoon();
    return put.length;
  }

  /** A hidden card collapses; so does a muted one, unless starred (never muted) or revealed. */
  function applyHidden(m: Mounted) {
    if (!m.attached || !m.collapsible) return;
    const state = store.get(m.id);
    if (state.hidden || isMuted(m, state)) ensureCollapsed(m);
    m.ref.card.toggleAttribute('data-hfpt-hidden', state.hidden);
    m.ref.card.toggleAttribute('data-hfpt-muted', isMuted(m, state));
    // On the list's item (the card, or the wrapper the page put it in): what a grid lays out.
    const item = listItemOf(m.ref.card);
    item.toggleAttribute('data-hfpt-highlight', !!m.view?.highlight);
    // Its tags are read only while filtering (every card is looked at here as it goes in).
    item.toggleAttribute('data-hfpt-filtered', isFiltering(filter) && !passes(filter, tagLabels(m)));
    const seenBefore = state.firstSeen !== undefined && state.firstSeen < visitStart;
    m.ref.card.toggleAttribute('data-hfpt-seen', dimSeen && seenBefore && !state.starred);
    if (seenBefore) doc.documentElement.setAttribute('data-hfpt-has-seen', '');
  }

  /** Not seen on an earlier visit: what the "New" mark says. */
  const isNew = (state: PaperState) => state.firstSeen === undefined || state.firstSeen >= visitStart;

  /** Starred papers and papers of people or topics the user follows (highlighted) are never muted. */
  const isMuted = (m: Mounted, state = store.get(m.id)) => !!store.getFacets(m.id)?.muted && !store.getFacets(m.id)?.highlight && !state.starred && !state.hidden && !m.revealed;
  /** A card's tag labels, once per view (the summary counts every card's on each parser chunk). */
  const labelsOf = new WeakMap<CardView, string[]>();
  const tagLabels = (m: Mounted): readonly string[] => {
    if (!m.view) return [];
    let labels = labelsOf.get(m.view);
    if (!labels) labelsOf.set(m.view, (labels = m.view.tags.map((t) => t.label)));
    return labels;
  };

  /**
   * Asks the background about the page's embedded JSON, as the page has it (unless asked already):
   * it reads the papers from it and answers with them, their states and their tags. The content
   * script asks about each island as soon as the parser has it (options.pageQuestion), so the
   * answer is often in by now; else it is asked before the cards are even looked for. Settles with
   * the answer, or after FACETS_WAIT_MS without one (cards then go on with what their DOM says; a
   * late answer still fills them in).
   */
  function askPage() {
    const props = embeddedProps(doc);
    if (sentProps && sameProps(props, sentProps)) return;
    sentProps = props;
    pageAnswered = false;
    const apply = (a: PageAnswer | undefined) => {
      if (destroyed || sentProps !== props) return;
      pageAnswered = true;
      if (!a) return;
      pagePapers = a.papers;
      // Cards that waited, and those drawn meanwhile from their DOM alone (a late answer): the JSON's.
      for (const m of mounted.values()) if (m.asked) m.paper = paperForCard(m.ref, pagePapers);
      store.set(a.states);
      store.setFacets(a.facets);
    };
    const answer = pageQuestion.answer(props);
    if (!(answer instanceof Promise)) return apply(answer); // in already: the cards are drawn in this turn
    const applied = answer.then((a) => {
      apply(a);
      schedule(SYNC_CARDS);
    });
    const timeout = new Promise<void>((done) => setTimeout(done, facetsWaitMs));
    pageAnswer = Promise.race([applied, timeout]).then(() => {
      if (sentProps === props) pageAnswered = true;
    });
  }

  /**
   * Gives every waiting card its paper once the page's answer is in (at once if it is), and asks
   * about the cards it did not cover (a card the JSON lacks, from its DOM) and about the code of
   * those whose paper names none.
   */
  function readPapers() {
    const read = toBuild.filter((m) => !m.asked && !m.attached);
    for (const m of read) m.asked = true;
    const give = () => {
      if (destroyed) return;
      for (const m of read) m.paper = paperForCard(m.ref, pagePapers);
      setTimeout(() => !destroyed && askLinks(read), 0); // a turn of its own: it reads every card's links
      const untold = read.filter((m) => !store.getFacets(m.id));
      if (untold.length > 0) void askFacets(untold);
    };
    if (pageAnswered) return give();
    void pageAnswer.then(() => {
      give();
      schedule(SYNC_CARDS);
    });
  }

  function askLinks(cards: Mounted[]) {
    // A githubRepo that is not a usable repository (a page, a look-alike host) counts as none.
    const withoutCode = [...new Set(cards.filter((m) => m.paper && !normaliseRepoUrl(m.paper.githubRepo ?? '')).map((m) => m.id))];
    if (withoutCode.length > 0) ask({ type: 'getLinks', ids: withoutCode }, (r) => store.setLinks(r.links ?? {}, r.pending));
  }

  /**
   * Asks the background for the states and facets of these cards' papers (their texts), in one
   * message. Until it answers (or FACETS_WAIT_MS has passed) the cards wait to be drawn, so that
   * they are drawn once, with their tags and stars, and a muted paper never shows.
   */
  function askFacets(cards: Mounted[]) {
    const asked = cards.filter((m) => m.paper);
    if (asked.length === 0) return Promise.resolve();
    const papers = new Map(asked.map((m) => [m.id, paperText(m.paper!, keywordsFor(m.paper!, store.getLinks(m.id).info))]));
    // Drawn without tags, should no answer come in time (the background is waking up, or gone).
    const fallback = () => {
      const none: Record<string, PaperFacets> = {};
      for (const [id, p] of papers) if (!store.getFacets(id)) none[id] = { tags: [], manualTags: store.get(id).manualTags ?? [], aiKeywords: p.aiKeywords };
      if (Object.keys(none).length > 0) store.setFacets(none);
      schedule(SYNC_CARDS);
    };
    const timer = setTimeout(fallback, facetsWaitMs);
    return transport
      .send({ type: 'getStates', ids: [...papers.keys()], papers: [...papers.values()] })
      .then((r) => {
        if (destroyed || !r?.ok) return;
        if (r.states) store.set(r.states);
        if (r.facets) store.setFacets(r.facets);
      })
      .catch(() => {}) // the background is gone (extension updated): cards show what they know
      .finally(() => {
        clearTimeout(timer);
        if (!destroyed) fallback(); // papers it did not tag are drawn without tags
      });
  }

  /** Cards to tag again (their manual tags or HF's keywords changed), asked together. */
  const toRetag = new Set<Mounted>();
  function retagSoon(m: Mounted) {
    if (toRetag.size === 0) {
      setTimeout(() => {
        const batch = [...toRetag].filter((x) => !x.attached || mounted.get(x.ref.card) === x); // not cleaned up
        toRetag.clear();
        void askFacets(batch);
      }, 0);
    }
    toRetag.add(m);
  }

  /** A card's host and the skeleton of its controls: all that needs nothing from the background. */
  function prepare(m: Mounted) {
    Object.assign(m, mountControls(() => m, m.collapsible));
  }

  /** A host with the controls' skeleton; its buttons act on the card `owner` gives (none yet: nothing). */
  function mountControls(owner: () => Mounted | undefined, collapsible: boolean) {
    const controls = makeHost('data-hfpt-controls');
    const controlsView = mountCardControls(controls.container, {
      onStar: (e) => owner()?.onStar(e),
      onHide: (e) => owner()?.onHide(e),
      onAddTag: (label, e) => owner()?.onAddTag(label, e),
      onRemoveTag: (label, e) => owner()?.onRemoveTag(label, e),
      onMuteTag: collapsible ? (label, e) => owner()?.onMuteTag(label, e) : undefined,
    });
    return { controls, controlsView };
  }

  /** What a card shows: its paper, the API's links, the background's facets, the user's own tags. */
  function viewOf(paper: PagePaper, api: ApiLinks, facets: PaperFacets | undefined, manual: readonly string[]): CardView {
    // The user's own tags show at once; the background's facets catch up (asked again in draw).
    const tags = facets && sameList(facets.manualTags, manual) ? facets.tags : withManualTags(manual, facets?.tags ?? []);
    return { ...cardView(paper, api, tags), highlight: facets?.highlight };
  }

  /**
   * Listing cards' controls built while the page is still loading, from the early answers about
   * its islands (options.pageQuestion), by paper id: when the cards are found (DOMContentLoaded),
   * each takes its own, and only goes in. Built in slices, between the parser's; what is not
   * built by then is drawn as usual. Nothing of it touches the page.
   */
  interface Prebuilt {
    paper: PagePaper;
    /** What the card that takes it was drawn with, as draw() keeps it on a Mounted. */
    drawn: Required<Pick<Mounted, 'controls' | 'controlsView' | 'view' | 'api' | 'facets' | 'state'>>;
    /** The card that took it (its buttons act on that card). */
    owner?: Mounted;
  }
  const prebuilt = new Map<string, Prebuilt>();
  /** While the page loads (scanLoading): the last card looked at, and the cards found before their controls were built. */
  let lastLooked: HTMLElement | undefined;
  const waiting: CardRef[] = [];
  const toPrebuild: PagePaper[] = [];
  let scanned = false;

  function prebuild(reply: Reply) {
    if (destroyed || scanned || !reply?.ok) return;
    // What the page's answer will say at DOMContentLoaded, known now: the cards going in while the
    // page loads need it (a push that came meanwhile stays: the store keeps the newer state).
    if (reply.states) store.set(reply.states);
    if (reply.facets) store.setFacets(reply.facets);
    if (!reply.papers || pageKind(doc.location?.href ?? '') !== 'listing') return;
    for (const [id, paper] of Object.entries(reply.papers)) if (reply.facets?.[id] && !prebuilt.has(id)) toPrebuild.push(paper);
    if (toPrebuild.length > 0 && !prebuildPending) {
      prebuildPending = true;
      yieldToPage(prebuildSlice);
    }
  }
  let prebuildPending = false;

  function prebuildSlice() {
    prebuildPending = false;
    const started = now();
    while (toPrebuild.length > 0 && !scanned && !destroyed) {
      if (now() - started > SLICE_MS) {
        prebuildPending = true;
        return yieldToPage(prebuildSlice);
      }
      const paper = toPrebuild.shift()!;
      const facets = store.getFacets(paper.id);
      if (prebuilt.has(paper.id) || !facets) continue;
      const state = store.get(paper.id);
      const api = store.getLinks(paper.id);
      const view = viewOf(paper, api, facets, state.manualTags ?? []);
      // Its buttons act on the card that takes it (none before).
      const { controls, controlsView } = mountControls(() => pre.owner, true);
      controlsView.update({ view, state, isNew: isNew(state) });
      const pre: Prebuilt = { paper, drawn: { controls, controlsView, view, api, facets, state } };
      prebuilt.set(paper.id, pre);
    }
    if (scanned) toPrebuild.length = 0;
  }

  /** A listing card takes the controls built for its paper while the page loaded, if any. */
  function adoptPrebuilt(m: Mounted): boolean {
    const pre = prebuilt.get(m.id);
    // The same paper object: the answer's, not merged with another island's sighting since.
    if (!pre || pre.owner || !m.collapsible || pre.paper !== m.paper) return false;
    pre.owner = m;
    Object.assign(m, pre.drawn);
    return true;
  }

  /** Renders a card's controls from what the store knows now. */
  function draw(m: Mounted) {
    const paper = m.paper!;
    if (!m.controls && !adoptPrebuilt(m)) prepare(m);
    const api = store.getLinks(m.id);
    const state = store.get(m.id);
    const facets = store.getFacets(m.id);
    const manual = state.manualTags ?? [];
    if (!m.view || api !== m.api || facets !== m.facets || !sameList(manual, m.state?.manualTags)) {
      m.view = viewOf(paper, api, facets, manual);
      m.api = api;
      m.facets = facets;
    }
    if (facets && (!sameList(facets.manualTags, manual) || !sameList(facets.aiKeywords, keywordsSent(keywordsFor(paper, api.info))))) retagSoon(m);
    m.state = state;
    m.controlsView!.update({ view: m.view, state, isNew: m.collapsible && isNew(state) });
    renderCollapsed(m);
    applyHidden(m);
    if (state.bare && m.paper?.title && !m.filled) {
      m.filled = true;
      fillSoon(snapshot(m.paper, m.view));
    }
  }

  /** Saved papers the library knows by id only: what this page knows of them, in one message. */
  let toFill: PaperSnapshot[] = [];
  function fillSoon(paper: PaperSnapshot) {
    if (toFill.length === 0) setTimeout(() => toFill.length && ask({ type: 'fillPapers', papers: toFill.splice(0, 500) }, () => {}), 0);
    toFill.push(paper);
  }

  /**
   * The slim row a hidden or muted card collapses to: made the first time the card collapses (most
   * cards never do; a second shadow root per card was a good part of a listing's cost).
   */
  function ensureCollapsed(m: Mounted) {
    if (m.collapsed || !m.collapsible || !m.paper) return;
    m.collapsed = makeHost('data-hfpt-collapsed');
    m.collapsedRow = mountHiddenRow(m.collapsed.container);
    renderCollapsed(m);
    if (m.attached) m.ref.card.prepend(m.collapsed.host);
  }

  function renderCollapsed(m: Mounted) {
    if (!m.collapsed) return;
    const muted = isMuted(m);
    const title = m.paper!.title ?? m.id;
    m.collapsedRow!.update({ title, onShow: muted ? m.onShowMuted : m.onHide, reason: muted ? store.getFacets(m.id)!.muted!.reason : undefined });
  }

  function attach(m: Mounted) {
    if (m.attached || !m.controls) return;
    m.attached = true;
    // After the page was parsed, off-screen controls skip layout (PAGE_CSS says why only then).
    if (doc.readyState !== 'loading') m.controls.host.setAttribute('data-hfpt-late', '');
    if (m.ref.position === 'append') m.ref.anchor.append(m.controls.host);
    else m.ref.anchor.after(m.controls.host);
    if (m.collapsed) m.ref.card.prepend(m.collapsed.host);
    applyHidden(m);
    watchSeen(m);
  }

  /** Only papers never seen need watching (an observed target costs the page some work each frame). */
  function watchSeen(m: Mounted) {
    if (!m.collapsible || !options.seen || !m.attached || !m.ref.card.isConnected) return;
    if (store.get(m.id).firstSeen === undefined) options.seen.observe(m.ref.card, m.id);
    else options.seen.unobserve(m.ref.card);
  }

  /**
   * A click's redraw shows in the same turn; building cards after an answer starts a turn of its
   * own (the answer's own task, with a 1000-card page's data, is long enough). `minCards`: new
   * cards built in that turn whatever the time (a small page's, at once).
   */
  function schedule(minCards = 0) {
    if (slicePending || destroyed) return;
    slicePending = true;
    const run = () => runSlices(now(), Math.min(minCards, toBuild.length));
    if (minCards > 0) yieldToPage(run);
    else queueMicrotask(run);
  }

  /**
   * Redraws first (a click must show at once), then new cards, until the slice's time is up;
   * then yields to the page and carries on. New cards go into the page together once all are built.
   */
  function runSlices(started: number, minCards: number) {
    slicePending = false;
    if (destroyed) return;
    let built = 0;
    let redrawn = false;
    let prepared = 0;
    while (dirty.size > 0 || toBuild.length > 0) {
      const spent = now() - started;
      if (built >= minCards && spent > SLICE_MS) {
        slicePending = true;
        yieldToPage(() => runSlices(now(), 0));
        return;
      }
      const redraw = dirty.values().next();
      if (!redraw.done) {
        dirty.delete(redraw.value);
        draw(redraw.value);
        redrawn = true;
        continue;
      }
      const next = toBuild[0];
      if (!next.asked && !next.attached) readPapers();
      if (!next.attached && (!next.paper || !store.getFacets(next.id))) {
        // Its tags and state are on their way; their arrival takes the building on (askPage, askFacets).
        // Meanwhile, the parts of the cards' controls that need none of it.
        while (prepared < toBuild.length && (toBuild[prepared].controls || toBuild[prepared].attached)) prepared++;
        if (prepared === toBuild.length) break;
        if (spent > SLICE_MS) {
          // Preparing is never urgent (minCards is about cards that can be drawn).
          slicePending = true;
          yieldToPage(() => runSlices(now(), 0));
          return;
        }
        prepare(toBuild[prepared]);
        continue;
      }
      const m = toBuild.shift()!;
      if (m.attached) continue; // cleaned up while it waited
      draw(m);
      toAttach.push(m);
      built++;
    }
    // The cards found have taken theirs (before DOMContentLoaded or now); the rest were for papers
    // the page does not show.
    if (scanned && toBuild.length === 0) prebuilt.clear();
    if (toAttach.length > 0 && toBuild.length === 0) {
      if (!isNewest()) return api.destroy();
      // A card the page dropped meanwhile is let go, so that it is annotated anew if it returns.
      for (const m of toAttach.splice(0)) m.ref.card.isConnected ? attach(m) : m.cleanup();
      summarySoon();
    } else if (redrawn) {
      summarySoon(); // tags or mutes may have changed: the bar's counts with them
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

  function listingCards() {
    return [...mounted.values()].filter((m) => m.collapsible && m.attached && m.view);
  }

  /** Above the list: the tag filter bar and the "N hidden on this page" line. */
  function renderSummary() {
    const cards = listingCards();
    const list = listContainer(cards.map((m) => m.ref.card));
    if (!list) {
      summary?.host.remove();
      return;
    }
    if (!summary) {
      const host = makeHost('data-hfpt-summary');
      summary = { ...host, bar: mountFilterBar(host.container), hidden: mountHiddenSummary(host.container) };
    }
    if (summary.host.nextElementSibling !== list) list.before(summary.host);
    const byYou = cards.filter((m) => store.get(m.id).hidden).length;
    const muted = cards.filter((m) => isMuted(m)).length;
    if (byYou + muted === 0 && peeking) setPeeking(false);
    const tags = countTags(cards.map(tagLabels));
    const shown = isFiltering(filter) ? cards.filter((m) => passes(filter, tagLabels(m))).length : cards.length;
    summary.bar.update({
      tags,
      filter,
      shown,
      total: cards.length,
      onToggle: (label, exclude) => setFilter(toggleTag(filter, label, exclude)),
      onClear: () => setFilter(NO_FILTER),
      highlighted: cards.filter((m) => m.view?.highlight).length,
      highlightFirst,
      onHighlightFirst: setHighlightFirst,
      showAll: allTagsShown,
      onShowAll: () => {
        allTagsShown = true;
        renderSummary();
      },
    });
    summary.hidden.update({ byYou, muted, peeking, onToggle: () => setPeeking(!peeking) });
  }

  /** Cards a highlight rule matched go first (CSS order: the page's own list is not rearranged). */
  function setHighlightFirst(value: boolean) {
    highlightFirst = value;
    doc.documentElement.toggleAttribute('data-hfpt-highlight-first', value);
    renderSummary();
  }

  function setFilter(next: TagFilter) {
    filter = next;
    for (const m of listingCards()) applyHidden(m);
    renderSummary();
  }

  function setPeeking(value: boolean) {
    peeking = value;
    doc.documentElement.toggleAttribute('data-hfpt-peek', value);
    renderSummary();
  }

  /**
   * The summary, redrawn once at the end of this turn's work: cards going in, an answer about the
   * whole page and the scan that found them each ask for it (it was drawn three times on load).
   */
  let summaryPending = false;
  function summarySoon() {
    if (summaryPending) return;
    summaryPending = true;
    queueMicrotask(() => {
      summaryPending = false;
      if (!destroyed) renderSummary();
    });
  }
  const unsubscribeAll = store.subscribeAll(summarySoon);

  /**
   * The user's settings: other rules or topics re-tag every card (by the background); resolves
   * once the cards show it.
   */
  function applySettings(settings: Pick<Settings, 'rules' | 'disabledTopics' | 'dimSeen'>): Promise<void> {
    if (dimSeen !== settings.dimSeen) {
      dimSeen = settings.dimSeen;
      for (const m of mounted.values()) applyHidden(m);
    }
    const key = JSON.stringify([settings.rules, settings.disabledTopics]);
    if (key === taggingKey) return Promise.resolve();
    // Papers not asked about yet are tagged with these when they are (the background has them).
    taggingKey = key;
    return askFacets([...mounted.values()].filter((m) => m.paper && !(m.attached && !m.controls)));
  }

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
    askPage();
    // Cards put in while the page loaded: watched for sightings from now (the watch starts with the scan).
    if (!scanned) for (const m of mounted.values()) watchSeen(m);
    scanned = true; // what was not prebuilt by now is drawn as usual
    waiting.length = 0;
    lastLooked = undefined;

    let refs: CardRef[];
    if (kind === 'listing') {
      // A card that still shows the paper it was annotated for is not read again.
      const unchanged = (el: HTMLElement) => {
        const m = mounted.get(el);
        return !!m && stillShows(m.ref) && isAnnotated(el, m.id);
      };
      refs = findListingCards(doc, (el, id) => isAnnotated(el, id), (el) => !unchanged(el));
    } else {
      const id = paperIdFromHref(url);
      const ref = id ? findPaperPageCard(doc, id) : null;
      refs = ref && !isAnnotated(ref.card, ref.id) ? [ref] : [];
    }
    // Their papers are given (and the cards the JSON lacks asked about) in the first slice.
    for (const ref of refs) enqueue(ref, kind === 'listing');
    // Cards whose controls were built while the page loaded only go in (microseconds each): all in
    // this turn, so that the list is laid out again once (cards put in over several turns each move
    // every card below them).
    const ready = toBuild.filter((m) => prebuilt.has(m.id)).length;
    if (!slicePending) runSlices(started, toBuild.length <= SYNC_CARDS ? toBuild.length : ready);
    summarySoon();
  }

  function mountedOf(card: HTMLElement): Mounted | undefined {
    const m = mounted.get(card);
    return m?.attached && m.controls ? m : undefined;
  }

  const api: Annotator = {
    scan,
    scanLoading,
    applyStates: (states) => store.set(states),
    applyLinks: (links) => store.setLinks(links),
    visibleCards() {
      const shown = listingCards()
        .filter((m) => m.ref.card.isConnected && passes(filter, tagLabels(m)))
        .filter((m) => peeking || !(store.get(m.id).hidden || isMuted(m)))
        .map((m) => m.ref.card);
      // In the order shown: document order, highlighted first when so sorted.
      shown.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      const first = (card: HTMLElement) => Number(listItemOf(card).hasAttribute('data-hfpt-highlight'));
      if (highlightFirst) shown.sort((a, b) => first(b) - first(a));
      return shown;
    },
    actOn(card, action) {
      const m = mountedOf(card);
      if (!m) return false;
      if (action === 'star') void toggle(m, 'starred');
      else if (action === 'hide') void toggle(m, 'hidden');
      else {
        const url = action === 'open' ? paperUrl(m.id) : m.view?.links.codeUrl;
        if (!url) return false;
        doc.defaultView?.open(url, '_blank', 'noopener');
      }
      return true;
    },
    focusFilter() {
      const first = summary?.host.shadowRoot?.querySelector<HTMLElement>('.filter button');
      first?.focus();
      return !!first;
    },
    applySettings(settings) {
      void applySettings(settings);
    },
    refresh() {
      const ids = [...new Set([...mounted.values()].map((m) => m.id))];
      if (ids.length) ask({ type: 'getStates', ids }, (r) => r.states && store.replace(r.states));
    },
    papersInJson: () => pagePapers.size,
    destroy() {
      destroyed = true;
      unsubscribeAll();
      for (const m of [...mounted.values()]) m.cleanup();
      toBuild.length = 0;
      toAttach.length = 0;
      if (summary) {
        summary.host.remove();
      }
      if (peeking) doc.documentElement.removeAttribute('data-hfpt-peek');
      if (highlightFirst) doc.documentElement.removeAttribute('data-hfpt-highlight-first');
      doc.documentElement.removeAttribute('data-hfpt-has-seen');
    },
  };
  return api;
}

const now = () => performance.now();

/** Where the newest annotator of each document is known: a world-wide name, not this bundle's. */
const NEWEST = Symbol.for('hfpt.newest-annotator');

/** Makes this annotator the document's newest; the function returned says whether it still is. */
function claimDocument(doc: Document): () => boolean {
  const world = globalThis as { [NEWEST]?: WeakMap<Document, object> };
  const newest = (world[NEWEST] ??= new WeakMap());
  const me = {};
  newest.set(doc, me);
  return () => newest.get(doc) === me;
}

/**
 * The element a list lays out for a card: the card, or the wrappers around it alone (a grid's
 * cell). Hiding or reordering the card inside its cell would leave the cell in place.
 */
function listItemOf(card: HTMLElement): HTMLElement {
  let item = card;
  for (let parent = item.parentElement; parent && parent !== item.ownerDocument.body; parent = item.parentElement) {
    // First and last child the same: an only child. (childElementCount walks every child: on a
    // 1000-card grid that made this the costliest line of the content script.)
    if (parent.firstElementChild !== parent.lastElementChild) break;
    item = parent;
  }
  return item;
}

/**
 * The parser has moved past `el` (something follows it in document order): its content is whole,
 * so controls put in it now stay where they belong.
 */
function parsedPast(el: Node): boolean {
  for (let n: Node | null = el; n; n = n.parentNode) if (n.nextSibling) return true;
  return false;
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
  for (const attr of CARD_ATTRS) doc.querySelectorAll(`[${attr}]`).forEach((el) => el.removeAttribute(attr));
  doc.documentElement.removeAttribute('data-hfpt-peek');
  doc.documentElement.removeAttribute('data-hfpt-highlight-first');
  doc.documentElement.removeAttribute('data-hfpt-has-seen');
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
    for (const n of r.removedNodes) if (n.nodeType === 1 && !(n as Element).hasAttribute('data-hfpt-overlay')) return true;
    for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (el.id === PAGE_STYLE_ID) continue; // our own stylesheet: nothing to annotate
      if (el.hasAttribute('data-hfpt-ui')) continue; // our hosts, toasts and dialogs
      if (!HOST_ATTRS.some((a) => el.hasAttribute(a))) return true;
    }
  }
  return false;
}
