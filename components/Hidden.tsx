// What a hidden or muted card collapses to, and the line above the list that counts them.

/**
 * What a hidden card collapses to: its title, muted, and a way back. A card muted by a rule says
 * which rule ("muted: tag Diffusion"); its Show reveals it for this page view only.
 */
export function HiddenRow({ title, onShow, reason }: { title: string; onShow: (e: Event) => void; reason?: string }) {
  return (
    <div class="collapsed">
      {reason && <span class="reason">{reason}</span>}
      <span class="title" id="title" title={title}>
        {title}
      </span>
      <button type="button" class="btn" onClick={onShow} aria-describedby="title">
        Show
      </button>
    </div>
  );
}

/** "3 papers hidden on this page (2 by you, 1 muted by rules)". */
export function hiddenText(byYou: number, muted: number): string {
  const count = byYou + muted;
  if (count === 0) return '';
  const head = count === 1 ? '1 paper hidden on this page' : `${count} papers hidden on this page`;
  if (muted === 0) return head;
  return `${head} (${byYou} by you, ${muted} muted by rules)`;
}

/**
 * "N hidden on this page · show all", above the list. The status line stays mounted (empty when
 * nothing is hidden) so screen readers announce changes to it.
 */
export function HiddenSummary({ byYou, muted, peeking, onToggle }: { byYou: number; muted: number; peeking: boolean; onToggle: () => void }) {
  const count = byYou + muted;
  return (
    <div class="summary">
      <span role="status">{hiddenText(byYou, muted)}</span>
      {count > 0 && (
        <>
          <span aria-hidden="true">·</span>
          <button type="button" onClick={onToggle}>
            {peeking ? 'collapse hidden' : 'show all'}
          </button>
        </>
      )}
    </div>
  );
}
