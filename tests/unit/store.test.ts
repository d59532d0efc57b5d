import { describe, expect, it, vi } from 'vitest';
import { StateStore } from '@/lib/page/store';

describe('StateStore', () => {
  it('keeps the newest state when a reply is overtaken by a newer push', () => {
    const store = new StateStore();
    const seen = vi.fn();
    store.subscribe('2401.00001', seen);
    store.set({ '2401.00001': { starred: false, hidden: false, at: 7 } }); // push of another tab's write
    store.set({ '2401.00001': { starred: true, hidden: false, at: 6 } }); // this tab's older reply, late
    expect(store.get('2401.00001')).toEqual({ starred: false, hidden: false, at: 7 });
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('an optimistic change (no counter) shows at once, and the reply confirms it', () => {
    const store = new StateStore();
    store.set({ '2401.00001': { starred: false, hidden: false, at: 3 } });
    store.set({ '2401.00001': { starred: true, hidden: false } });
    expect(store.get('2401.00001')).toEqual({ starred: true, hidden: false, at: 3 });
    store.set({ '2401.00001': { starred: true, hidden: false, at: 4 } });
    expect(store.get('2401.00001').at).toBe(4);
  });

  it('tells of facets only when they are new (the early answer is taken again at DOMContentLoaded)', () => {
    const store = new StateStore();
    const card = vi.fn();
    const summary = vi.fn();
    store.subscribe('2401.00001', card);
    store.subscribeAll(summary);
    const facets = { tags: [], manualTags: [], aiKeywords: [] };
    store.setFacets({ '2401.00001': facets });
    store.setFacets({ '2401.00001': facets });
    expect([card.mock.calls.length, summary.mock.calls.length]).toEqual([1, 1]);
    store.setFacets({ '2401.00001': { ...facets } }); // tagged again: a new answer, even if equal
    expect([card.mock.calls.length, summary.mock.calls.length]).toEqual([2, 2]);
  });

  it('drops a listener set once its last listener leaves', () => {
    const store = new StateStore();
    const off = store.subscribe('2401.00001', () => {});
    off();
    expect((store as unknown as { byId: Map<string, unknown> }).byId.size).toBe(0);
  });
});
