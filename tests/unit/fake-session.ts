// A fake browser.storage.session (lib/tags/memory.ts's SessionArea): items kept as the browser
// does (copies), and a quota counted in items, past which a write fails as a full area's does.
import { vi } from 'vitest';
import type { SessionArea } from '@/lib/tags/memory';

export function fakeSessionArea(quota = Infinity) {
  const items = new Map<string, unknown>();
  return {
    items,
    get: vi.fn(async (keys: string[]) => Object.fromEntries(keys.filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))]))),
    set: vi.fn(async (add: Record<string, unknown>) => {
      if (items.size + Object.keys(add).length > quota) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [k, v] of Object.entries(add)) items.set(k, structuredClone(v));
    }),
    clear: vi.fn(async () => items.clear()),
  } satisfies SessionArea & { items: Map<string, unknown> };
}
