// The options page: settings, and what the extension keeps. Reads the database live; changes go
// to the background (the single writer), one key at a time with its whole new value.
import { sendSafely } from '@/lib/send';
import { useEffect, useId, useState } from 'preact/hooks';
import { KEY_DESCRIPTIONS } from './KeyHelp';
import type { TriageDB } from '@/lib/db';
import { useLiveQuery } from '@/lib/db/use-live-query';
import type { Reply, Request } from '@/lib/messages';
import { KEY_ACTIONS, type KeyAction, type Settings, type SettingsPatch } from '@/lib/settings';
import { readSettings } from '@/lib/settings-store';
import { FRESH_FOR } from '@/lib/enrich/service';
import { TOPICS } from '@/lib/tags/taxonomy';
import { RulesEditor } from './RulesEditor';

export interface OptionsPageProps {
  db: TriageDB;
  send: (request: Request) => Promise<Reply>;
}

const days = (ms: number) => Math.round(ms / 86_400_000);

/** Saves one or more settings; resolves to the background's error, or null once saved. */
type Save = (patch: SettingsPatch) => Promise<string | null>;

/**
 * The stored settings, with the changes on their way shown at once: a control shows its new state
 * while the background writes it, and its old one again if the background refuses.
 */
function useSettings(db: TriageDB, send: OptionsPageProps['send']): [Settings | undefined, Save] {
  const stored = useLiveQuery(() => readSettings(db), [db]);
  const [pending, setPending] = useState<SettingsPatch>({});
  // A pending value goes once the database shows it.
  useEffect(() => {
    if (!stored) return;
    setPending((p) => {
      const left = Object.entries(p).filter(([k, v]) => JSON.stringify(stored[k as keyof Settings]) !== JSON.stringify(v));
      return left.length === Object.keys(p).length ? p : Object.fromEntries(left);
    });
  }, [stored]);
  const save: Save = async (patch) => {
    setPending((p) => ({ ...p, ...patch }));
    const reply = await sendSafely(send, { type: 'setSettings', patch });
    if (reply.ok) {
      // What the background stored (zod may have trimmed or filled in defaults), unless a newer
      // change of the same setting is already on its way.
      const saved = reply.settings;
      if (saved) {
        setPending((p) => {
          const mine = Object.keys(patch).filter((k) => p[k as keyof SettingsPatch] === patch[k as keyof SettingsPatch]);
          return mine.length ? { ...p, ...Object.fromEntries(mine.map((k) => [k, saved[k as keyof Settings]])) } : p;
        });
      }
      return null;
    }
    setPending((p) => Object.fromEntries(Object.entries(p).filter(([k, v]) => v !== patch[k as keyof SettingsPatch])));
    return reply.error;
  };
  return [stored && { ...stored, ...pending }, save];
}

