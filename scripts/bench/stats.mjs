// Summaries of repeated measurements: median with min–max, and p95 where a tail matters.

const sorted = (xs) => [...xs].sort((a, b) => a - b);

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(xs, p) {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function median(xs) {
  const s = sorted(xs);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** To 0.1; null for no number. */
export const round1 = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10) / 10);

/** { median, min, max, p95, n } rounded to 0.1; null when there is nothing to summarise. */
export function summarise(values) {
  const xs = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  if (xs.length === 0) return null;
  const s = sorted(xs);
  return { median: round1(median(s)), min: round1(s[0]), max: round1(s.at(-1)), p95: round1(percentile(s, 95)), n: s.length };
}

/** Total blocking time: the part of each long task beyond 50 ms. */
export const totalBlocking = (tasks) => tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
export const longest = (tasks) => tasks.reduce((max, t) => Math.max(max, t.duration), 0);
