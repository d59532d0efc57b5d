import { button, el } from './dom';

/** Said once, quietly, when a page shows papers but none of its cards could be recognised. */
export function mountLayoutNotice(container: HTMLElement, onDismiss: () => void): void {
  const doc = container.ownerDocument;
  container.replaceChildren(
    el(doc, 'div', { class: 'notice', role: 'status' }, el(doc, 'span', {}, 'Papers layout not recognised — controls unavailable'), button(doc, { class: 'btn', 'aria-label': 'Dismiss' }, '×', onDismiss)),
  );
}
