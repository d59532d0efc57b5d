import { button, el, setAttr, setChildren, setText } from './dom';

export interface HiddenRowProps {
  title: string;
  onShow: (e: Event) => void;
  /** Why a rule mutes it ("muted: tag Diffusion"); none when the user hid it. */
  reason?: string;
}

/**
 * What a hidden card collapses to: its title, muted, and a way back. A card muted by a rule says
 * which rule; its Show reveals it for this page view only. Patched in place (Show keeps the focus).
 */
export function mountHiddenRow(container: HTMLElement): { update(props: HiddenRowProps): void } {
  const doc = container.ownerDocument;
  let onShow: (e: Event) => void = () => {};
  const reason = el(doc, 'span', { class: 'reason' });
  const title = el(doc, 'span', { class: 'title', id: 'title' });
  const show = button(doc, { class: 'btn', 'aria-describedby': 'title' }, 'Show', (e) => onShow(e));
  const row = el(doc, 'div', { class: 'collapsed' });
  container.replaceChildren(row);
  return {
    update(props) {
      onShow = props.onShow;
      setText(title, props.title);
      setAttr(title, 'title', props.title);
      setText(reason, props.reason ?? '');
      setChildren(row, props.reason ? [reason, title, show] : [title, show]);
    },
  };
}

/** "3 papers hidden on this page (2 by you, 1 muted by rules)". */
export function hiddenText(byYou: number, muted: number): string {
  const count = byYou + muted;
  if (count === 0) return '';
  const head = count === 1 ? '1 paper hidden on this page' : `${count} papers hidden on this page`;
  if (muted === 0) return head;
  return `${head} (${byYou} by you, ${muted} muted by rules)`;
}

export interface HiddenSummaryProps {
  byYou: number;
  muted: number;
  peeking: boolean;
  onToggle: () => void;
}

/**
 * "N hidden on this page · show all", above the list. The status line stays in the page (empty when
 * nothing is hidden) so screen readers announce changes to it.
 */
export function mountHiddenSummary(container: HTMLElement): { update(props: HiddenSummaryProps): void } {
  const doc = container.ownerDocument;
  let onToggle = () => {};
  const status = el(doc, 'span', { role: 'status' });
  const dot = el(doc, 'span', { 'aria-hidden': 'true' }, '·');
  const toggle = button(doc, {}, '', () => onToggle());
  const root = el(doc, 'div', { class: 'summary' }, status);
  container.append(root);
  return {
    update({ byYou, muted, peeking, onToggle: next }) {
      onToggle = next;
      const text = hiddenText(byYou, muted);
      setText(status, text);
      setText(toggle, peeking ? 'collapse hidden' : 'show all');
      setChildren(root, byYou + muted > 0 ? [status, dot, toggle] : [status]);
    },
  };
}
