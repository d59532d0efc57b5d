// Giving the page's event loop a turn between pieces of our work.

/** Lets the page run (input, rendering) first; scheduler.yield() then resumes ahead of other tasks. */
export function yieldToPage(next: () => void) {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  // A yield that rejects or throws (an aborted task, an odd binding in the extension's world) must
  // not stop the building for good: fall back to a timer.
  try {
    if (scheduler?.yield) return void scheduler.yield().then(next, () => setTimeout(next, 0));
  } catch {
    /* fall through */
  }
  setTimeout(next, 0);
}
