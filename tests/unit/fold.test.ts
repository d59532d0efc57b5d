import { describe, expect, it } from 'vitest';
import { oneSpaced } from '@/lib/fold';
import { HOSTILE_TEXT, Rng, anyString, fuzzSeed } from './gen';
import evalSet from './tags-eval.json';

// Every character JavaScript's \s matches, and two that look like it and are not (zero-width space,
// Mongolian vowel separator).
const WHITESPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u180e';
const reference = (s: string) => s.replace(/\s+/g, ' ');

describe('oneSpaced', () => {
  it('folds each run of whitespace to one space, as /\\s+/g would', () => {
    expect(oneSpaced('a\n b  c\t\u00a0d \n')).toBe('a b c d ');
    expect(oneSpaced(' ')).toBe(' ');
    expect(oneSpaced('\n')).toBe(' ');
    expect(oneSpaced('one two')).toBe('one two');
    expect(oneSpaced('zero\u200bwidth')).toBe('zero\u200bwidth');
  });

  it('agrees with /\\s+/g on real abstracts and titles', () => {
    const texts = evalSet.papers.flatMap((p) => [p.title, p.abstract]);
    expect(texts.length).toBeGreaterThan(200);
    expect(texts.some((t) => t.includes('\n'))).toBe(true); // arXiv's line breaks are there
    for (const t of texts) expect(oneSpaced(t)).toBe(reference(t));
  });

  it('agrees with /\\s+/g on generated and hostile text', () => {
    const r = new Rng(fuzzSeed());
    for (let i = 0; i < 2000; i++) {
      const s = r.many(12, () => (r.bool() ? r.pick([...WHITESPACE]).repeat(r.range(1, 3)) : anyString(r, 6))).join('');
      expect(oneSpaced(s)).toBe(reference(s));
    }
    for (const s of HOSTILE_TEXT) expect(oneSpaced(s)).toBe(reference(s));
  });
});
