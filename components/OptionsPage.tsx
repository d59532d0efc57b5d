// The options page: settings, and what the extension keeps. Reads the database live; changes go
// to the background (the single writer).
import { useState } from 'preact/hooks';
import type { TriageDB } from '@/lib/db';
import { useLiveQuery } from '@/lib/db/use-live-query';
import type { Reply, Request } from '@/lib/messages';
import { readSettings } from '@/lib/settings-store';
import { FRESH_FOR } from '@/lib/enrich/service';

export interface OptionsPageProps {
  db: TriageDB;
  send: (request: Request) => Promise<Reply>;
}

const days = (ms: number) => Math.round(ms / 86_400_000);

export function OptionsPage({ db, send }: OptionsPageProps) {
  const settings = useLiveQuery(() => readSettings(db), [db]);
  const counts = useLiveQuery(
    async () => ({
      starred: await db.papers.where('starredAt').above(0).count(),
      hidden: await db.papers.where('hiddenAt').above(0).count(),
      links: await db.links.count(),
    }),
    [db],
  );
  const health = useLiveQuery(() => db.health.orderBy('seq').reverse().toArray(), [db]);
  const [error, setError] = useState<string | null>(null);

  async function setEnrichment(value: boolean) {
    const reply = await send({ type: 'setSettings', patch: { enrichment: value } }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    setError(reply.ok ? null : reply.error);
  }

  return (
    <main>
      <h1>HF Papers Triage</h1>

      <h2>Code links</h2>
      <section>
        <label class="toggle">
          <input
            type="checkbox"
            checked={settings?.enrichment ?? true}
            disabled={!settings}
            onChange={(e) => void setEnrichment((e.currentTarget as HTMLInputElement).checked)}
          />
          Look up code links on Hugging Face
        </label>
        <p class="explain">
          When a card's page data names no repository, the extension asks Hugging Face's own API,{' '}
          <code>https://huggingface.co/api/papers/&lt;arXiv id&gt;</code>, for the paper's repository, GitHub stars, project
          page and the models, datasets and Spaces citing it. Only huggingface.co is asked, without your cookies, at most
          three requests at a time, never for papers you hid. Answers are kept {days(FRESH_FOR.found)} days when code is
          found and {days(FRESH_FOR.none)} day when none is. Turn this off and the extension makes no requests at all: cards
          show what the page itself says.
        </p>
        {error && <p class="error" role="alert">{error}</p>}
      </section>

      <h2>Page health</h2>
      <section>
        <p class="explain" style={{ marginLeft: 0, marginTop: 0 }}>
          The last pages the extension ran on, and whether it recognised their layout. When Hugging Face changes its
          pages, this is where it shows.
        </p>
        {health && health.length > 0 ? (
          <table class="health">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Page</th>
                <th scope="col">Papers linked</th>
                <th scope="col">Cards with controls</th>
                <th scope="col">Layout</th>
              </tr>
            </thead>
            <tbody>
              {health.map((h) => (
                <tr key={h.seq}>
                  <td>{new Date(h.at).toLocaleString()}</td>
                  <td class="path">{h.path}</td>
                  <td>{h.papersLinked}</td>
                  <td>{h.cardsAnnotated}</td>
                  <td>{h.recognised ? 'recognised' : <strong>not recognised</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="explain" style={{ marginLeft: 0 }}>No papers page seen yet.</p>
        )}
      </section>

      <h2>Your data</h2>
      <section>
        <div class="stats" aria-live="polite">
          <span><strong>{counts?.starred ?? '…'}</strong>starred</span>
          <span><strong>{counts?.hidden ?? '…'}</strong>hidden</span>
          <span><strong>{counts?.links ?? '…'}</strong>code-link answers cached</span>
        </div>
        <p class="explain" style={{ marginLeft: 0 }}>
          Everything is stored in this browser's extension storage (IndexedDB), never on a server and never where
          huggingface.co's own scripts could read it.
        </p>
      </section>
    </main>
  );
}
