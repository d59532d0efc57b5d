// The "+ Tag" widget (components/add-tag.ts), as the cards and the library's rows use it.
import { describe, expect, it, vi } from 'vitest';
import { mountAddTag } from '@/components/add-tag';

function setUp(name?: string) {
  const slot = document.createElement('span');
  document.body.append(slot);
  const onAdd = vi.fn();
  mountAddTag(slot, { onAdd, name });
  const open = () => slot.querySelector<HTMLElement>('[role="button"].add-tag')!.click();
  const field = () => slot.querySelector<HTMLInputElement>('input.tag-input');
  const type = (text: string) => {
    field()!.value = text;
    field()!.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const submit = () => slot.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
  return { slot, onAdd, open, field, type, submit };
}

describe('mountAddTag', () => {
  it('opens a focused field; a typed tag is given with its input event, spaces folded; then it closes', () => {
    const t = setUp();
    expect(t.slot.querySelector('[role="button"].add-tag')!.getAttribute('aria-label')).toBe('Add a tag');
    t.open();
    expect(document.activeElement).toBe(t.field());
    expect(t.field()!.maxLength).toBe(80);
    t.type('  to   cite ');
    t.submit();
    expect(t.onAdd).toHaveBeenCalledWith('to cite', expect.any(Event));
    expect(t.field()).toBeNull();
    expect(t.slot.querySelector('[role="button"].add-tag')).not.toBeNull();
  });

  it('opens with Enter or Space as a button would, keeping the key from the page (a button by role: see roleButton)', () => {
    const t = setUp();
    const open = t.slot.querySelector<HTMLElement>('[role="button"].add-tag')!;
    expect(open.tabIndex).toBe(0);
    const other = new KeyboardEvent('keydown', { key: 'a', cancelable: true });
    open.dispatchEvent(other);
    expect(t.field()).toBeNull();
    expect(other.defaultPrevented).toBe(false);
    for (const key of ['Enter', ' ']) {
      const press = new KeyboardEvent('keydown', { key, cancelable: true });
      t.slot.querySelector<HTMLElement>('[role="button"].add-tag')!.dispatchEvent(press);
      expect(press.defaultPrevented).toBe(true);
      expect(document.activeElement).toBe(t.field());
      t.field()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      expect(t.field()).toBeNull();
      expect(document.activeElement).toBe(t.slot.querySelector('.add-tag')); // back where the keyboard user was
    }
    // Held down, the key acts once, and its repeats do not submit the field it opened.
    const plus = t.slot.querySelector<HTMLElement>('.add-tag')!;
    plus.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    plus.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true, repeat: true }));
    const repeat = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true, repeat: true });
    t.field()!.dispatchEvent(repeat);
    expect(repeat.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(t.field());
  });

  it('gives the focus back to "+ Tag" after a tag is added, not after the field is left', () => {
    const t = setUp();
    t.open();
    t.type('to cite');
    t.submit();
    expect(document.activeElement).toBe(t.slot.querySelector('.add-tag'));
    t.open();
    const elsewhere = document.body.appendChild(document.createElement('button'));
    elsewhere.focus();
    t.field()?.dispatchEvent(new FocusEvent('blur'));
    expect(t.field()).toBeNull();
    expect(document.activeElement).toBe(elsewhere);
  });

  it('adds nothing that was not typed, and closes on Escape or on leaving it empty', () => {
    const t = setUp('The Llama 3 Herd');
    expect(t.slot.querySelector('[role="button"]')!.getAttribute('aria-label')).toBe('Add a tag to The Llama 3 Herd');
    t.open();
    t.field()!.value = 'set by a script';
    t.submit(); // no input event: no typing
    expect(t.onAdd).not.toHaveBeenCalled();
    t.open();
    t.field()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(t.field()).toBeNull();
    t.open();
    t.field()!.dispatchEvent(new FocusEvent('blur'));
    expect(t.field()).toBeNull();
    t.open();
    t.type('kept');
    t.field()!.dispatchEvent(new FocusEvent('blur'));
    expect(t.field()!.value).toBe('kept'); // not empty: stays open
  });
});
