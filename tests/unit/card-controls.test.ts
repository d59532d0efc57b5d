// The card's controls as the DOM renderer draws and patches them (components/card-controls.ts).
import { describe, expect, it, vi } from 'vitest';
import { mountCardControls, type CardView } from '@/components/card-controls';
import type { PaperState } from '@/lib/messages';

const VIEW: CardView = {
  id: '2407.21783',
  title: 'The Llama 3 Herd of Models',
  tags: [
    { label: 'LLM', source: 'topic', why: 'title: "Llama"' },
    { label: 'mine', source: 'manual', why: 'added by you' },
    { label: 'Red', source: 'user', why: 'your rule', color: '#ff0000' },
    { label: 'Bad colour', source: 'user', color: 'red; background: url(https://x)' },
  ],
  links: {
    codeUrl: 'https://github.com/meta-llama/llama3',
    codeName: 'meta-llama/llama3',
    codeStars: 27_400,
    projectUrl: 'https://llama.meta.com',
    extra: [{ label: 'Demo', url: 'https://huggingface.co/spaces/x/y' }],
  },
};
const OFF: PaperState = { starred: false, hidden: false };

function mount(handlers: Partial<Parameters<typeof mountCardControls>[1]> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const all = { onStar: vi.fn(), onHide: vi.fn(), onAddTag: vi.fn(), onRemoveTag: vi.fn(), onMuteTag: vi.fn(), ...handlers };
  return { container, handlers: all, view: mountCardControls(container, all) };
}
const button = (root: ParentNode, name: string) => [...root.querySelectorAll<HTMLElement>('button, [role="button"]')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name)!;

