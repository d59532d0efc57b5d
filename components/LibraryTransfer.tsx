// The library page's data sections: export (BibTeX, Markdown, CSV, JSON backup) of the whole
// library, of what is shown or of the selection; import of a backup (previewed, then applied) or of
// a list of papers (arXiv ids, arXiv / Hugging Face links, a BibTeX file); deleting everything.
// Writes are messages to the background, which checks everything again.
import { sendSafely } from '@/lib/send';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PaperRow, TriageDB } from '@/lib/db';
import { downloadFile, EXPORT_FORMATS, EXPORT_LABEL, exportFile, type ExportFile, type ExportFormat } from '@/lib/library/download';
import { parseIdList, type IdListResult } from '@/lib/library/import-list';
import type { ImportSummary, Reply, Request } from '@/lib/messages';
import { readSettings } from '@/lib/settings-store';
import { compareBy, papersCount, type LibrarySnapshot } from './LibraryData';

export type Downloader = (file: ExportFile) => void;

export interface LibraryTransferProps {
  db: TriageDB;
  send: (request: Request) => Promise<Reply>;
  library: LibrarySnapshot | undefined;
  shownRows: readonly PaperRow[];
  selectedRows: readonly PaperRow[];
  download?: Downloader;
  now: () => number;
  /** What the export buttons export (the page sets it from "Export selection…"). */
  exportScope: ExportScope;
  onExportScope: (scope: ExportScope) => void;
}

export type ExportScope = 'library' | 'shown' | 'selected';

type Pending =
  | { kind: 'backup'; source: string; text: string; summary: ImportSummary }
  | { kind: 'ids'; source: string; list: IdListResult; alreadySaved: number };

/** Larger files are refused before reading (the background's limit is 200 million characters). */
const MAX_FILE_BYTES = 200_000_000;

export function LibraryTransfer({ send, library, download = downloadFile, ...rest }: LibraryTransferProps) {
  return (
    <>
      <ExportSection library={library} download={download} {...rest} />
      <ImportSection send={send} library={library} />
      <DeleteSection send={send} library={library} />
    </>
  );
}

