// "+ Tag": a small inline field to add a tag of one's own, built with the DOM so that the cards'
// controls (components/card-controls.ts) ship no Preact hooks to every page; the library's rows
// mount the same widget through AddTag.tsx.
import { oneSpaced } from '@/lib/fold';
import { roleButton } from './dom';

export interface AddTagOptions {
  /**
   * Gets the label and the last input event, for the caller to decide whether it counts: a submit
   * is a trusted event even when a page's script calls requestSubmit(), but typing can only be the
   * user's.
   */
  onAdd: (label: string, typed: Event) => void;
  /** The paper's title, where several papers are listed. */
  name?: string;
}

/** Puts the "+ Tag" button in `slot`; a click opens the field there. Returns the clean-up. */
export function mountAddTag(slot: HTMLElement, options: AddTagOptions): () => void {
  const doc = slot.ownerDocument;
  // The field is made on the first click: few of a listing's "+ Tag"s are used.
  let form: HTMLFormElement | undefined;
  // A button by role: a listing has a "+ Tag" on every card (see roleButton).
  const open = roleButton(doc, { className: 'btn add-tag', name: options.name ? `Add a tag to ${options.name}` : 'Add a tag', text: '+ Tag' }, () => {
    form ??= makeForm(doc, options, (refocus) => {
      slot.replaceChildren(open);
      if (refocus) open.focus(); // the keyboard user's place: back on "+ Tag"
    });
    slot.replaceChildren(form);
    form.querySelector('input')!.focus();
  });
  slot.replaceChildren(open);
  return () => slot.replaceChildren();
}

function makeForm(doc: Document, { onAdd, name }: AddTagOptions, closed: (refocus: boolean) => void): HTMLFormElement {
  const form = doc.createElement('form');
  form.className = 'add-tag-form';
  const field = doc.createElement('input');
  field.className = 'tag-input';
  field.setAttribute('aria-label', name ? `New tag for ${name}` : 'New tag');
  field.maxLength = 80;
  const add = doc.createElement('button');
  add.type = 'submit';
  add.className = 'btn';
  add.textContent = 'Add';
  form.append(field, add);

  let lastInput: Event | null = null;
  /** `refocus`: the field had the focus (Escape, Enter), which goes back to "+ Tag". */
  const close = (refocus: boolean) => {
    field.value = '';
    lastInput = null;
    closed(refocus);
  };
  field.addEventListener('input', (e) => (lastInput = e));
  field.addEventListener('keydown', (e) => {
    // The Enter that opened the field, held down, repeats here: it must not submit it empty.
    if (e.key === 'Enter' && e.repeat) e.preventDefault();
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close(true);
  });
  field.addEventListener('blur', () => {
    if (!field.value.trim()) close(false);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const label = oneSpaced(field.value.trim());
    if (label && lastInput) onAdd(label.slice(0, 80), lastInput);
    close(true);
  });
  return form;
}
