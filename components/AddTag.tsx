import { useRef, useState } from 'preact/hooks';

/**
 * "+ Tag": a small inline field to add a tag of one's own. `onAdd` gets the last input event, for
 * the caller to decide whether it counts: a submit is a trusted event even when a page's script
 * calls requestSubmit(), but typing can only be the user's.
 */
export function AddTag({
  onAdd,
  name,
  initiallyOpen = false,
}: {
  onAdd: (label: string, typed: Event) => void;
  /** The paper's title, where several papers are listed. */
  name?: string;
  /** Mounted by a click on a "+ Tag" button of its own (the cards'): the field shows at once. */
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const [value, setValue] = useState('');
  const lastInput = useRef<Event | null>(null);
  if (!open) {
    return (
      <button type="button" class="btn add-tag" aria-label={name ? `Add a tag to ${name}` : 'Add a tag'} onClick={() => setOpen(true)}>
        + Tag
      </button>
    );
  }
  const done = () => {
    setOpen(false);
    setValue('');
  };
  return (
    <form
      class="add-tag-form"
      onSubmit={(e) => {
        e.preventDefault();
        // Read from the field itself: a submit can come before the last input event's re-render.
        const field = (e.currentTarget as HTMLFormElement).querySelector('input');
        const label = (field?.value ?? value).trim().replace(/\s+/g, ' ');
        if (label && lastInput.current) onAdd(label.slice(0, 80), lastInput.current);
        lastInput.current = null;
        done();
      }}
    >
      <input
        ref={(el) => el?.focus()}
        class="tag-input"
        aria-label={name ? `New tag for ${name}` : 'New tag'}
        maxLength={80}
        value={value}
        onInput={(e) => {
          lastInput.current = e;
          setValue((e.target as HTMLInputElement).value);
        }}
        onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), done())}
        onBlur={() => !value.trim() && done()}
      />
      <button type="submit" class="btn">
        Add
      </button>
    </form>
  );
}
