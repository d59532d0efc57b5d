// The content script with the real background (handler, services, fake IndexedDB) behind a fake
// runtime: tags and the filter bar, user rules applied live, mutes with reasons, manual tags,
// keyboard triage with undo, and new-since-last-visit.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type TriageDB } from '@/lib/db';
import { handleRequest, type HandlerDeps } from '@/lib/papers/handler';
import { createPaperService } from '@/lib/papers/service';
import type { Annotator } from '@/lib/page/annotator';
import { startTriage, type ContentContext, type ContentRuntime } from '@/lib/page/run';
import type { Request } from '@/lib/messages';
import { fixtureText, LISTING, loadIntoDocument } from './fixtures';

const LLAMA = '2407.21783';
const trusted: { acceptEvent: (e: Event) => boolean } = { acceptEvent: () => true };

let db: TriageDB;
let running: Annotator | undefined;
let ids = 0;

/** A runtime whose messages go through the real handler, and whose pushes come back to the page. */
function realBackground() {
  const listeners = new Set<(msg: unknown) => void>();
  const push = (msg: unknown) => setTimeout(() => listeners.forEach((fn) => fn(msg)), 0);
  const deps: HandlerDeps = {
    db,
    papers: createPaperService(db),
    enrich: { lookup: async () => ({ known: [], fetching: [] }) },
    onStates: (states) => push({ type: 'statesChanged', states }),
    onSettings: (settings) => push({ type: 'settingsChanged', settings }),
    onReset: () => push({ type: 'refresh' }),
    newId: () => `rule-${++ids}`,
  };
  const answers: Promise<unknown>[] = [];
  const runtime: ContentRuntime = {
    sendMessage: vi.fn((msg: unknown) => {
      const answer = handleRequest(deps, msg, 'content');
      answers.push(answer);
      return answer;
    }),
    onMessage: { addListener: (fn) => listeners.add(fn), removeListener: (fn) => listeners.delete(fn) },
  };
  /** What the options page would send. */
  const fromOptions = (msg: Request) => handleRequest(deps, msg, 'extension-page');
  /** Every answer given so far (and those they lead to) has arrived. */
  const settled = async () => {
    for (let n = 0; n !== answers.length; ) {
      n = answers.length;
      await Promise.all(answers);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { runtime, fromOptions, settled };
}

const ctx: ContentContext = {
  isInvalid: false,
  onInvalidated: () => {},
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  addEventListener: (target, type, fn) => target.addEventListener(type, fn),
};

const article = (id: string) => document.querySelector(`h3 a[href="/papers/${id}"]`)!.closest('article')!;
const articles = () => [...document.querySelectorAll('article')];
const idOf = (a: Element) => a.querySelector('h3 a')!.getAttribute('href')!.split('/').pop()!;
const shadow = (a: Element, host = 'data-hfpt-controls') => a.querySelector(`[${host}]`)!.shadowRoot!;
const chips = (a: Element) => [...shadow(a).querySelectorAll('.chip')].map((c) => c.textContent!);
const summary = () => document.querySelector('[data-hfpt-summary]')!.shadowRoot!;
const button = (root: ParentNode, name: string) =>
  [...root.querySelectorAll<HTMLElement>('button, [role="button"]')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;
const key = (k: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

async function start(options = trusted) {
  const bg = realBackground();
  running = startTriage(document, window, ctx, bg.runtime, undefined, options);
  await vi.waitFor(() => expect(document.querySelectorAll('[data-hfpt-controls]')).toHaveLength(13));
  // Settings (rules, keys) come with the first answers.
  await bg.settled();
  return bg;
}

beforeEach(() => {
  db = openDb(`triage-${Math.random()}`);
  loadIntoDocument(fixtureText(LISTING), '/papers?date=2024-08-01');
});
afterEach(async () => {
  running?.destroy();
  running = undefined;
  db.close();
  await db.delete();
});

describe('tag filter bar', () => {
  it('lists the page tags with counts; a click keeps only those papers, again clears; shift-click excludes', async () => {
    await start();
    const bar = summary().querySelector('.filter')!;
    const first = bar.querySelector<HTMLButtonElement>('button.ftag')!;
    const label = first.childNodes[0].textContent!;
    const count = Number(first.querySelector('.n')!.textContent);
    const carrying = articles().filter((a) => chips(a).includes(label)).map(idOf);
    expect(carrying).toHaveLength(count);
    expect(count).toBeGreaterThan(1);

    first.click();
    await vi.waitFor(() => expect(summary().textContent).toContain(`${count} of 13 shown`));
    const shown = () => articles().filter((a) => !a.closest('[data-hfpt-filtered]')).map(idOf);
    expect(shown()).toEqual(carrying);
    expect(summary().querySelector('button.ftag')!.getAttribute('aria-pressed')).toBe('true');

    summary().querySelector<HTMLButtonElement>('button.ftag')!.click(); // again: cleared
    await vi.waitFor(() => expect(shown()).toHaveLength(13));

    summary().querySelector<HTMLButtonElement>('button.ftag')!.dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true }));
    await vi.waitFor(() => expect(shown()).toHaveLength(13 - count));
    expect(shown().some((id) => carrying.includes(id))).toBe(false);
    button(summary(), 'Clear filter').click();
    await vi.waitFor(() => expect(shown()).toHaveLength(13));
    expect(await db.papers.count()).toBe(0); // filtering is a view: nothing is stored
  });
});

describe('user rules on an open page', () => {
  it('a tag rule added in the options shows on the page without reload, with its why; topics can be turned off', async () => {
    const bg = await start();
    expect(chips(article(LLAMA))).toContain('LLM');
    await bg.fromOptions({ type: 'setSettings', patch: { rules: [{ id: 'r1', action: 'tag', match: { type: 'keyword', value: 'foundation models' }, tag: 'Foundation', color: '#0f766e', enabled: true }] } });
    await vi.waitFor(() => expect(chips(article(LLAMA))[0]).toBe('Foundation'));
    const chip = shadow(article(LLAMA)).querySelector('.chip.user')!;
    expect(chip.getAttribute('title')).toMatch(/your rule/);
    await bg.fromOptions({ type: 'setSettings', patch: { disabledTopics: ['LLM'] } });
    await vi.waitFor(() => expect(chips(article(LLAMA))).not.toContain('LLM'));
  });

  it('a mute rule by tag collapses the right cards with the reason; starred papers are never muted; Show reveals one', async () => {
    const bg = await start();
    const label = summary().querySelector('button.ftag')!.childNodes[0].textContent!;
    const carrying = articles().filter((a) => chips(a).includes(label)).map(idOf);
    // Star one of them first: it must stay open.
    button(shadow(article(carrying[0])), 'Star').click();
    await vi.waitFor(async () => expect((await db.papers.get(carrying[0]))?.starredAt).toBeDefined());

    await bg.fromOptions({ type: 'setSettings', patch: { rules: [{ id: 'm1', action: 'mute', match: { type: 'tag', value: label }, enabled: true }] } });
    const muted = () => articles().filter((a) => a.hasAttribute('data-hfpt-muted')).map(idOf);
    await vi.waitFor(() => expect(muted()).toEqual(carrying.slice(1)));
    const row = shadow(article(carrying[1]), 'data-hfpt-collapsed');
    expect(row.querySelector('.reason')!.textContent).toBe(`muted: tag ${label}`);
    expect(summary().textContent).toContain(`(0 by you, ${carrying.length - 1} muted by rules)`);

    button(row, 'Show').click();
    await vi.waitFor(() => expect(muted()).toEqual(carrying.slice(2)));
    expect(await db.papers.get(carrying[1])).toBeUndefined(); // revealing stores nothing
  });

  it('"Mute this tag" on a chip mutes at once and offers an undo that deletes the rule', async () => {
    await start();
    const label = summary().querySelector('button.ftag')!.childNodes[0].textContent!;
    const carrying = articles().filter((a) => chips(a).includes(label)).map(idOf);
    button(shadow(article(carrying[0])), `Mute tag ${label}`).click();
    await vi.waitFor(() => expect(articles().filter((a) => a.hasAttribute('data-hfpt-muted')).map(idOf)).toEqual(carrying));
    const toast = document.querySelector('[data-hfpt-overlay="toast"]')!.shadowRoot!;
    await vi.waitFor(() => expect(toast.textContent).toContain(`Muted tag ${label}`));
    button(toast, 'Undo').click();
    await vi.waitFor(() => expect(document.querySelectorAll('[data-hfpt-muted]')).toHaveLength(0));
    const { readSettings } = await import('@/lib/settings-store');
    expect((await readSettings(db)).rules).toEqual([]);
  });
});

describe('highlight rules', () => {
  it('an author you follow gets an accent and a reason; "Highlighted first" moves those cards to the front', async () => {
    const bg = await start();
    const last = articles().map(idOf).at(-1)!;
    // The last card's first author, as the page names them.
    const { readEmbeddedPapers } = await import('@/lib/hf/embedded');
    const author = readEmbeddedPapers(document).get(last)!.authors[0];
    await bg.fromOptions({ type: 'setSettings', patch: { rules: [{ id: 'h1', action: 'highlight', match: { type: 'author', value: author }, color: '#b45309', enabled: true }] } });
    await bg.settled();
    const item = (id: string) => article(id).closest('[data-hfpt-highlight]');
    await vi.waitFor(() => expect(item(last)).not.toBeNull());
    expect(shadow(article(last)).querySelector('.highlight')!.getAttribute('title')).toBe(`highlighted: author ${author}`);
    expect(articles().filter((a) => a.closest('[data-hfpt-highlight]')).map(idOf)).toEqual([last]);

    button(summary(), 'Highlighted first (1)').click();
    expect(document.documentElement.hasAttribute('data-hfpt-highlight-first')).toBe(true);
    key('j'); // the keyboard follows the order shown: the highlighted card comes first
    expect(article(last).hasAttribute('data-hfpt-current')).toBe(true);
  });
});

describe('papers imported by id', () => {
  it('show as in the library, and the page fills in what the library did not know', async () => {
    const bg = realBackground();
    await bg.fromOptions({ type: 'importIds', ids: [LLAMA] });
    expect(await db.papers.get(LLAMA)).toMatchObject({ title: LLAMA, authors: [] });
    await start();
    expect(button(shadow(article(LLAMA)), 'Star').getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(async () => expect((await db.papers.get(LLAMA))?.title).toBe('The Llama 3 Herd of Models'));
    const row = (await db.papers.get(LLAMA))!;
    expect(row.authors.length).toBeGreaterThan(0);
    expect(row.starredAt).toBeDefined();
  });
});

describe('the library cleared from the library page', () => {
  it('open tabs forget their stars and hides', async () => {
    const bg = await start();
    button(shadow(article(LLAMA)), 'Star').click();
    await vi.waitFor(async () => expect((await db.papers.get(LLAMA))?.starredAt).toBeDefined());
    await bg.fromOptions({ type: 'clearData' });
    await bg.settled();
    await vi.waitFor(() => expect(button(shadow(article(LLAMA)), 'Star').getAttribute('aria-pressed')).toBe('false'));
  });
});

describe('a followed author on a muted topic', () => {
  it('stays open: highlight wins over mute', async () => {
    const bg = await start();
    const { readEmbeddedPapers } = await import('@/lib/hf/embedded');
    const label = chips(article(LLAMA)).find((c) => c === 'LLM')!;
    const author = readEmbeddedPapers(document).get(LLAMA)!.authors[0];
    await bg.fromOptions({
      type: 'setSettings',
      patch: {
        rules: [
          { id: 'm', action: 'mute', match: { type: 'tag', value: label }, enabled: true },
          { id: 'h', action: 'highlight', match: { type: 'author', value: author }, enabled: true },
        ],
      },
    });
    await bg.settled();
    await vi.waitFor(() => expect(article(LLAMA).closest('[data-hfpt-highlight]')).not.toBeNull());
    expect(article(LLAMA).hasAttribute('data-hfpt-muted')).toBe(false);
  });
});

describe("the page's own scripts", () => {
  it('cannot mute a tag, remove or add a tag by clicking our buttons (untrusted events)', async () => {
    const bg = await start({ acceptEvent: (e: Event) => e.isTrusted });
    const root = shadow(article(LLAMA));
    const mute = root.querySelector<HTMLElement>('.x.mute')!;
    mute.click();
    mute.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })); // nor by a key
    button(root, 'Add a tag').click(); // opening the field does nothing by itself
    await vi.waitFor(() => expect(root.querySelector('input.tag-input')).not.toBeNull());
    const input = root.querySelector<HTMLInputElement>('input.tag-input')!;
    input.value = 'injected';
    input.dispatchEvent(new Event('input', { bubbles: true })); // a script's "typing"
    input.form!.requestSubmit(); // a trusted submit, even from a script
    await bg.settled();
    const { readSettings } = await import('@/lib/settings-store');
    expect((await readSettings(db)).rules).toEqual([]);
    expect(await db.papers.count()).toBe(0);
    expect(document.querySelectorAll('[data-hfpt-muted]')).toHaveLength(0);
  });
});

