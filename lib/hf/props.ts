// The page's embedded JSON as the page has it: the `data-props` of its Svelte islands. Read by the
// content script, parsed by the background (lib/hf/embedded.ts): no zod here.
import { EMBEDDED_PROPS } from './selectors';

/** The islands' props, in document order. */
export function embeddedProps(root: ParentNode): string[] {
  return [...root.querySelectorAll(EMBEDDED_PROPS)].map((el) => el.getAttribute('data-props') ?? '');
}

/** Two reads of the props that are the same (an unchanged page: nothing to parse again). */
export const sameProps = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p, i) => p === b[i]);