describe('mountCardControls', () => {
  it('draws the tags, Star, Hide and the links, with their names', () => {
    const { container, view } = mount();
    view.update({ view: VIEW, state: OFF });
    const chips = [...container.querySelectorAll('ul[role="list"][aria-label="Tags"] > li[role="listitem"]')];
    expect(chips.map((c) => c.textContent)).toEqual(['LLM', 'mine', 'Red', 'Bad colour']);
    expect(chips[0].getAttribute('data-why')).toBe('title: "Llama"');
    expect((chips[2] as HTMLElement).style.borderColor).not.toBe('');
    expect((chips[3] as HTMLElement).getAttribute('style')).toBeNull(); // not a #rrggbb: no style at all
    expect(button(container, 'Remove tag mine')).toBeDefined();
    expect(button(container, 'Mute tag LLM')).toBeDefined();
    expect(button(container, 'Star').getAttribute('aria-pressed')).toBe('false');
    expect(button(container, 'Hide')).toBeDefined();
    const code = container.querySelector('a[aria-label^="Code"]')!;
    expect(code.getAttribute('aria-label')).toBe('Code meta-llama/llama3 ★ 27k (27400 GitHub stars)');
    expect(code.getAttribute('href')).toBe('https://github.com/meta-llama/llama3');
    expect(code.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.querySelector('a[aria-label="Project page: llama.meta.com"]')).not.toBeNull();
  });

  it('patches in place: a star keeps the focused button, tags are redrawn only when they change', () => {
    const { container, view } = mount();
    view.update({ view: VIEW, state: OFF });
    const star = button(container, 'Star');
    star.focus();
    const list = container.querySelector('ul')!;
    const firstChip = list.firstElementChild;
    view.update({ view: VIEW, state: { ...OFF, starred: true } });
    expect(button(container, 'Star')).toBe(star);
    expect(document.activeElement).toBe(star);
    expect(star.getAttribute('aria-pressed')).toBe('true');
    expect(star.querySelector('.icon-star-filled')).not.toBeNull();
    expect(list.firstElementChild).toBe(firstChip);
    view.update({ view: { ...VIEW, tags: [{ label: 'Robotics', source: 'topic' }] }, state: OFF });
    expect([...list.children].map((c) => c.textContent)).toEqual(['Robotics']);
    view.update({ view: { ...VIEW, tags: [] }, state: { ...OFF, hidden: true } });
    expect(container.querySelector('ul')).toBeNull(); // no empty list
    expect(button(container, 'Show').textContent).toBe('Show');
  });

  it('calls the handlers; "+N" shows the other links and hides them again', () => {
    const { container, view, handlers } = mount();
    view.update({ view: VIEW, state: OFF });
    button(container, 'Star').click();
    button(container, 'Hide').click();
    button(container, 'Mute tag LLM').click();
    button(container, 'Remove tag mine').click();
    expect(handlers.onStar).toHaveBeenCalledOnce();
    expect(handlers.onHide).toHaveBeenCalledOnce();
    expect(handlers.onMuteTag).toHaveBeenCalledWith('LLM', expect.any(Event));
    expect(handlers.onRemoveTag).toHaveBeenCalledWith('mine', expect.any(Event));
    const more = button(container, '1 more links');
    more.click();
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('a[href="https://huggingface.co/spaces/x/y"]')).not.toBeNull();
    more.click();
    expect(container.querySelector('a[href="https://huggingface.co/spaces/x/y"]')).toBeNull();
  });

  it('a chip\'s mute and remove buttons (buttons by role) take the focus, and Enter or Space as a button does', () => {
    const { container, view, handlers } = mount();
    view.update({ view: VIEW, state: OFF });
    const mute = button(container, 'Mute tag LLM');
    expect(mute.tabIndex).toBe(0);
    const press = (el: HTMLElement, key: string) => {
      const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      el.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(press(mute, 'Enter')).toBe(true); // handled: the page does not scroll, triage keys leave it
    expect(press(button(container, 'Remove tag mine'), ' ')).toBe(true);
    expect(press(mute, 'a')).toBe(false);
    expect(handlers.onMuteTag).toHaveBeenCalledOnce();
    expect(handlers.onMuteTag).toHaveBeenCalledWith('LLM', expect.any(KeyboardEvent));
    expect(handlers.onRemoveTag).toHaveBeenCalledWith('mine', expect.any(KeyboardEvent));
  });

  it('"+ Tag" keeps the focus when the first tag of the card appears before it', () => {
    const { container, view } = mount();
    view.update({ view: { ...VIEW, tags: [] }, state: OFF });
    const plus = button(container, 'Add a tag');
    plus.focus();
    view.update({ view: VIEW, state: OFF });
    expect(container.querySelectorAll('li[role="listitem"]')).toHaveLength(4);
    expect(document.activeElement).toBe(plus);
  });

  it('opens the "+ Tag" field on demand; without a handler there is none', async () => {
    const { container, view } = mount();
    view.update({ view: VIEW, state: OFF });
    button(container, 'Add a tag').click();
    await vi.waitFor(() => expect(container.querySelector('input.tag-input')).not.toBeNull());
    const bare = mount({ onAddTag: undefined, onMuteTag: undefined });
    bare.view.update({ view: VIEW, state: OFF });
    expect(button(bare.container, 'Add a tag')).toBeUndefined();
    expect(button(bare.container, 'Mute tag LLM')).toBeUndefined();
    expect(bare.container.querySelector('li[tabindex="0"]')).not.toBeNull(); // a chip without buttons takes focus itself
  });

  it('without a code link says what is known of the code', () => {
    const { container, view } = mount();
    view.update({ view: { ...VIEW, links: { codeStatus: 'checking' } }, state: OFF });
    expect(container.querySelector('.none')!.textContent).toBe('Checking code…');
    view.update({ view: { ...VIEW, links: { codeStatus: 'none' } }, state: OFF });
    expect(container.querySelector('.none')!.textContent).toBe('No code yet');
    expect(container.querySelector('a[aria-label^="Code"]')).toBeNull();
  });

  it('puts page text in as text', () => {
    const { container, view } = mount();
    const evil = '<img src=x onerror="window.__pwned=1">';
    view.update({ view: { ...VIEW, tags: [{ label: evil, source: 'hf', why: evil }], highlight: { reason: `highlighted: ${evil}` } }, state: OFF });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('li')!.textContent).toBe(evil);
    expect(container.querySelector('.highlight')!.textContent).toBe(`★ ${evil}`);
  });
});
