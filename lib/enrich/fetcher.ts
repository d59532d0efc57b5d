// Asks Hugging Face's API about papers politely: a few requests at a time, one request per paper
// however often it is asked for, a timeout for slow answers, and backoff on 429/5xx (honouring
// Retry-After) that pauses the whole queue, not just the one request.
import { paperApiUrl, toEnrichment, type Enrichment } from './hf-api';

export interface FetcherOptions {
  fetch: (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;
  now?: () => number;
  concurrency?: number;
  timeoutMs?: number;
  /** Attempts after the first, for 429, 5xx, network errors and timeouts. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Fetcher {
  private readonly opts: Required<FetcherOptions>;
  private readonly waiting: string[] = [];
  private readonly pending = new Map<string, { promise: Promise<Enrichment>; resolve: (e: Enrichment) => void }>();
  private active = 0;
  private pausedUntil = 0;
  /** Requests actually sent (for tests and the options page's health line). */
  sent = 0;

  constructor(opts: FetcherOptions) {
    this.opts = {
      now: Date.now,
      concurrency: 3,
      timeoutMs: 8_000,
      retries: 3,
      baseDelayMs: 1_000,
      maxDelayMs: 60_000,
      ...opts,
    };
  }

  /** The API's answer for a paper; concurrent asks for the same id share one request. */
  get(id: string): Promise<Enrichment> {
    const known = this.pending.get(id);
    if (known) return known.promise;
    let resolve!: (e: Enrichment) => void;
    const promise = new Promise<Enrichment>((r) => (resolve = r));
    this.pending.set(id, { promise, resolve });
    this.waiting.push(id);
    this.pump();
    return promise;
  }

  private pump() {
    while (this.active < this.opts.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      this.active++;
      void this.run(id).then((result) => {
        this.active--;
        this.pending.get(id)?.resolve(result);
        this.pending.delete(id);
        this.pump();
      });
    }
  }

  private async run(id: string): Promise<Enrichment> {
    for (let attempt = 0; ; attempt++) {
      const wait = this.pausedUntil - this.opts.now();
      if (wait > 0) await sleep(wait);
      const outcome = await this.attempt(id);
      if (outcome.kind === 'done') return outcome.value;
      if (attempt >= this.opts.retries) return toEnrichment(id, null, this.opts.now());
      const backoff = Math.min(this.opts.maxDelayMs, outcome.retryAfterMs ?? this.opts.baseDelayMs * 2 ** attempt);
      // A 429 means "you, slow down": every request waits, not just this one.
      if (outcome.throttled) this.pausedUntil = Math.max(this.pausedUntil, this.opts.now() + backoff);
      await sleep(backoff);
    }
  }

  private async attempt(id: string): Promise<
    { kind: 'done'; value: Enrichment } | { kind: 'retry'; throttled: boolean; retryAfterMs?: number }
  > {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.opts.timeoutMs);
    try {
      this.sent++;
      const res = await this.opts.fetch(paperApiUrl(id), { signal: controller.signal, headers: { Accept: 'application/json' } });
      if (res.status === 429 || res.status >= 500) {
        return { kind: 'retry', throttled: res.status === 429, retryAfterMs: retryAfterMs(res.headers.get('Retry-After'), this.opts.now()) };
      }
      const now = this.opts.now();
      // 404: Hugging Face has no page for this paper; it knows no code for it.
      if (res.status === 404) return { kind: 'done', value: toEnrichment(id, { id }, now) };
      if (!res.ok) return { kind: 'done', value: toEnrichment(id, null, now) };
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        body = null; // malformed JSON: an 'error' entry, kept briefly
      }
      return { kind: 'done', value: toEnrichment(id, body, now) };
    } catch {
      return { kind: 'retry', throttled: false }; // network error or timeout
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
