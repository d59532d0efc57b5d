// The page's embedded JSON as the page has it: the `data-props` of its Svelte islands. Read by the
// content script, parsed by the background (lib/hf/embedded.ts): no zod here.
import { CARD, EMBEDDED_PROPS } from './selectors';

/** The islands' props, in document order. */
export function embeddedProps(root: ParentNode): string[] {
  return [...root.querySelectorAll(EMBEDDED_PROPS)].map((el) => el.getAttribute('data-props') ?? '');
}

/** Two reads of the props that are the same (an unchanged page: nothing to parse again). */
export const sameProps = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/**
 * Tells each island's props as the parser inserts the island (a document still loading), so that
 * they can be sent before the rest of the page has arrived. Stops at the first card: the island
 * that describes the cards wraps them, so it comes first (every listing seen, 2024–2026); islands
 * after it are read at DOMContentLoaded like any other. Stops at `stop()` too (DOMContentLoaded).
 * Only nodes the parser adds one by one are looked at: one cheap check per node.
 */
export function watchIslands(doc: Document, onIsland: (props: string) => void): { stop(): void } {
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (el.hasAttribute('data-props') && el.matches(EMBEDDED_PROPS)) onIsland(el.getAttribute('data-props') ?? '');
        else if (el.localName === CARD) return observer.disconnect();
      }
    }
  });
  observer.observe(doc, { childList: true, subtree: true });
  return { stop: () => observer.disconnect() };
}
