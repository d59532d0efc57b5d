// Tags kept beyond the background worker's life (lib/tags/memory.ts), over a fake storage.session.
import { describe, expect, it } from 'vitest';
import { createTagMemory, type SessionArea } from '@/lib/tags/memory';
import type { RememberedTags } from '@/lib/tags/facets';

function fakeArea(quota = Infinity) {
  const items = new Map<string, unknown>();
  const area: SessionArea & { items: Map<string, unknown> } = {
    items,
    get: async (keys) => Object.fromEntries(keys.filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))])),
    async set(add) {
      if (items.size + Object.keys(add).length > quota) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [k, v] of Object.entries(add)) items.set(k, structuredClone(v));
    },
    clear: async () => items.clear(),
  };
  return area;
}

const entry = (label: string): RememberedTags => ({ text: 'A title\u0000120\u0000', topics: '[]', tags: [{ label, source: 'topic', why: 'title: "x"' }] });

describe('createTagMemory', () => {
  it('recalls what was kept, for this version of the extension only', async () => {
    const area = fakeArea();
    await createTagMemory(area, '1.2.0').keep({ '2401.00001': entry('LLM'), '2401.00002': entry('Agents') });
    const got = await createTagMemory(area, '1.2.0').recall(['2401.00001', '2401.00003']);
    expect([...got]).toEqual([['2401.00001', entry('LLM')]]);
    expect((await createTagMemory(area, '1.3.0').recall(['2401.00001'])).size).toBe(0);
  });

  it('ignores what does not look like kept tags', async () => {
    const area = fakeArea();
    area.items.set('tags:1:2401.00001', { text: 42, topics: '[]', tags: [] });
    area.items.set('tags:1:2401.00002', 'LLM');
    expect((await createTagMemory(area, '1').recall(['2401.00001', '2401.00002'])).size).toBe(0);
  });

  it('starts again when the area is full', async () => {
    const area = fakeArea(2);
    const memory = createTagMemory(area, '1');
    await memory.keep({ '2401.00001': entry('LLM'), '2401.00002': entry('Agents') });
    await memory.keep({ '2401.00003': entry('Robotics') });
    expect([...area.items.keys()]).toEqual(['tags:1:2401.00003']);
  });
});