describe('manual tags', () => {
  it('adds a tag of your own from the card, stored with the paper, and removes it', async () => {
    await start();
    const root = shadow(article(LLAMA));
    button(root, 'Add a tag').click();
    await vi.waitFor(() => expect(root.querySelector('input.tag-input')).not.toBeNull());
    const input = root.querySelector<HTMLInputElement>('input.tag-input')!;
    input.value = '  to  cite ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.form!.requestSubmit();
    await vi.waitFor(() => expect(chips(article(LLAMA))[0]).toBe('to cite'));
    await vi.waitFor(async () => expect((await db.papers.get(LLAMA))?.manualTags).toEqual(['to cite']));
    expect((await db.papers.get(LLAMA))?.tags).not.toContain('to cite'); // apart from computed tags
    button(root, 'Remove tag to cite').click();
    await vi.waitFor(async () => expect((await db.papers.get(LLAMA))?.manualTags).toBeUndefined());
    expect(chips(article(LLAMA))).not.toContain('to cite');
  });
});

describe('manual tags and the rules', () => {
  it('a tag of your own that a mute rule names mutes the card (the background tags it again)', async () => {
    const bg = await start();
    await bg.fromOptions({ type: 'setSettings', patch: { rules: [{ id: 'm1', action: 'mute', match: { type: 'tag', value: 'skip' }, enabled: true }] } });
    await bg.settled();
    expect(article(LLAMA).hasAttribute('data-hfpt-muted')).toBe(false);
    const root = shadow(article(LLAMA));
    button(root, 'Add a tag').click();
    const input = root.querySelector<HTMLInputElement>('input.tag-input')!;
    input.value = 'skip';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.form!.requestSubmit();
    await vi.waitFor(() => expect(article(LLAMA).hasAttribute('data-hfpt-muted')).toBe(true));
    expect(shadow(article(LLAMA), 'data-hfpt-collapsed').querySelector('.reason')!.textContent).toBe('muted: tag skip');
  });
});

