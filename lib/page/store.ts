// Per-paper state on the page, as last told by the background. Cards subscribe to their own id,
// so a change re-renders only the cards it touches.
import type { PaperState, States } from '../messages';

const NONE: PaperState = { starred: false, hidden: false };
type Listener = () => void;

export class StateStore {
  private states = new Map<string, PaperState>();
  private byId = new Map<string, Set<Listener>>();
  private any = new Set<Listener>();

  get(id: string): PaperState {
    return this.states.get(id) ?? NONE;
  }

  set(states: States): void {
    for (const [id, s] of Object.entries(states)) {
      const prev = this.states.get(id);
      if (prev && prev.starred === s.starred && prev.hidden === s.hidden) continue;
      this.states.set(id, { starred: s.starred, hidden: s.hidden });
      this.byId.get(id)?.forEach((fn) => fn());
    }
    this.any.forEach((fn) => fn());
  }

  subscribe(id: string, fn: Listener): () => void {
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  subscribeAll(fn: Listener): () => void {
    this.any.add(fn);
    return () => this.any.delete(fn);
  }
}
