// Tags kept beyond the background worker's life (lib/tags/memory.ts), over a fake storage.session.
import { describe, expect, it } from 'vitest';
import { createTagMemory } from '@/lib/tags/memory';
import { fakeSessionArea } from './fake-session';
import type { RememberedTags } from '@/lib/tags/facets';

const entry = (label: string): RememberedTags => ({ text: 'A title\u0000An abstract.\u0000', topics: '[]', tags: [{ label, source: 'topic', why: 'title: "x"' }] });

describe('createTagMemory', () => {
  it('recalls what was kept, for this version of the extension only', async () => {
    const area = fakeSessionArea();
    await createTagMemory(area, '1.2.0').keep({ '2401.00001': entry('LLM'), '2401.00002': entry('Agents') });
    const got = await createTagMemory(area, '1.2.0').recall(['2401.00001', '2401.00003']);
    expect([...got]).toEqual([['2401.00001', entry('LLM')]]);
    expect((await createTagMemory(area, '1.3.0').recall(['2401.00001'])).size).toBe(0);
  });

  it('ignores what does not look like kept tags', async () => {
    const area = fakeSessionArea();
    area.items.set('tags:1:2401.00001', { text: 42, topics: '[]', tags: [] });
    area.items.set('tags:1:2401.00002', 'LLM');
    expect((await createTagMemory(area, '1').recall(['2401.00001', '2401.00002'])).size).toBe(0);
  });

  it('starts again when the area is full', async () => {
    const area = fakeSessionArea(2);
    const memory = createTagMemory(area, '1');
    await memory.keep({ '2401.00001': entry('LLM'), '2401.00002': entry('Agents') });
    await memory.keep({ '2401.00003': entry('Robotics') });
    expect([...area.items.keys()]).toEqual(['tags:1:2401.00003']);
  });
});
