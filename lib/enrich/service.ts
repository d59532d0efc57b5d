// The background's enrichment service: cached answers at once, fresh ones fetched in the
// background (never for hidden papers, never when the user turned it off), each pushed to the
// open tabs as it arrives. The API being down only means cached or page data is shown.
import type { TriageDB } from '../db';
import type { Enrichment } from './hf-api';
import type { Fetcher } from './fetcher';

const HOUR = 3_600_000;
/** How long an answer is trusted: found code rarely changes; "none yet" may change soon. */
export const FRESH_FOR: Record<Enrichment['status'], number> = {
  found: 7 * 24 * HOUR,
  none: 24 * HOUR,
  error: HOUR / 6,
};

/** A cached answer: the API's, or the last good one kept through a failed refresh. */
export type CachedEnrichment = Enrichment & { expiresAt: number };

export function isFresh(e: CachedEnrichment, now: number): boolean {
  return now < e.expiresAt;
}

/** What to store after a fetch: a failed refresh keeps the last good answer, re-checked soon. */
export function nextCacheEntry(fetched: Enrichment, previous: CachedEnrichment | undefined, now: number): CachedEnrichment {
  if (fetched.status === 'error' && previous && previous.status !== 'error') {
    return { ...previous, expiresAt: now + FRESH_FOR.error };
  }
  return { ...fetched, expiresAt: now + FRESH_FOR[fetched.status] };
}

export interface EnrichServiceDeps {
  db: TriageDB;
  fetcher: Pick<Fetcher, 'get'>;
  enabled: () => Promise<boolean>;
  onUpdate: (entries: CachedEnrichment[]) => void;
  now?: () => number;
}

export function createEnrichService({ db, fetcher, enabled, onUpdate, now = Date.now }: EnrichServiceDeps) {
  return {
    /**
     * What is known for these papers now (from the cache, fresh or not), and a fetch started for
     * those whose entry is missing or stale. Results of the fetch arrive through onUpdate.
     */
    async lookup(ids: string[]): Promise<{ known: CachedEnrichment[]; fetching: string[] }> {
      const unique = [...new Set(ids)];
      const [cached, papers] = await Promise.all([db.links.bulkGet(unique), db.papers.bulkGet(unique)]);
      const known = cached.filter((e): e is CachedEnrichment => !!e);
      let toFetch: string[] = [];
      if (await enabled()) {
        const t = now();
        toFetch = unique.filter((id, i) => !papers[i]?.hiddenAt && !(cached[i] && isFresh(cached[i]!, t)));
        for (const id of toFetch) {
          void fetcher.get(id).then(async (fetched) => {
            const entry = nextCacheEntry(fetched, await db.links.get(id), now());
            await db.links.put(entry);
            onUpdate([entry]);
          }).catch((err: unknown) => console.warn('[hf-papers-triage] enrichment not stored', err));
        }
      }
      return { known, fetching: toFetch };
    },
  };
}
export type EnrichService = ReturnType<typeof createEnrichService>;
