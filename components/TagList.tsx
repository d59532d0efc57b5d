export interface TagView {
  label: string;
  /** 'hf' chips (Hugging Face's own keywords) are drawn differently from our topics. */
  source?: 'topic' | 'hf';
  /** Why the tag was given; shown on hover and focus. */
  why?: string;
}

export function TagList({ tags }: { tags: readonly TagView[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="tags" role="list" aria-label="Tags">
      {tags.map((t) => (
        <li
          key={t.label}
          role="listitem"
          class={t.source === 'hf' ? 'chip hf' : 'chip'}
          title={t.why}
        >
          {t.label}
        </li>
      ))}
    </ul>
  );
}