export function OptionsPage({ db, send }: OptionsPageProps) {
  const [settings, save] = useSettings(db, send);
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
    setError(await save({ enrichment: value }));
  }

  return (
    <main>
      <h1>HF Papers Triage</h1>
      <p>
        <a href="/library.html">Open your library</a>: saved and hidden papers, notes, reading status, export and import.
      </p>

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

      <RulesEditor rules={settings?.rules} onSave={(rules) => save({ rules })} />

      <TopicsSection settings={settings} save={save} />

      <TriageSection settings={settings} save={save} />

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

function TopicsSection({ settings, save }: { settings: Settings | undefined; save: Save }) {
  const [error, setError] = useState<string | null>(null);
  // TOPICS, not TOPIC_LABELS: the list grows in lib/tags/taxonomy.ts.
  const labels = TOPICS.map((t) => t.label);
  const off = new Set(settings?.disabledTopics ?? []);
  async function set(next: string[]) {
    const failed = await save({ disabledTopics: next });
    setError(failed && `Not saved: ${failed}`);
  }
  return (
    <>
      <h2>Built-in topics</h2>
      <section>
        <fieldset class="topics" disabled={!settings}>
          <legend>Tag papers with these topics (found in the title and abstract)</legend>
          <div class="topic-grid">
            {labels.map((label) => (
              <label key={label} class="check">
                <input
                  type="checkbox"
                  checked={!off.has(label)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    // Labels stored earlier but no longer in the taxonomy are kept as they are.
                    void set(on ? [...off].filter((l) => l !== label) : [...off, label]);
                  }}
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        {labels.some((l) => off.has(l)) && (
          <button type="button" class="link" onClick={() => void set([...off].filter((l) => !labels.includes(l)))}>
            Turn every topic back on
          </button>
        )}
        {error && <p class="error" role="alert">{error}</p>}
      </section>
    </>
  );
}


/** Per action, why its key cannot be used; empty when all are fine. */
export function keyProblems(keys: Record<KeyAction, string>): Partial<Record<KeyAction, string>> {
  const out: Partial<Record<KeyAction, string>> = {};
  KEY_ACTIONS.forEach((a, i) => {
    const k = keys[a];
    if ([...k].length !== 1) out[a] = 'Type one character';
    else {
      const other = KEY_ACTIONS.slice(0, i).find((b) => keys[b] === k);
      if (other) out[a] = `Already the key for “${KEY_DESCRIPTIONS[other]}”`;
    }
  });
  return out;
}

function TriageSection({ settings, save }: { settings: Settings | undefined; save: Save }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  /** Keys being typed, before they make a valid set (then they are saved). */
  const [draft, setDraft] = useState<Record<KeyAction, string> | null>(null);
  const keys = draft ?? settings?.keys;
  const problems = draft ? keyProblems(draft) : {};

  async function toggle(patch: SettingsPatch) {
    const failed = await save(patch);
    setError(failed && `Not saved: ${failed}`);
  }
  async function setKey(action: KeyAction, typed: string) {
    // The field holds one character: the last one typed replaces it.
    const next = { ...keys!, [action]: [...typed].slice(-1).join('') };
    if (Object.keys(keyProblems(next)).length) {
      setDraft(next);
      return;
    }
    setDraft(null);
    const failed = await save({ keys: next });
    setError(failed && `Not saved: ${failed}`);
  }

  const toggleRow = (key: 'badge' | 'dimSeen' | 'keyboard', label: string, explain: string) => (
    <>
      <label class="toggle">
        <input
          type="checkbox"
          checked={settings?.[key] ?? true}
          disabled={!settings}
          onChange={(e) => void toggle({ [key]: (e.currentTarget as HTMLInputElement).checked })}
        />
        {label}
      </label>
      <p class="explain">{explain}</p>
    </>
  );

  return (
    <>
      <h2>Triage</h2>
      <section class="triage">
        {toggleRow('badge', 'Count starred papers not yet read on the toolbar button', 'A number on the extension’s icon: papers you starred and have not opened since.')}
        {toggleRow('dimSeen', 'Dim papers seen on an earlier visit', 'Cards you scrolled past on a previous visit are shown fainter, so the new ones stand out.')}
        {toggleRow('keyboard', 'Keyboard shortcuts on listing pages', 'Move between cards and star, hide or open them without the mouse. Never while you type in a field.')}
        <fieldset class="keys" disabled={!keys}>
          <legend>Keys (one character each, all different)</legend>
          <div class="key-grid">
            {KEY_ACTIONS.map((a) => (
              <div class="key" key={a}>
                <label for={`${id}-${a}`}>{KEY_DESCRIPTIONS[a]}</label>
                <input
                  id={`${id}-${a}`}
                  type="text"
                  class="mono"
                  value={keys?.[a] ?? ''}
                  autocomplete="off"
                  spellcheck={false}
                  aria-invalid={problems[a] ? true : undefined}
                  aria-describedby={problems[a] ? `${id}-${a}-error` : undefined}
                  onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
                  onInput={(e) => void setKey(a, (e.currentTarget as HTMLInputElement).value)}
                />
                {problems[a] && (
                  <span class="field-error" id={`${id}-${a}-error`}>
                    {problems[a]}
                  </span>
                )}
              </div>
            ))}
          </div>
        </fieldset>
        {error && <p class="error" role="alert">{error}</p>}
      </section>
    </>
  );
}
