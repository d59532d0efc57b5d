import { useRef, useState } from 'preact/hooks';

export interface TagView {
  label: string;
  /** Where it came from: our topics, Hugging Face's keywords, a user rule, or added by hand. */
  source?: 'topic' | 'hf' | 'user' | 'manual';
  /** Why the tag was given; shown on hover and on focus. */
  why?: string;
  /** A user rule's colour (#rrggbb, validated by the background). */
  color?: string;
}

export interface TagListProps {
  tags: readonly TagView[];
  /** Removes a manual tag (shows a remove button on manual chips). */
  onRemove?: (label: string, e: Event) => void;
  /** "Mute this tag": collapse papers carrying it (a small button on the chip's hover/focus). */
  onMute?: (label: string, e: Event) => void;
}

/**
 * The tags as a list of chips. Each chip can take focus, so the keyboard user also gets the "why"
 * (drawn from a data attribute by CSS: page text stays text).
 */
export function TagList({ tags, onRemove, onMute }: TagListProps) {
  if (tags.length === 0) return null;
  return (
    <ul class="tags" role="list" aria-label="Tags">
      {tags.map((t) => {
        const remove = t.source === 'manual' && onRemove;
        const color = t.color && /^#[0-9a-fA-F]{6}$/.test(t.color) ? t.color : undefined;
        return (
          <li
            key={t.label}
            role="listitem"
            class={`chip ${t.source ?? 'topic'}`}
            title={t.why}
            data-why={t.why}
            // A chip with a button is reached through it (one tab stop), and shows its "why" then.
            tabIndex={remove || onMute ? undefined : 0}
            style={color ? { borderColor: color, boxShadow: `inset 3px 0 0 ${color}` } : undefined}
          >
            {t.label}
            {remove ? (
              // The glyphs come from CSS: a chip's text is its label alone.
              <button type="button" class="x remove" aria-label={`Remove tag ${t.label}`} onClick={(e) => onRemove(t.label, e)} />
            ) : (
              onMute && (
                <button type="button" class="x mute" aria-label={`Mute tag ${t.label}`} title={`Mute: collapse papers tagged ${t.label}`} onClick={(e) => onMute(t.label, e)} />
              )
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * "+ Tag": a small inline field to add a tag of one's own. `onAdd` gets the last input event, for
 * the caller to decide whether it counts: a submit is a trusted event even when a page's script
 * calls requestSubmit(), but typing can only be the user's.
 */
export function AddTag({ onAdd, name }: { onAdd: (label: string, typed: Event) => void; /** The paper's title, where several papers are listed. */ name?: string }) {
  const [open, setOpen] = useState(false);
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
