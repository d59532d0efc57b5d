// A card's controls (tags, Star, Hide, code and project links), built with the DOM itself and
// patched in place: a page of 100 or 1000 cards draws them on load, when no code of a fresh
// content script is compiled yet, and a virtual DOM's diff then cost ~0.45 ms a card (`npm run
// bench`). Page text goes
// in as text (textContent, attribute values), never as markup; links are validated https already.
import type { PaperState } from '@/lib/messages';
import { mountAddTag } from './add-tag';
import { button, el, roleButton, setChildren } from './dom';
import { compactCount, hostOf } from './format';

export interface TagView {
  label: string;
  /** Where it came from: our topics, Hugging Face's keywords, a user rule, or added by hand. */
  source?: 'topic' | 'hf' | 'user' | 'manual';
  /** Why the tag was given; shown on hover and on focus. */
  why?: string;
  /** A user rule's colour (#rrggbb, validated by the background). */
  color?: string;
}

export interface ExtraLink {
  label: string;
  url: string;
}

export interface LinkView {
  /** The primary code link: a normalised https repository URL. */
  codeUrl?: string;
  /** "owner/repo". */
  codeName?: string;
  codeStars?: number;
  /** An https project page. */
  projectUrl?: string;
  /** Further links (other repositories, demos, datasets, models), behind "+N". */
  extra?: ExtraLink[];
  /** Without a code link: asking Hugging Face, Hugging Face knows none, or not asked. */
  codeStatus?: 'checking' | 'none' | 'unchecked';
  /** Models, datasets and Spaces citing the paper on Hugging Face ("3 models · 2 Spaces"). */
  citing?: { text: string; label: string; url: string };
}

export interface CardView {
  id: string;
  title: string;
  tags: TagView[];
  links: LinkView;
  /** A highlight rule matched: why ("highlighted: author Kaiming He") and its colour. */
  highlight?: { reason: string; color?: string };
}

export interface CardHandlers {
  onStar: (e: Event) => void;
  onHide: (e: Event) => void;
  onAddTag?: (label: string, e: Event) => void;
  onRemoveTag?: (label: string, e: Event) => void;
  /** "Mute this tag": a small button on each chip (listing cards). */
  onMuteTag?: (label: string, e: Event) => void;
}

export interface CardProps {
  view: CardView;
  state: PaperState;
  /** Not seen on an earlier visit. */
  isNew?: boolean;
}

export interface CardControlsHandle {
  /** Shows these props, changing only what differs from the last ones. */
  update(props: CardProps): void;
  destroy(): void;
}

const STATUS_TEXT = {
  checking: ['Checking code…', 'Asking Hugging Face for this paper’s code'],
  none: ['No code yet', 'Hugging Face knows no repository for this paper yet'],
  unchecked: ['Code not checked', 'No code link on this page; lookups on Hugging Face are off or failed'],
} as const;

const COLOR = /^#[0-9a-fA-F]{6}$/;

const icon = (doc: Document, name: string) => el(doc, 'span', { class: `icon icon-${name}`, 'aria-hidden': 'true' });

/** The parts every card has, built once per document and cloned for each card (one native call). */
const skeletons = new WeakMap<Document, HTMLElement>();
function skeleton(doc: Document): HTMLElement {
  let s = skeletons.get(doc);
  if (!s) {
    const star = el(doc, 'button', { type: 'button', class: 'btn star' }, icon(doc, 'star'), 'Star');
    const hide = el(doc, 'button', { type: 'button', class: 'btn hide' }, icon(doc, 'eye-off'), 'Hide');
    // Slots (display: contents): what they hold sits in the row as if they were not there.
    const controls = el(doc, 'div', { class: 'controls' }, el(doc, 'div', { class: 'row' }), el(doc, 'div', { class: 'row' }, star, hide, el(doc, 'span', { class: 'slot' })));
    s = el(
      doc,
      'div',
      {},
      controls,
      el(doc, 'span', { class: 'new', title: 'Not seen on an earlier visit' }, 'New'),
      el(doc, 'span', { class: 'highlight' }),
      el(doc, 'ul', { class: 'tags', role: 'list', 'aria-label': 'Tags' }),
      el(doc, 'span', { class: 'slot' }),
    );
    skeletons.set(doc, s);
  }
  return s.cloneNode(true) as HTMLElement;
}