function ExportSection({
  db,
  library,
  shownRows,
  selectedRows,
  download,
  now,
  exportScope: scope,
  onExportScope: setScope,
}: Omit<LibraryTransferProps, 'send' | 'download'> & { download: Downloader }) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const all = library ? [...library.byId.values()] : [];
  const saved = all.filter((r) => r.starredAt !== undefined).sort(compareBy('starred'));
  const effective: ExportScope = scope === 'selected' && selectedRows.length === 0 ? 'shown' : scope;

  async function run(format: ExportFormat) {
    try {
      const papers = effective === 'library' ? (format === 'backup' ? all.sort(compareBy('starred')) : saved) : effective === 'shown' ? [...shownRows] : [...selectedRows];
      const t = now();
      let file: ExportFile;
      if (format === 'backup') {
        const ids = new Set(papers.map((p) => p.id));
        const [seen, settings] = await Promise.all([
          effective === 'library' ? db.seen.toArray() : db.seen.bulkGet([...ids]).then((rows) => rows.filter((r) => r !== undefined)),
          readSettings(db),
        ]);
        // Settings go only with the whole library: importing some papers must not change them.
        file = exportFile('backup', { papers, seen, settings: effective === 'library' ? settings : undefined, now: t });
      } else {
        file = exportFile(format, { papers, title: effective === 'library' ? 'Saved papers' : 'Papers', now: t });
      }
      download(file);
      setMessage({ error: false, text: `${file.name}: ${papersCount(papers.length)}.` });
    } catch (err) {
      setMessage({ error: true, text: `Export failed: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  const counts: Record<ExportScope, number> = {
    library: saved.length,
    shown: shownRows.length,
    selected: selectedRows.length,
  };
  return (
    <section class="panel" id="export" aria-labelledby="export-h" tabIndex={-1}>
      <h2 id="export-h">Export</h2>
      <fieldset class="choices">
        <legend>Papers</legend>
        {(
          [
            ['library', `Whole library (${papersCount(counts.library)} saved)`],
            ['shown', `Shown now (${papersCount(counts.shown)})`],
            ['selected', `Selected (${papersCount(counts.selected)})`],
          ] as const
        ).map(([value, label]) => (
          <label key={value} class="choice">
            <input
              type="radio"
              name="export-scope"
              value={value}
              checked={effective === value}
              disabled={value === 'selected' && counts.selected === 0}
              onChange={() => setScope(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div class="buttons">
        {EXPORT_FORMATS.map((f) => (
          <button key={f} type="button" class="btn" disabled={!library} onClick={() => void run(f)}>
            {EXPORT_LABEL[f]}
          </button>
        ))}
      </div>
      <p class="explain">
        BibTeX (for LaTeX, Zotero, JabRef), Markdown (a reading list with your notes) and CSV (spreadsheets) list papers you saved. The JSON
        backup of the whole library holds everything: saved and hidden papers, notes, tags, reading status, which papers you have seen,
        and your settings; import it here to restore.
      </p>
      {message && (
        <p class={message.error ? 'error' : 'done'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function ImportSection({ send, library }: { send: LibraryTransferProps['send']; library: LibrarySnapshot | undefined }) {
  const [pasted, setPasted] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<{ source: string; text: string; skipped?: IdListResult['skipped'] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const ask = (request: Request) => sendSafely(send, request);

  async function read(text: string, source: string) {
    setPending(null);
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      if (/^\uFEFF?\s*[{[]/.test(text)) {
        // A JSON backup: the background reads it and says what importing it would do.
        const reply = await ask({ type: 'importBackup', text, apply: false });
        if (!reply.ok) setError({ source, text: reply.error });
        else if (!reply.imported) setError({ source, text: 'the extension gave no preview of this file' });
        else setPending({ kind: 'backup', source, text, summary: reply.imported });
        return;
      }
      const list = parseIdList(text);
      if (list.ids.length === 0) {
        setError({ source, text: 'no arXiv id, arXiv link or Hugging Face paper link found', skipped: list.skipped });
        return;
      }
      const alreadySaved = list.ids.filter((id) => library?.byId.get(id)?.starredAt !== undefined).length;
      setPending({ kind: 'ids', source, list, alreadySaved });
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!pending) return;
    setBusy(true);
    const reply =
      pending.kind === 'backup'
        ? await ask({ type: 'importBackup', text: pending.text, apply: true })
        : await ask({ type: 'importIds', ids: pending.list.ids });
    setBusy(false);
    if (!reply.ok) {
      setError({ source: pending.source, text: reply.error });
      return;
    }
    const s = reply.imported;
    setDone(
      pending.kind === 'backup'
        ? `Imported ${pending.source}: ${s ? summaryText(s) : 'done'}.`
        : `Saved from ${pending.source}: ${s ? `${s.adds + s.updates} papers starred${s.unchanged ? `, ${s.unchanged} already saved` : ''}` : 'done'}.`,
    );
    setPending(null);
    setPasted('');
    if (fileRef.current) fileRef.current.value = '';
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setPending(null);
      setError({ source: file.name, text: `file too large (${Math.ceil(file.size / 1e6)} MB)` });
      return;
    }
    await read(await fileText(file), file.name);
  }

  return (
    <section class="panel" aria-labelledby="import-h">
      <h2 id="import-h">Import</h2>
      <p class="explain">
        A JSON backup of this extension (its papers are merged with yours: the newer state of each paper wins, notes are never lost), a BibTeX
        file, or a list of arXiv ids, arXiv links or Hugging Face paper links (those papers are saved).
      </p>
      <div class="import-inputs">
        <label class="file">
          <span>File</span>
          <input ref={fileRef} type="file" accept=".json,.bib,.bibtex,.txt,.md,.csv,application/json,text/plain" disabled={busy} onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
        </label>
        <div class="paste">
          <label for="import-paste">Or paste a list</label>
          <textarea id="import-paste" rows={3} value={pasted} placeholder={'2407.21783\nhttps://arxiv.org/abs/2501.12948\nhttps://huggingface.co/papers/2502.00001'} onInput={(e) => setPasted(e.currentTarget.value)} />
          <button type="button" class="btn" disabled={busy || !pasted.trim()} onClick={() => void read(pasted, 'the pasted text')}>
            Read the list
          </button>
        </div>
      </div>
      {error && (
        <div class="error" role="alert">
          <p>
            Nothing imported from {error.source}: {error.text}
          </p>
          {error.skipped && error.skipped.length > 0 && <SkippedLines skipped={error.skipped} />}
        </div>
      )}
      {pending && (
        <div class="preview" role="status">
          {pending.kind === 'backup' ? (
            <p>
              <strong>{pending.source}</strong>: importing {summaryText(pending.summary, true)}.
            </p>
          ) : (
            <>
              <p>
                <strong>{pending.source}</strong>: {papersCount(pending.list.ids.length)} to save
                {pending.alreadySaved ? ` (${pending.alreadySaved} already saved)` : ''}
                {pending.list.skipped.length ? `; ${pending.list.skipped.length} line${pending.list.skipped.length === 1 ? '' : 's'} skipped` : ''}.
              </p>
              {pending.list.skipped.length > 0 && <SkippedLines skipped={pending.list.skipped} />}
            </>
          )}
          <div class="buttons">
            <button type="button" class="btn primary" disabled={busy} onClick={() => void apply()}>
              Import
            </button>
            <button type="button" class="btn" disabled={busy} onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {done && (
        <p class="done" role="status">
          {done}
        </p>
      )}
    </section>
  );
}

/** A file's text (UTF-8). */
function fileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** "adds 12, updates 3, leaves 40 unchanged" (preview) / "12 added, 3 updated, 40 unchanged". */
function summaryText(s: ImportSummary, preview = false): string {
  return preview
    ? `adds ${s.adds}, updates ${s.updates}${s.unchanged ? `, leaves ${s.unchanged} unchanged` : ''}`
    : `${s.adds} added, ${s.updates} updated${s.unchanged ? `, ${s.unchanged} unchanged` : ''}`;
}

function SkippedLines({ skipped }: { skipped: IdListResult['skipped'] }) {
  const shown = skipped.slice(0, 20);
  return (
    <ul class="skipped" aria-label="Skipped lines">
      {shown.map((s) => (
        <li key={`${s.line}:${s.text}`}>
          line {s.line}: <code>{s.text}</code> ({s.reason})
        </li>
      ))}
      {skipped.length > shown.length && <li>and {skipped.length - shown.length} more</li>}
    </ul>
  );
}

function DeleteSection({ send, library }: { send: LibraryTransferProps['send']; library: LibrarySnapshot | undefined }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  const n = library?.byId.size ?? 0;
  // Focus follows the step: to Cancel when asked (the safe choice), back to the first button after.
  useLayoutEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (opened.current) askRef.current?.focus();
    opened.current ||= confirming;
  }, [confirming]);

  async function clear() {
    const reply = await sendSafely(send, { type: 'clearData' });
    setConfirming(false);
    setMessage(reply.ok ? { error: false, text: 'All papers, notes, tags and sightings were deleted.' } : { error: true, text: `Could not delete: ${reply.error}` });
  }

  return (
    <section class="panel danger" aria-labelledby="delete-h">
      <h2 id="delete-h">Delete all data</h2>
      <p class="explain">
        Deletes every saved and hidden paper with its notes, tags and reading status, which papers you have seen, and the cached code links.
        Your settings stay. Export a JSON backup first to keep a copy.
      </p>
      {!confirming ? (
        <button ref={askRef} type="button" class="btn danger" onClick={() => setConfirming(true)}>
          Delete all data…
        </button>
      ) : (
        <div class="confirm" role="group" aria-labelledby="confirm-q">
          <p id="confirm-q">
            <strong>Delete {papersCount(n)} and everything about them?</strong> This cannot be undone.
          </p>
          <button type="button" class="btn danger" onClick={() => void clear()}>
            Delete everything
          </button>
          <button type="button" class="btn" ref={cancelRef} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {message && (
        <p class={message.error ? 'error' : 'done'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
