// The options page's rule editor, topics and triage settings, rendered with Preact in jsdom.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '@/components/OptionsPage';
import { RulesEditor } from '@/components/RulesEditor';
import { openDb, type TriageDB } from '@/lib/db';
import type { Reply, Request } from '@/lib/messages';
import type { Rule } from '@/lib/rules/schema';
import { SettingsPatch } from '@/lib/settings';
import { readSettings, writeSettings } from '@/lib/settings-store';
import { TOPICS } from '@/lib/tags/taxonomy';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const flush = () => act(async () => {});

/** Types into a field as a user would (the re-render included). */
function type(el: Element | null, value: string) {
  const input = el as HTMLInputElement;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function choose(el: Element | null, value: string) {
  const select = el as HTMLSelectElement;
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
/** The control a visible label names, within `scope`. */
function control(scope: ParentNode, label: string): HTMLInputElement {
  const found = [...scope.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  if (!found?.control) throw new Error(`no control labelled ${label}`);
  return found.control as HTMLInputElement;
}
const form = (section: string) => root.querySelector<HTMLFormElement>(`form[aria-label="Add a rule to ${section}"]`)!;
async function submit(f: HTMLFormElement) {
  await act(async () => {
    f.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  });
}
/** The message a field points to with aria-describedby. */
const description = (el: Element) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;

describe('RulesEditor', () => {
  function mount(rules: Rule[] = [], onSave = vi.fn(async (_rules: Rule[]) => null as string | null)) {
    act(() => render(<RulesEditor rules={rules} onSave={onSave} />, root));
    return onSave;
  }

  it('has the three sections', () => {
    mount();
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Your tag rules', 'Mute rules', 'Highlight rules']);
  });

  it('a catastrophic regex shows the checker\'s message next to the field, and nothing is sent', async () => {
    const onSave = mount();
    const f = form('mute rules');
    choose(control(f, 'Match on'), 'regex');
    await flush();
    const pattern = control(f, 'Pattern');
    type(pattern, '(a+)+$');
    await submit(f);
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    expect(description(pattern)).toBe('Nested quantifier (a+)+ can take exponential time');
    expect(document.activeElement).toBe(pattern);
    expect(onSave).not.toHaveBeenCalled();
    // Editing the field clears the message.
    type(pattern, '(a+)+');
    await flush();
    expect(pattern.hasAttribute('aria-invalid')).toBe(false);
  });

  it('a good mute rule is sent, whole list, with a preview of what cards will say', async () => {
    const existing: Rule = { id: 'old', action: 'highlight', match: { type: 'author', value: 'Sewon Min' }, color: '#f59e0b', enabled: true };
    const onSave = mount([existing]);
    const f = form('mute rules');
    choose(control(f, 'Match on'), 'regex');
    await flush();
    type(control(f, 'Pattern'), '\\bsurveys?\\b');
    choose(control(f, 'In'), 'title');
    await flush();
    expect(f.querySelector('.preview')?.textContent).toBe('A card will read “muted: /\\bsurveys?\\b/i in title”');
    await submit(f);
    expect(onSave).toHaveBeenCalledTimes(1);
    const sent = onSave.mock.calls[0][0];
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(existing);
    expect(sent[1]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      action: 'mute',
      match: { type: 'regex', source: '\\bsurveys?\\b', flags: 'i', field: 'title' },
      enabled: true,
    });
    expect((control(f, 'Pattern') as HTMLInputElement).value).toBe('');
    expect(f.querySelector('[role=status]')?.textContent).toBe('Added: /\\bsurveys?\\b/i in title');
  });

  it('a tag rule needs its tag; a keyword needs a letter', async () => {
    const onSave = mount();
    const f = form('your tag rules');
    type(control(f, 'Keyword'), 'state space');
    await submit(f);
    const tag = control(f, 'Tag to give');
    expect(tag.getAttribute('aria-invalid')).toBe('true');
    expect(description(tag)).toBe('Type the tag to give');
    type(tag, 'SSM');
    type(control(f, 'Keyword'), ' -- ');
    await submit(f);
    expect(description(control(f, 'Keyword'))).toBe('A keyword needs a letter or a digit');
    type(control(f, 'Keyword'), 'state space');
    await submit(f);
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0][0][0]).toMatchObject({ action: 'tag', tag: 'SSM', color: '#7c3aed', match: { type: 'keyword', value: 'state space', field: 'any' } });
  });

  it("shows the background's refusal, and keeps what was typed", async () => {
    mount([], vi.fn(async () => 'invalid message: Two rules share an id at patch.rules.1.id'));
    const f = form('highlight rules');
    type(control(f, "Author's name"), 'Kaiming He');
    await submit(f);
    expect(f.querySelector('[role=alert]')?.textContent).toBe('Not saved: invalid message: Two rules share an id at patch.rules.1.id');
    expect(control(f, "Author's name").value).toBe('Kaiming He');
  });

  it('rules can be turned off and deleted, each change sending the whole list', async () => {
    const rules: Rule[] = [
      { id: 'a', action: 'mute', match: { type: 'keyword', value: 'survey', field: 'title' }, enabled: true },
      { id: 'b', action: 'mute', match: { type: 'author', value: 'Jane Doe' }, enabled: true },
      { id: 'c', action: 'tag', match: { type: 'regex', source: 'mamba', flags: 'i', field: 'any' }, tag: 'SSM', enabled: true },
    ];
    const onSave = mount(rules);
    const toggle = root.querySelector<HTMLInputElement>('input[aria-label="Use the rule \\"survey\\" in title"]')!;
    expect(toggle.checked).toBe(true);
    expect(root.textContent).toContain('A card will read “muted: "survey" in title”');
    await act(async () => toggle.click());
    expect(onSave).toHaveBeenLastCalledWith([{ ...rules[0], enabled: false }, rules[1], rules[2]]);
    await act(async () => root.querySelector<HTMLButtonElement>('button[aria-label="Delete the rule author Jane Doe"]')!.click());
    expect(onSave).toHaveBeenLastCalledWith([rules[0], rules[2]]);
    expect(document.activeElement?.textContent).toBe('Mute rules');
  });
});

