// The popup and the library page rendered with Preact in jsdom, over a real Dexie database
// (fake-indexeddb) written by the real background handler: what the user does reaches the database
// through messages, and what the database holds comes back through the live reads.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLibrary, type LibrarySnapshot } from '@/components/LibraryData';
import { LibraryPage } from '@/components/LibraryPage';
import { SavedPapers } from '@/components/SavedPapers';
import { openDb, type PaperRow, type TriageDB } from '@/lib/db';
import type { ExportFile } from '@/lib/library/download';
import type { Reply, Request } from '@/lib/messages';
import { handleRequest, type HandlerDeps } from '@/lib/papers/handler';
import { createPaperService } from '@/lib/papers/service';

let db: TriageDB;
let root: HTMLElement;
let sent: Request[];
let send: (request: Request) => Promise<Reply>;

beforeEach(() => {
  db = openDb(`ui-${Math.random()}`);
  const deps: HandlerDeps = { db, papers: createPaperService(db), enrich: { lookup: async () => ({ known: [], fetching: [] }) }, onStates: () => {} };
  sent = [];
  send = vi.fn(async (request: Request) => {
    sent.push(request);
    return handleRequest(deps, request, 'extension-page');
  });
  root = document.createElement('div');
  document.body.append(root);
  // jsdom has no IntersectionObserver (the popup's "Show more" uses one).
  globalThis.IntersectionObserver ??= class {
    observe() {}
    disconnect() {}
  } as unknown as typeof IntersectionObserver;
});
afterEach(async () => {
  act(() => render(null, root));
  root.remove();
  db.close();
  await db.delete();
});

const T0 = Date.now() - 3_600_000;
function row(id: string, fields: Partial<PaperRow> = {}): PaperRow {
  return { id, title: `Paper ${id}`, authors: ['Ann Author', 'Bob Writer', 'Cy Third'], tags: [], url: `https://huggingface.co/papers/${id}`, updatedAt: T0, starredAt: T0, ...fields };
}
const PAPERS = [
  row('2401.00001', { title: 'Scalable Diffusion Models with Transformers', tags: ['Diffusion'], starredAt: T0 + 3, abstract: 'Latent diffusion.' }),
  row('2401.00002', { title: 'The Llama 3 Herd of Models', tags: ['LLM'], starredAt: T0 + 2, status: 'reading' }),
  row('2401.00003', { title: 'Video Generation at Scale', tags: ['Video'], starredAt: T0 + 1, codeUrl: 'https://github.com/org/video', codeStars: 1200 }),
  row('2401.00004', { title: 'A Hidden Paper', starredAt: undefined, hiddenAt: T0 + 5 }),
];