/** Tags, then Star / Hide and the code and project links, under a card's title. */
export function mountCardControls(container: HTMLElement, handlers: CardHandlers): CardControlsHandle {
  const doc = container.ownerDocument;
  const [controls, newMark, highlight, tags, addSlot] = [...skeleton(doc).children] as HTMLElement[];
  const [tagRow, buttonRow] = [...controls.children] as HTMLElement[];
  const [star, hide, links] = [...buttonRow.children] as HTMLElement[];
  const starIcon = star.firstElementChild!;
  const hideText = hide.lastChild as Text;
  container.replaceChildren(controls);
  star.addEventListener('click', handlers.onStar);
  hide.addEventListener('click', handlers.onHide);

  if (handlers.onAddTag) mountAddTag(addSlot, { onAdd: handlers.onAddTag });

  let last: CardProps | undefined;
  return {
    update(props) {
      const { view, state, isNew } = props;
      const prev = last;
      // The same view and state: nothing to change (a card taking the controls built for it).
      if (prev && prev.view === view && prev.state === state && prev.isNew === isNew) return;
      last = props;
      if (!prev || prev.view.highlight !== view.highlight) {
        if (view.highlight) {
          const { reason, color } = view.highlight;
          highlight.textContent = reason.replace(/^highlighted: /, '★ ');
          highlight.title = reason;
          highlight.style.borderColor = color && COLOR.test(color) ? color : '';
        }
      }
      if (!prev || prev.view.tags !== view.tags) tags.replaceChildren(...view.tags.map((t) => chip(doc, t, handlers)));
      // New, highlight, tags, + Tag: those that show, in that order.
      const row = [isNew && newMark, view.highlight && highlight, view.tags.length > 0 && tags, addSlot].filter((n): n is HTMLElement => !!n);
      if (row.length !== tagRow.childNodes.length || row.some((n, i) => tagRow.childNodes[i] !== n)) setChildren(tagRow, row); // "+ Tag" keeps the focus

      if (!prev || prev.state.starred !== state.starred) {
        star.setAttribute('aria-pressed', String(state.starred));
        star.title = state.starred ? 'In your library: click to remove it' : 'Save this paper to your library';
        starIcon.className = `icon icon-${state.starred ? 'star-filled' : 'star'}`;
      }
      if (!prev || prev.state.hidden !== state.hidden) {
        hide.setAttribute('aria-label', state.hidden ? 'Show' : 'Hide');
        hide.title = state.hidden ? 'Stop hiding this paper' : 'Hide this paper everywhere on Hugging Face Papers';
        hideText.data = state.hidden ? 'Show' : 'Hide';
      }
      if (!prev || prev.view.links !== view.links) links.replaceChildren(...linkBadges(doc, view.links));
    },
    destroy() {
      container.replaceChildren();
    },
  };
}

/** A tag chip. It can take focus, so the keyboard user also gets the "why" (CSS draws data-why). */
function chip(doc: Document, t: TagView, { onRemoveTag, onMuteTag }: CardHandlers): HTMLElement {
  // Property by property (a listing draws some 5 chips a card, before any of this code is hot).
  const li = doc.createElement('li');
  li.setAttribute('role', 'listitem');
  li.className = `chip ${t.source ?? 'topic'}`;
  if (t.why !== undefined) {
    li.title = t.why;
    li.dataset.why = t.why;
  }
  li.textContent = t.label;
  if (t.color && COLOR.test(t.color)) {
    li.style.borderColor = t.color;
    li.style.boxShadow = `inset 3px 0 0 ${t.color}`;
  }
  // The glyphs come from CSS: a chip's text is its label alone.
  const remove = t.source === 'manual' ? onRemoveTag : undefined;
  const act = remove ?? onMuteTag;
  if (!act) {
    li.tabIndex = 0; // a chip with a button is reached through it (one tab stop), and shows its "why" then
    return li;
  }
  // A button by role (roleButton): a listing has some five chips a card.
  const name = `${remove ? 'Remove' : 'Mute'} tag ${t.label}`;
  const x = roleButton(doc, { className: remove ? 'x remove' : 'x mute', name, title: remove ? undefined : `Mute: collapse papers tagged ${t.label}` }, (e) => act(t.label, e));
  li.append(x);
  return li;
}

/** A link's host, else the link as it is. */
const hostOrUrl = (url: string) => hostOf(url) ?? url;

const external = (doc: Document, url: string, attrs: Record<string, string | undefined>, ...children: (Node | string)[]) =>
  el(doc, 'a', { class: 'btn link', href: url, target: '_blank', rel: 'noopener noreferrer', title: url, ...attrs }, ...children);

/** The "Code …" and "Project page" links, what is known of the code otherwise, and "+N" more. */
function linkBadges(doc: Document, links: LinkView): Node[] {
  const { codeUrl, codeName, codeStars, projectUrl, extra = [], codeStatus, citing } = links;
  const out: Node[] = [];
  if (codeUrl) {
    // The name starts with what the badge shows, word for word (speech input users say what they see).
    const starsText = codeStars !== undefined ? ` ★ ${compactCount(codeStars)} (${codeStars} GitHub stars)` : '';
    const label = `Code ${codeName ?? ''}${starsText}`.replace('  ', ' ').trim();
    const parts: (Node | string)[] = [icon(doc, 'code'), 'Code '];
    if (codeName) parts.push(el(doc, 'span', { class: 'sub' }, codeName));
    if (codeStars !== undefined) parts.push(' ', el(doc, 'span', { class: 'sub' }, `★ ${compactCount(codeStars)}`));
    out.push(external(doc, codeUrl, { 'aria-label': label }, ...parts));
  } else {
    const [text, title] = STATUS_TEXT[codeStatus ?? 'unchecked'];
    out.push(el(doc, 'span', { class: 'none', title }, text));
  }
  if (projectUrl) out.push(external(doc, projectUrl, { 'aria-label': `Project page: ${hostOrUrl(projectUrl)}` }, icon(doc, 'globe'), 'Project page'));
  if (citing) out.push(external(doc, citing.url, { 'aria-label': citing.label, title: citing.label }, citing.text));
  if (extra.length > 0) {
    const shown = extra.map((l) => external(doc, l.url, {}, l.label, el(doc, 'span', { class: 'sub' }, hostOrUrl(l.url))));
    const more = button(doc, { class: 'btn more', 'aria-expanded': 'false', 'aria-label': `${extra.length} more links` }, `+${extra.length}`, () => {
      const expanded = more.getAttribute('aria-expanded') !== 'true';
      more.setAttribute('aria-expanded', String(expanded));
      if (expanded) more.after(...shown);
      else shown.forEach((a) => a.remove());
    });
    out.push(more);
  }
  return out;
}

