// The "+ Tag" widget (components/add-tag.ts) in a Preact tree: the library's rows.
import { useEffect, useRef } from 'preact/hooks';
import { mountAddTag, type AddTagOptions } from './add-tag';

export function AddTag({ onAdd, name }: AddTagOptions) {
  const slot = useRef<HTMLSpanElement>(null);
  // The newest handler, without mounting the widget again (an open field would close).
  const latest = useRef(onAdd);
  latest.current = onAdd;
  useEffect(() => (slot.current ? mountAddTag(slot.current, { onAdd: (label, typed) => latest.current(label, typed), name }) : undefined), [name]);
  return <span class="slot" ref={slot} />;
}
