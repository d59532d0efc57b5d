/** Said once, quietly, when a page shows papers but none of its cards could be recognised. */
export function LayoutNotice({ onDismiss }: { onDismiss: () => void }) {
  return (
    <div class="notice" role="status">
      <span>Papers layout not recognised — controls unavailable</span>
      <button type="button" class="btn" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
