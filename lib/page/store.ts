// Per-paper state on the page, as last told by the background: star/hide state, tags and what the
// user's rules say (facets), and what Hugging Face's API said of the paper's links. Cards subscribe to their own id, so a change re-renders
// only the cards it touches.
import type { LinkInfo, LinkInfos, PaperState, States } from '../messages';
import type { PaperFacets } from '../tags/facets';
import type { ApiLinks } from './card-view';

/** Two lists of strings with the same items in the same order (absent = empty). */
export const sameList = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((t, i) => t === b[i]);

/** What a card shows of a state (the write counter aside). */
export const sameState = (a: PaperState, b: PaperState) =>
  a.starred === b.starred && a.hidden === b.hidden && a.at === b.at && sameList(a.manualTags, b.manualTags) && a.firstSeen === b.firstSeen;

const NONE: PaperState = { starred: false, hidden: false };
const NO_LINKS: ApiLinks = { pending: false };
type Listener = () => void;

export class StateStore {
  private states = new Map<string, PaperState>();
  private links = new Map<string, ApiLinks>();
  private facets = new Map<string, PaperFacets>();
  private byId = new Map<string, Set<Listener>>();
  private any = new Set<Listener>();

  get(id: string): PaperState {
    return this.states.get(id) ?? NONE;
  }

  getLinks(id: string): ApiLinks {
    return this.links.get(id) ?? NO_LINKS;
  }

  /** The paper's tags and what the rules say of it; undefined until the background has told. */
  getFacets(id: string): PaperFacets | undefined {
    return this.facets.get(id);
  }

  setFacets(facets: Record<string, PaperFacets>): void {
    let changed = false;
    for (const [id, f] of Object.entries(facets)) {
      if (this.facets.get(id) === f) continue; // told again (an early answer, taken at DOMContentLoaded)
      this.facets.set(id, f);
      this.notify(id);
      changed = true;
    }
    if (changed) this.any.forEach((fn) => fn());
  }

  /** Applies states from the background, except ones older than what the card already has. */
  set(states: States): void {
    let changed = false;
    for (const [id, s] of Object.entries(states)) {
      const prev = this.states.get(id);
      if (prev && s.at !== undefined && s.at < (prev.at ?? 0)) continue; // a reply overtaken by a newer push
      if (prev && sameState(prev, s)) continue;
      this.states.set(id, { ...s, at: s.at ?? prev?.at, firstSeen: s.firstSeen ?? prev?.firstSeen });
      this.notify(id);
      changed = true;
    }
    if (changed) this.any.forEach((fn) => fn());
  }

  /**
   * States as the background has them now, whatever the tab was told before: after the library was
   * cleared or imported, older write counters (an import's) or none at all are the truth.
   */
  replace(states: States): void {
    // Forgotten first: set() then takes each as new, and tells every card and the summary.
    for (const id of Object.keys(states)) this.states.delete(id);
    this.set(states);
  }

  /** API answers (`infos`), and the ids whose answer is still on its way (`pending`). */
  setLinks(infos: LinkInfos, pending: readonly string[] = []): void {
    for (const [id, info] of Object.entries(infos) as [string, LinkInfo][]) {
      this.links.set(id, { info, pending: false });
      this.notify(id);
    }
    for (const id of pending) {
      this.links.set(id, { info: this.links.get(id)?.info, pending: true });
      this.notify(id);
    }
  }

  subscribe(id: string, fn: Listener): () => void {
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.byId.delete(id);
    };
  }

  subscribeAll(fn: Listener): () => void {
    this.any.add(fn);
    return () => this.any.delete(fn);
  }

  private notify(id: string) {
    this.byId.get(id)?.forEach((fn) => fn());
  }
}