describe('OptionsPage', () => {
  let db: TriageDB;
  let sent: Request[];
  /** The background's setSettings, as it parses and stores: the same zod schema, the same store. */
  let send: (request: Request) => Promise<Reply>;
  beforeEach(() => {
    db = openDb(`options-${Math.random()}`);
    sent = [];
    send = async (request) => {
      sent.push(request);
      if (request.type !== 'setSettings') return { ok: false, error: 'unexpected' };
      const patch = SettingsPatch.safeParse(request.patch);
      if (!patch.success) return { ok: false, error: `invalid message: ${patch.error.issues[0].message}` };
      return { ok: true, settings: await writeSettings(db, patch.data) };
    };
  });
  afterEach(async () => {
    render(null, root);
    db.close();
    await db.delete();
  });
  async function mount() {
    act(() => render(<OptionsPage db={db} send={(r) => send(r)} />, root));
    // Settings read: the first toggle comes alive.
    await vi.waitFor(() => expect(control(root, 'Look up code links on Hugging Face').disabled).toBe(false));
  }

  it('keeps the existing sections and adds the new ones', async () => {
    await mount();
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Code links',
      'Your tag rules',
      'Mute rules',
      'Highlight rules',
      'Built-in topics',
      'Triage',
      'Page health',
      'Your data',
    ]);
  });

  it('a rule added goes through the background into the database, and shows in the list', async () => {
    await mount();
    const f = form('highlight rules');
    type(control(f, "Author's name"), 'Kaiming He');
    await submit(f);
    await vi.waitFor(async () => expect((await readSettings(db)).rules).toHaveLength(1));
    expect((await readSettings(db)).rules[0]).toMatchObject({ action: 'highlight', match: { type: 'author', value: 'Kaiming He' }, color: '#f59e0b' });
    await vi.waitFor(() => expect(root.querySelector('button[aria-label="Delete the rule author Kaiming He"]')).not.toBeNull());
  });

  it("a refused rule never reaches the background; the background's own refusal is shown", async () => {
    await mount();
    const f = form('your tag rules');
    choose(control(f, 'Match on'), 'regex');
    await flush();
    type(control(f, 'Pattern'), '(.*a){20}');
    type(control(f, 'Tag to give'), 'x');
    await submit(f);
    expect(description(control(f, 'Pattern'))).toBe('Nested quantifier (.*a){20} can take exponential time');
    expect(sent).toEqual([]);
    send = async () => ({ ok: false, error: 'settings are changed from the options page only' });
    type(control(f, 'Pattern'), 'mamba');
    await submit(f);
    await vi.waitFor(() => expect(f.querySelector('[role=alert]')?.textContent).toBe('Not saved: settings are changed from the options page only'));
    // Nothing stored, nothing listed.
    expect((await readSettings(db)).rules).toEqual([]);
    expect(root.querySelector('.rule')).toBeNull();
  });

  it('built-in topics: one checkbox per topic, writing disabledTopics', async () => {
    await mount();
    const first = TOPICS[0].label;
    const box = control(root, first);
    expect(root.querySelectorAll('.topic-grid input[type=checkbox]')).toHaveLength(TOPICS.length);
    expect(box.checked).toBe(true);
    await act(async () => box.click());
    await vi.waitFor(async () => expect((await readSettings(db)).disabledTopics).toEqual([first]));
    expect(sent.at(-1)).toEqual({ type: 'setSettings', patch: { disabledTopics: [first] } });
    await vi.waitFor(() => expect(control(root, first).checked).toBe(false));
  });

  it('triage toggles, and keys: one character each, all different', async () => {
    await mount();
    await act(async () => control(root, 'Dim papers seen on an earlier visit').click());
    await vi.waitFor(async () => expect((await readSettings(db)).dimSeen).toBe(false));

    const star = control(root, 'Star / unstar');
    expect(star.value).toBe('s');
    type(star, 'j'); // the key for "Next paper"
    await flush();
    expect(star.getAttribute('aria-invalid')).toBe('true');
    expect(description(star)).toBe('Already the key for “Next paper”');
    type(star, '');
    await flush();
    expect(description(star)).toBe('Type one character');
    expect(sent.filter((r) => r.type === 'setSettings' && 'keys' in r.patch)).toEqual([]);

    type(star, 'x');
    await vi.waitFor(async () => expect((await readSettings(db)).keys.star).toBe('x'));
    expect(star.hasAttribute('aria-invalid')).toBe(false);
    // The last character typed replaces the one there.
    type(star, 'xf');
    await vi.waitFor(async () => expect((await readSettings(db)).keys.star).toBe('f'));
  });
});
