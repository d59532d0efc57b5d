// The background's tagging of cards (lib/tags/facets.ts): what it gives, and what its cache may not.
import { describe, expect, it } from 'vitest';
import { createTagger, type PaperText, type RememberedTags } from '@/lib/tags/facets';
import { paperTags } from '@/lib/tags/match';
import type { Rule } from '@/lib/rules/schema';

const DIFFUSION: PaperText = { id: '2407.21783', title: 'Latent Diffusion for Video Generation', abstract: 'We train a video diffusion model.', authors: ['Ada Lovelace'], aiKeywords: ['denoising'] };
const NONE = { rules: [] as Rule[], disabledTopics: [] as string[] };
const labels = (f: { tags: { label: string }[] }) => f.tags.map((t) => t.label);

describe('createTagger', () => {
  it('gives the paper our tags, as paperTags does, with the basis they were computed with', () => {
    const f = createTagger().describe([DIFFUSION], () => [], NONE)[DIFFUSION.id];
    expect(f.tags).toEqual(paperTags(DIFFUSION));
    expect(f).toMatchObject({ manualTags: [], aiKeywords: ['denoising'] });
    expect(f.muted).toBeUndefined();
  });

  it('puts manual tags first and applies the rules over every tag (manual ones too)', () => {
    const rules: Rule[] = [
      { id: 'm', action: 'mute', match: { type: 'tag', value: 'skip me' }, enabled: true },
      { id: 'h', action: 'highlight', match: { type: 'author', value: 'ada lovelace' }, color: '#16a34a', enabled: true },
      { id: 't', action: 'tag', match: { type: 'keyword', value: 'latent diffusion', field: 'any' }, tag: 'LDM', color: '#0f766e', enabled: true },
    ];
    const f = createTagger().describe([DIFFUSION], () => ['skip me'], { rules, disabledTopics: [] })[DIFFUSION.id];
    expect(labels(f).slice(0, 2)).toEqual(['skip me', 'LDM']);
    expect(f.tags[0]).toMatchObject({ source: 'manual', why: 'added by you' });
    expect(f.tags[1]).toMatchObject({ source: 'user', color: '#0f766e' });
    expect(f.muted?.reason).toBe('muted: tag skip me');
    expect(f.highlight).toEqual({ reason: 'highlighted: author Ada Lovelace', color: '#16a34a' });
  });

  it('tags the text it is sent, not what it remembers of an id', () => {
    const tagger = createTagger();
    expect(labels(tagger.describe([DIFFUSION], () => [], NONE)[DIFFUSION.id])).toContain('Diffusion');
    const other = { ...DIFFUSION, title: 'A Study of Robot Grasping', abstract: 'Robots grasp objects with a robot arm.', aiKeywords: [] };
    const f = tagger.describe([other], () => [], NONE)[DIFFUSION.id];
    expect(labels(f)).not.toContain('Diffusion');
    expect(labels(f)).toContain('Robotics');
  });

  it('follows the settings: topics turned off, and rules changed since the last call', () => {
    const tagger = createTagger();
    expect(labels(tagger.describe([DIFFUSION], () => [], NONE)[DIFFUSION.id])).toContain('Diffusion');
    expect(labels(tagger.describe([DIFFUSION], () => [], { rules: [], disabledTopics: ['Diffusion'] })[DIFFUSION.id])).not.toContain('Diffusion');
    const mute: Rule = { id: 'm', action: 'mute', match: { type: 'keyword', value: 'video', field: 'any' }, enabled: true };
    expect(tagger.describe([DIFFUSION], () => [], { rules: [mute], disabledTopics: [] })[DIFFUSION.id].muted?.ruleId).toBe('m');
    expect(tagger.describe([DIFFUSION], () => [], NONE)[DIFFUSION.id].muted).toBeUndefined();
  });
});

describe('tags kept beyond the worker (remembered)', () => {
  const OTHER: PaperText = { id: '2401.00001', title: 'Retrieval-augmented generation for question answering', abstract: 'A retriever and a reader.', authors: [], aiKeywords: [] };
  const keptOf = (tagger: ReturnType<typeof createTagger>) => new Map(Object.entries(tagger.takeFresh()));
  /** What was kept, with a label no tagging gives: it shows only if the kept tags are taken. */
  const planted = (kept: Map<string, RememberedTags>) =>
    new Map([...kept].map(([id, e]) => [id, { ...e, tags: [{ label: 'Kept', source: 'topic' as const, why: 'kept' }] }]));

  it('a new worker takes the tags a previous one kept, and makes none', () => {
    const first = createTagger();
    expect(first.unknownIds([DIFFUSION.id, OTHER.id])).toEqual([DIFFUSION.id, OTHER.id]);
    first.prepare([DIFFUSION, OTHER], NONE, new Map()); // nothing kept yet
    const kept = keptOf(first);
    expect([...kept.keys()]).toEqual([DIFFUSION.id, OTHER.id]);
    expect(first.takeFresh()).toEqual({}); // taken once
    expect(first.unknownIds([DIFFUSION.id, OTHER.id])).toEqual([]); // in its own cache now

    const next = createTagger();
    const prepared = next.prepare([DIFFUSION, OTHER], NONE, planted(kept));
    expect(next.takeFresh()).toEqual({});
    expect(labels(next.describe([DIFFUSION, OTHER], () => [], NONE, prepared)[OTHER.id])).toEqual(['Kept']);
    // Taken as kept, unplanted: the same answer as the worker that made them.
    const again = createTagger();
    const same = again.prepare([DIFFUSION, OTHER], NONE, kept);
    expect(again.describe([DIFFUSION, OTHER], () => [], NONE, same)).toEqual(first.describe([DIFFUSION, OTHER], () => [], NONE));
  });

  it('tags again a paper whose text differs at all from what was kept, or with other topics turned off', () => {
    const first = createTagger();
    first.prepare([DIFFUSION], NONE, new Map());
    const kept = planted(keptOf(first));
    const retagged = (p: PaperText, settings = NONE) => {
      const tagger = createTagger();
      const tags = labels(tagger.describe([p], () => [], settings, tagger.prepare([p], settings, kept))[p.id]);
      expect(Object.keys(tagger.takeFresh())).toEqual([p.id]);
      return tags;
    };
    // A page's text for the paper, of the same length as what was kept: not taken for it.
    const sameLength = DIFFUSION.abstract!.replace('video', 'audio');
    expect(sameLength.length).toBe(DIFFUSION.abstract!.length);
    expect(retagged({ ...DIFFUSION, abstract: sameLength })).not.toContain('Kept');
    expect(retagged({ ...DIFFUSION, title: 'Retrieval-augmented generation' })).not.toContain('Diffusion');
    expect(retagged({ ...DIFFUSION, aiKeywords: [...DIFFUSION.aiKeywords, 'video synthesis'] })).toContain('video synthesis'); // HF adds keywords later
    expect(retagged(DIFFUSION, { rules: [], disabledTopics: ['Diffusion'] })).not.toContain('Diffusion');
  });

  it('more papers at once than its cache holds: each tagged once, the kept ones taken', () => {
    const many = Array.from({ length: 2100 }, (_, i) => ({ ...DIFFUSION, id: `2401.${String(i).padStart(5, '0')}` }));
    const first = createTagger();
    first.prepare(many, NONE, new Map());
    const kept = planted(keptOf(first));
    const next = createTagger();
    const facets = next.describe(many, () => [], NONE, next.prepare(many, NONE, kept));
    expect(labels(facets[many[0].id])).toEqual(['Kept']); // the first one, out of the cache by then
    expect(next.takeFresh()).toEqual({});
  });
});
