// The page's JSON in parts. A content script sends a big island's data-props piece by piece, each
// message in a task of its own (one 6 MB message cost the page a 64-177 ms task to serialise), then
// asks its getStates naming the parts; the background joins them here. Input from a page: bounded
// in pieces, in size, in how many are kept and for how long.

/** Characters per part (a content script cuts the props at this length). */
export const PROPS_PART_CHARS = 1024 * 1024;
/** Parts per island at most: 64 MB of props, the limit of a whole one. */
export const MAX_PROPS_PARTS = 64;
/** getStates' error when props sent in parts are not all there: the page then sends them whole. */
export const PROPS_PARTS_MISSING = 'props parts missing';

export interface PropsParts {
  /** Keeps one part; false when refused (index out of range). */
  add(key: string, index: number, text: string): boolean;
  /** The props joined from `count` parts, forgotten then; null when one is missing. */
  take(key: string, count: number): string | null;
}

interface Pending {
  parts: string[];
  at: number;
}

export function createPropsParts({ now = Date.now, maxKeys = 8, ttlMs = 60_000 } = {}): PropsParts {
  const pending = new Map<string, Pending>();
  const prune = () => {
    for (const [key, p] of pending) if (now() - p.at > ttlMs) pending.delete(key);
    // The oldest go first (Map keeps insertion order): a page that never asks holds no memory long.
    while (pending.size > maxKeys) pending.delete(pending.keys().next().value!);
  };
  return {
    add(key, index, text) {
      if (!Number.isInteger(index) || index < 0 || index >= MAX_PROPS_PARTS) return false;
      let p = pending.get(key);
      if (!p) pending.set(key, (p = { parts: [], at: now() }));
      p.parts[index] = text;
      prune();
      return pending.has(key);
    },
    take(key, count) {
      const p = pending.get(key);
      pending.delete(key);
      if (!p || count < 1 || count > MAX_PROPS_PARTS || p.parts.length !== count) return null;
      for (let i = 0; i < count; i++) if (typeof p.parts[i] !== 'string') return null;
      return p.parts.join('');
    },
  };
}