/** Lets IndexedDB, the live reads and Preact settle, until `check` holds (up to ~8 s: a loaded CI machine). */
async function until(check: () => boolean, what = 'the condition') {
  for (let i = 0; i < 800; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    if (check()) return;
  }
  throw new Error(`timed out waiting for ${what}`);
}
const text = () => root.textContent ?? '';
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(selector: string) => [...root.querySelectorAll<T>(selector)];
const byLabel = <T extends Element = HTMLElement>(label: string) => $<T>(`[aria-label="${label}"]`);
function type(el: Element | null, value: string) {
  if (!el) throw new Error('no field');
  act(() => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function choose(el: Element | null, value: string) {
  if (!el) throw new Error('no select');
  act(() => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  act(() => (el as HTMLElement).click());
}
const button = (label: string) => $$<HTMLButtonElement>('button, [role="button"]').find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label);

describe('watchLibrary', () => {
  it('reads every paper once, then only what changed; a changed count reads all again', async () => {
    await db.papers.bulkPut(PAPERS);
    const service = createPaperService(db);
    const seen: LibrarySnapshot[] = [];
    const where = vi.spyOn(db.papers, 'where');
    const stop = watchLibrary(db, 'starred', (s) => seen.push(s));
    await until(() => seen.length === 1, 'the first read');
    expect([...seen[0].byId.keys()].sort()).toEqual(['2401.00001', '2401.00002', '2401.00003']);

    where.mockClear();
    await service.setState('2401.00002', { notes: 'new notes' });
    await until(() => seen.length === 2, 'the notes');
    // Only the rows written lately were read.
    expect(where.mock.calls.map((c) => c[0])).toEqual(['updatedAt']);
    expect(seen[1].byId.get('2401.00002')?.notes).toBe('new notes');
    expect(seen[1].byId.get('2401.00001')).toBe(seen[0].byId.get('2401.00001')); // untouched rows are the same objects

    await service.setState('2401.00003', { starred: false });
    await until(() => seen.length === 3, 'the unstar');
    expect(seen[2].byId.has('2401.00003')).toBe(false);
    await service.setState('2401.00004', { starred: true });
    await until(() => seen.length === 4, 'the star');
    expect(seen[3].byId.has('2401.00004')).toBe(true);

    // Rows added with their own (old) updatedAt, as an import adds them: the count tells.
    await db.papers.bulkPut([row('2402.00001', { updatedAt: 5, starredAt: 5 })]);
    await until(() => seen.at(-1)!.byId.has('2402.00001'), 'the imported row');
    await service.clearData();
    await until(() => seen.at(-1)!.byId.size === 0, 'the deletion');
    stop();
  });
});

describe('popup (SavedPapers)', () => {
  const mount = () =>
    act(() => render(<SavedPapers db={db} send={send} libraryUrl="chrome-extension://x/library.html" onOpenLibrary={() => {}} />, root));
  const titles = () => $$('ul[aria-label="Saved papers"] > li a.title').map((a) => a.textContent);

  it('lists the starred papers, newest first, with authors, tags, links and the search box focused', async () => {
    await db.papers.bulkPut(PAPERS);
    mount();
    await until(() => titles().length === 3 && !!$('h1 + .count'), 'the list');
    expect(titles()).toEqual(['Scalable Diffusion Models with Transformers', 'The Llama 3 Herd of Models', 'Video Generation at Scale']);
    expect(document.activeElement).toBe(byLabel('Search saved papers'));
    expect(text()).toContain('Ann Author, Bob Writer et al.');
    expect($('a.title')!.getAttribute('href')).toBe('https://huggingface.co/papers/2401.00001');
    const code = $$<HTMLAnchorElement>('a.btn.link').find((a) => a.href === 'https://github.com/org/video')!;
    expect(code.textContent).toBe('Code org/video ★ 1.2k GitHub stars');
    expect($('a.headlink')!.getAttribute('href')).toBe('chrome-extension://x/library.html');
    await until(() => $('p.status')?.textContent === '3 papers saved', 'the announcement');
  });

  it('searches (with a typo), filters by tag and status, sorts, and says when nothing matches', async () => {
    await db.papers.bulkPut(PAPERS);
    mount();
    await until(() => titles().length === 3 && !!$('h1 + .count'), 'the list');
    type(byLabel('Search saved papers'), 'difusion');
    await until(() => titles().length === 1, 'the search');
    expect(titles()).toEqual(['Scalable Diffusion Models with Transformers']);
    type(byLabel('Search saved papers'), 'models');
    await until(() => titles().length === 2, 'the second search');
    expect($$<HTMLOptionElement>('select option').some((o) => o.value === 'relevance' && o.selected)).toBe(true);
    type(byLabel('Search saved papers'), '');
    await until(() => titles().length === 3, 'the whole list again');

    const [tagSelect, statusSelect, sortSelect] = $$<HTMLSelectElement>('.filters select');
    choose(tagSelect, 'LLM');
    await until(() => titles().length === 1);
    expect(titles()).toEqual(['The Llama 3 Herd of Models']);
    choose(tagSelect, '');
    choose(statusSelect, 'to-read');
    await until(() => titles().length === 2);
    choose(statusSelect, '');
    choose(sortSelect, 'title');
    await until(() => titles()[0] === 'Scalable Diffusion Models with Transformers' && titles()[2] === 'Video Generation at Scale');
    expect(titles()).toEqual(['Scalable Diffusion Models with Transformers', 'The Llama 3 Herd of Models', 'Video Generation at Scale']);

    type(byLabel('Search saved papers'), 'nothing like this');
    await until(() => text().includes('No saved paper matches “nothing like this”.'));
    click(button('Clear search and filters'));
    await until(() => titles().length === 3);
  });

  it('unstars through the background; the row goes, focus stays in the list', async () => {
    await db.papers.bulkPut(PAPERS);
    mount();
    await until(() => titles().length === 3 && !!$('h1 + .count'));
    await act(async () => button('Unstar The Llama 3 Herd of Models')!.click());
    await until(() => titles().length === 2, 'the unstar');
    expect(sent).toContainEqual({ type: 'setState', id: '2401.00002', patch: { starred: false } });
    expect((await db.papers.get('2401.00002'))?.starredAt).toBeUndefined();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Unstar Video Generation at Scale');
  });

  it('says so when nothing is saved', async () => {
    mount();
    await until(() => text().includes('No saved papers yet.'));
  });

  it('shows the first page at once and more as asked, over a thousand papers', async () => {
    await db.papers.bulkPut(Array.from({ length: 1200 }, (_, i) => row(`2501.${String(10000 + i)}`, { title: `Generated paper ${i}`, starredAt: T0 + i })));
    mount();
    await until(() => titles().length > 0 && !!$('h1 + .count'));
    expect(titles()).toHaveLength(25);
    expect(titles()[0]).toBe('Generated paper 1199');
    click(button('Show more (1,175 not shown)'));
    await until(() => titles().length === 50);
    type(byLabel('Search saved papers'), 'paper 7');
    await until(() => titles()[0] === 'Generated paper 7', 'the search over 1,200');
  });
});

describe('library page', () => {
  const downloads: ExportFile[] = [];
  const mount = () => {
    downloads.length = 0;
    act(() =>
      render(<LibraryPage db={db} send={send} download={(f) => downloads.push(f)} notesDelayMs={30} now={() => Date.UTC(2026, 10, 28, 12)} />, root),
    );
  };
  const rowTitles = () => $$('tbody tr:not(.notes-row) a.title').map((a) => a.textContent);

  it('lists saved papers in a table; notes are saved as one types, once per pause', async () => {
    await db.papers.bulkPut(PAPERS);
    mount();
    await until(() => rowTitles().length === 3, 'the table');
    expect($$('thead th').map((th) => th.textContent)).toEqual(['', 'Paper', 'Tags', 'Status', 'Starred', 'Actions']);
    click(button('Notes on The Llama 3 Herd of Models'));
    const field = $<HTMLTextAreaElement>('textarea[id="notes-field-2401.00002"]')!;
    expect(document.activeElement).toBe(field);
    type(field, 'Read');
    type(field, 'Read section 3');
    type(field, 'Read section 3 first');
    await until(() => $('.notes-state')?.textContent === 'Saved', 'the save');
    const saves = sent.filter((r) => r.type === 'setState' && r.patch.notes !== undefined);
    expect(saves).toEqual([{ type: 'setState', id: '2401.00002', patch: { notes: 'Read section 3 first' } }]);
    expect((await db.papers.get('2401.00002'))?.notes).toBe('Read section 3 first');
    // Closing the notes keeps them, with their first line shown in the row.
    click(button('Notes on The Llama 3 Herd of Models'));
    await until(() => text().includes('Read section 3 first') && !$('textarea[id="notes-field-2401.00002"]'));
  });

  it('after an unstar, focus goes to the row that took its place', async () => {
    await db.papers.bulkPut(PAPERS);
    mount();
    await until(() => rowTitles().length === 3);
    await act(async () => button('Unstar The Llama 3 Herd of Models')!.click());
    await until(() => rowTitles().length === 2 && document.activeElement === byLabel('Select Video Generation at Scale'), 'the focus');
  });

  it('sets the reading status and adds and removes tags of one’s own', async () => {
    await db.papers.bulkPut(PAPERS);
    mount();
    await until(() => rowTitles().length === 3);
    choose(byLabel('Reading status of Video Generation at Scale'), 'read');
    await until(() => sent.some((r) => r.type === 'setState' && r.patch.status === 'read'));
    await until(() => byLabel<HTMLSelectElement>('Reading status of Video Generation at Scale')!.value === 'read');
    click(button('Add a tag to Video Generation at Scale'));
    const input = byLabel<HTMLInputElement>('New tag for Video Generation at Scale')!;
    expect(document.activeElement).toBe(input);
    type(input, '  to   cite ');
    await act(async () => input.form!.requestSubmit());
    await until(() => !!button('Remove tag to cite'), 'the tag');
    expect((await db.papers.get('2401.00003'))?.manualTags).toEqual(['to cite']);
    await act(async () => button('Remove tag to cite')!.click());
    await until(() => !button('Remove tag to cite'));
    expect((await db.papers.get('2401.00003'))?.manualTags).toBeUndefined();
  });

  it('acts on a selection: status, tag, unstar (in one message each)', async () => {
    await db.papers.bulkPut(PAPERS);
    mount();
    await until(() => rowTitles().length === 3);
    click(byLabel('Select all 3 papers shown'));
    expect(text()).toContain('3 selected');
    choose($('section.bulk select'), 'read');
    await until(() => sent.some((r) => r.type === 'bulkSetState'));
    expect(sent.at(-1)).toEqual({ type: 'bulkSetState', ids: ['2401.00001', '2401.00002', '2401.00003'], patch: { status: 'read' } });
    type(byLabel('Tag to add to the selected papers'), 'survey');
    await act(async () => byLabel<HTMLInputElement>('Tag to add to the selected papers')!.form!.requestSubmit());
    await until(() => $$('li.chip.manual').length === 3, 'the tags');
    click(byLabel('Select Video Generation at Scale')); // one fewer
    await act(async () => button('Unstar')!.click());
    await until(() => rowTitles().length === 1, 'the unstar');
    expect(rowTitles()).toEqual(['Video Generation at Scale']);
    expect(text()).not.toContain('selected');
  });

  it('lists hidden papers under Hidden, with Unhide', async () => {
    await db.papers.bulkPut(PAPERS);
    mount();
    await until(() => rowTitles().length === 3);
    click($$('button.view').find((b) => b.textContent?.startsWith('Hidden')));
    await until(() => rowTitles().length === 1);
    expect(rowTitles()).toEqual(['A Hidden Paper']);
    await act(async () => button('Unhide A Hidden Paper')!.click());
    await until(() => text().includes('No hidden papers.'));
    expect(document.activeElement).toBe(byLabel('Search the library')); // no row left to go to
    expect((await db.papers.get('2401.00004'))?.hiddenAt).toBeUndefined();
  });

  it('exports the library, what is shown, or the selection, in four formats', async () => {
    await db.papers.bulkPut(PAPERS);
    await db.seen.bulkPut([{ id: '2401.00001', firstSeen: 1 }]);
    mount();
    await until(() => rowTitles().length === 3);
    for (const label of ['BibTeX', 'Markdown', 'CSV', 'JSON backup']) click(button(label));
    await until(() => downloads.length === 4, 'the downloads');
    expect(downloads.map((f) => f.name)).toEqual(['hf-papers-2026-11-28.bib', 'hf-papers-2026-11-28.md', 'hf-papers-2026-11-28.csv', 'hf-papers-backup-2026-11-28.json']);
    expect(downloads[0].text.match(/^@misc\{/gm)).toHaveLength(3); // the saved papers
    const backup = JSON.parse(downloads[3].text);
    expect(backup.papers.map((p: PaperRow) => p.id).sort()).toEqual(['2401.00001', '2401.00002', '2401.00003', '2401.00004']); // hidden too
    expect(backup.seen).toEqual([{ id: '2401.00001', firstSeen: 1 }]);
    expect(backup.settings.badge).toBe(true);

    click(byLabel('Select The Llama 3 Herd of Models'));
    click(button('Export selection…'));
    expect($<HTMLInputElement>('input[name="export-scope"][value="selected"]')!.checked).toBe(true);
    click(button('CSV'));
    await until(() => downloads.length === 5);
    expect(downloads[4].text.trim().split('\r\n')).toHaveLength(2); // header + the one paper
  });

  it('imports a backup: a preview, then the import; everything comes back', async () => {
    await db.papers.bulkPut(PAPERS);
    mount();
    await until(() => rowTitles().length === 3);
    click(button('JSON backup'));
    await until(() => downloads.length === 1);
    const backup = downloads[0];
    await act(async () => button('Delete all data…')!.click());
    expect(document.activeElement).toBe(button('Cancel'));
    await act(async () => button('Delete everything')!.click());
    await until(() => text().includes('No saved papers yet.'), 'the deletion');
    expect(await db.papers.count()).toBe(0);

    const file = new File([backup.text], backup.name, { type: 'application/json' });
    const input = $<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => text().includes('importing adds 4, updates 0'), 'the preview');
    expect(await db.papers.count()).toBe(0); // a preview changes nothing
    await act(async () => button('Import')!.click());
    await until(() => rowTitles().length === 3, 'the import');
    expect(text()).toContain(`Imported ${backup.name}: 4 added, 0 updated.`);
    expect(await db.papers.get('2401.00002')).toEqual(PAPERS[1]);
  });

  it('a bad backup says what is wrong and where, and changes nothing', async () => {
    await db.papers.bulkPut(PAPERS);
    mount();
    await until(() => rowTitles().length === 3);
    type($('textarea#import-paste'), '{"format":"hf-papers-triage-backup","schemaVersion":1,"exportedAt":"x","papers":[{"id":"2401.00001"}]}');
    await act(async () => button('Read the list')!.click());
    await until(() => !!$('[role=alert]'), 'the error');
    expect($('[role=alert]')!.textContent).toMatch(/^Nothing imported from the pasted text: papers\[0\]\.title: /);
    expect(button('Import')).toBeUndefined();
    expect(await db.papers.get('2401.00001')).toEqual(PAPERS[0]);
  });

  it('imports a list of ids and links, reporting the lines it skipped', async () => {
    mount();
    await until(() => text().includes('No saved papers yet.'));
    type($('textarea#import-paste'), 'https://arxiv.org/abs/2407.21783v2\nnot a paper\nhuggingface.co/papers/2407.21721');
    await act(async () => button('Read the list')!.click());
    await until(() => text().includes('2 papers to save; 1 line skipped.'));
    expect($$('ul[aria-label="Skipped lines"] li').map((li) => li.textContent)).toEqual(['line 2: not a paper (no arXiv id or paper URL)']);
    await act(async () => button('Import')!.click());
    await until(() => rowTitles().length === 2, 'the saved papers');
    expect(sent.at(-1)).toEqual({ type: 'importIds', ids: ['2407.21783', '2407.21721'] });
    expect(text()).toContain('Saved from the pasted text: 2 papers starred.');
  });
});
