// Building our page UI with the DOM itself (the content script carries no UI framework: a listing
// draws its cards before any of its code is compiled, and every KB is parsed on every page). Page
// text goes in as text (textContent, attribute values), never as markup.

/** An element with attributes (undefined ones left out) and children (strings become text). */
export function el(doc: Document, tag: string, attrs: Record<string, string | undefined> = {}, ...children: (Node | string | false | null | undefined)[]): HTMLElement {
  const e = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) e.setAttribute(name, value);
  e.append(...children.filter((c): c is Node | string => !!c));
  return e;
}

/** A button that runs `onClick` (with the event). */
export function button(doc: Document, attrs: Record<string, string | undefined>, label: string, onClick: (e: MouseEvent) => void): HTMLButtonElement {
  const b = el(doc, 'button', { type: 'button', ...attrs }, label) as HTMLButtonElement;
  b.addEventListener('click', onClick);
  return b;
}

/**
 * Sets an element's text, or an attribute, only when it differs: a write of the same text still
 * replaces the text node, and the page then lays out again (on a 1000-card listing, intersection
 * observers and hover hit tests with it) after every click that redraws the filter bar.
 */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

export function setAttr(e: Element, name: string, value: string): void {
  if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}

/**
 * A button by role, not a <button>: for the controls every card of a listing has. Chromium's
 * autofill walks every form control in the page's shadow roots when the page finishes parsing, at a
 * cost that grows with how deep they sit (each 1000 made the bench's 1000-card DOMContentLoaded
 * task ~6 ms longer). Focusable; a click, Enter or Space runs `onActivate`. The keys' defaults are
 * prevented, as a button's are: Space does not scroll, and keyboard triage leaves the key alone.
 */
export function roleButton(doc: Document, { className, name, title, text = '' }: { className: string; name: string; title?: string; text?: string }, onActivate: (e: Event) => void): HTMLElement {
  // Property by property: a listing makes some six of these a card, before this code is hot.
  const b = doc.createElement('span');
  b.setAttribute('role', 'button');
  b.tabIndex = 0;
  b.className = className;
  b.setAttribute('aria-label', name);
  if (title !== undefined) b.title = title;
  if (text) b.textContent = text;
  b.addEventListener('click', onActivate);
  b.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    if (!e.repeat) onActivate(e); // a held key acts once, as on a button
  });
  return b;
}

/**
 * Makes `parent`'s children exactly `wanted`, in order, moving as little as it can: nodes that go
 * are removed first, then the missing ones inserted in place; nodes that stay in the same order are
 * never moved, so the one with the focus keeps it.
 */
export function setChildren(parent: Element, wanted: readonly Node[]): void {
  const keep = new Set(wanted);
  for (const child of [...parent.childNodes]) if (!keep.has(child)) child.remove();
  wanted.forEach((node, i) => {
    const at = parent.childNodes[i];
    if (at !== node) parent.insertBefore(node, at ?? null);
  });
}