describe('keyboard triage', () => {
  it('j j s h stars the second card and hides the third; u undoes the hide; typing in a field is left alone', async () => {
    await start();
    const [, second, third] = articles().map(idOf);
    key('j');
    key('j');
    expect(article(second).hasAttribute('data-hfpt-current')).toBe(true);
    key('s');
    await vi.waitFor(async () => expect((await db.papers.get(second))?.starredAt).toBeDefined());
    key('j');
    key('h');
    await vi.waitFor(async () => expect((await db.papers.get(third))?.hiddenAt).toBeDefined());
    expect(article(third).hasAttribute('data-hfpt-hidden')).toBe(true);
    key('u');
    await vi.waitFor(async () => expect((await db.papers.get(third))?.hiddenAt).toBeUndefined());
    expect((await db.papers.get(second))?.starredAt).toBeDefined(); // only the last action is undone

    const input = document.createElement('input');
    document.body.append(input);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect((await db.papers.get(third))?.starredAt).toBeUndefined();
  });

  it('? opens the key help; custom keys from the options apply live; the keyboard can be turned off', async () => {
    const bg = await start();
    key('?');
    await vi.waitFor(() => expect(document.querySelector('[data-hfpt-overlay="help"]')).not.toBeNull());
    key('Escape');
    await vi.waitFor(() => expect(document.querySelector('[data-hfpt-overlay="help"]')).toBeNull());
    const { DEFAULT_KEYS } = await import('@/lib/settings');
    await bg.fromOptions({ type: 'setSettings', patch: { keys: { ...DEFAULT_KEYS, next: 'n', star: 'x' } } });
    await bg.settled();
    key('n');
    expect(articles()[0].hasAttribute('data-hfpt-current')).toBe(true);
    await bg.fromOptions({ type: 'setSettings', patch: { keyboard: false } });
    await bg.settled();
    expect(document.querySelector('[data-hfpt-current]')).toBeNull();
  });
});

describe('new since last visit', () => {
  it('papers seen on an earlier visit are dimmed; the others are marked new', async () => {
    await createPaperService(db, () => 1_000).markSeen([LLAMA]);
    await start();
    await vi.waitFor(() => expect(article(LLAMA).hasAttribute('data-hfpt-seen')).toBe(true));
    expect(document.documentElement.hasAttribute('data-hfpt-has-seen')).toBe(true);
    expect(shadow(article(LLAMA)).querySelector('.new')).toBeNull();
    const other = articles().map(idOf).find((id) => id !== LLAMA)!;
    expect(shadow(article(other)).querySelector('.new')).not.toBeNull();
    expect(article(other).hasAttribute('data-hfpt-seen')).toBe(false);
  });
});
