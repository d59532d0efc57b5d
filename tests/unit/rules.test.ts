// User rules: the regex checker, the schema's messages, and the engine on real papers
// (tests/fixtures/api_daily_papers_2026-05-08.json, copied from shared/fixtures/hf; see SOURCES.md).
import { describe, expect, it, vi } from 'vitest';
import { MAX_ABSTRACT, applyRules, compileRules, type RulePaper } from '@/lib/rules/engine';
import { checkRegex } from '@/lib/rules/safe-regex';
import { Rule, RuleList } from '@/lib/rules/schema';
import { fixtureText } from './fixtures';

interface ApiItem {
  paper: { id: string; title: string; summary: string; authors: { name: string }[]; ai_keywords?: string[] };
}
const items = JSON.parse(fixtureText('api_daily_papers_2026-05-08.json')) as ApiItem[];
/** The fixture's papers as the engine sees them; tags are HF's ai_keywords. */
const PAPERS = new Map<string, RulePaper>(
  items.map(({ paper: p }) => [p.id, { title: p.title, abstract: p.summary, authors: p.authors.map((a) => a.name), tags: p.ai_keywords ?? [] }]),
);
const paper = (id: string) => PAPERS.get(id)!;

/**
 * Two more real papers, for accented names: title and authors copied from shared/fixtures/hf
 * (api_daily_papers_2026-07-13.json, from ikevinxie/ai-weekly-radar@263ed3a7; and
 * api_daily_papers_2026-07-31.json, from scout-cpu/personal-news-feed@bfc5bfbd), authors trimmed to
 * the first few.
 */
const SOVEREIGN: RulePaper = {
  title: 'A Sovereign, Open-Source Foundation Model for German and English',
  authors: ['The Soofi-Team', 'Benedikt Droste', 'David Fitzek', 'Ruben Härle', 'Lukas Helff', 'Tom Röhr', 'Jörg Bienert', 'Max Lübbering'],
  tags: [],
};
const FAIRNESS: RulePaper = {
  title: 'Fairness Pruning: Locating Demographic Bias in GLU-MLP Layers via Differential Activations',
  authors: ['Pere Martra', 'Eugenio Martínez Cámara', 'Alfonso Ureña López'],
  tags: [],
};

let seq = 0;
/** A rule as the schema outputs it (defaults filled in). */
function rule(action: Rule['action'], match: Record<string, unknown>, extra: Record<string, unknown> = {}): Rule {
  return Rule.parse({ id: `rule-${++seq}`, action, match, ...(action === 'tag' && !('tag' in extra) ? { tag: 'Mine' } : {}), ...extra });
}
const keyword = (value: string, field?: string) => ({ type: 'keyword', value, ...(field ? { field } : {}) });
const regex = (source: string, flags?: string, field?: string) => ({ type: 'regex', source, ...(flags !== undefined ? { flags } : {}), ...(field ? { field } : {}) });
const tag = (value: string) => ({ type: 'tag', value });
const author = (value: string) => ({ type: 'author', value });

/** Ids of the fixture papers a single rule mutes. */
function mutedIds(r: Rule): string[] {
  const c = compileRules([r]);
  return [...PAPERS].filter(([, p]) => applyRules(c, p).muted).map(([id]) => id);
}

// ---------------------------------------------------------------------------------------------

describe('checkRegex', () => {
  it.each([
    ['(a+)+$', 'Nested quantifier (a+)+ can take exponential time'],
    ['(a*)*b', 'Nested quantifier (a*)* can take exponential time'],
    ['(.*a){20}', 'Nested quantifier (.*a){20} can take exponential time'],
    ['(\\w+\\s?)+$', 'Nested quantifier (\\w+\\s?)+ can take exponential time'],
    ['^(([a-z])+.)+[A-Z]([a-z])+$', 'Nested quantifier (([a-z])+.)+ can take exponential time'],
    ['^(a?){25}(a){25}$', 'Nested quantifier (a?){25} can take exponential time'],
    ['(x+x+)+y', 'Nested quantifier (x+x+)+ can take exponential time'],
    ['(a|b+)+c', 'Nested quantifier (a|b+)+ can take exponential time'],
    ['(a|a)*$', 'Alternatives that can match the same text inside a repeat, as in (a|a)*, can take exponential time'],
    ['(\\w|\\d)+x', 'Alternatives that can match the same text inside a repeat, as in (\\w|\\d)+, can take exponential time'],
    ['\\w+\\s*\\w+!', 'Repeats that can take the same characters one after the other, as in \\w+\\s*\\w+, can take a very long time'],
    ['.*.*=', 'Repeats that can take the same characters one after the other, as in .*.*, can take a very long time'],
    ['a?'.repeat(25) + 'a'.repeat(25), 'Too many optional parts or alternatives can match the same text (as in a?a?a?…): simplify the pattern'],
    ['(?:a|a)'.repeat(20), 'Too many optional parts or alternatives can match the same text (as in a?a?a?…): simplify the pattern'],
    ['(a)\\1', 'Backreferences (\\1) are not supported: they can take exponential time'],
    ['(?<w>\\w)\\k<w>', 'Backreferences (\\k<w>) are not supported: they can take exponential time'],
    ['a{2000}', 'Repetition counts above 1000 are not supported ({2000})'],
    ['((a{100}){100}){100}', 'Nested repetition counts multiply to more than 10,000'],
    ['(mamba', 'Invalid regular expression: Unterminated group'],
    ['[a-', 'Invalid regular expression: Unterminated character class'],
    ['+x', 'Invalid regular expression: Nothing to repeat'],
    ['.*', 'This pattern matches empty text, so it would match every paper'],
    ['survey|', 'This pattern matches empty text, so it would match every paper'],
    ['\\b', 'This pattern matches empty text, so it would match every paper'],
    ['a'.repeat(301), 'Pattern is too long (301 characters; at most 300)'],
  ])('refuses /%s/', (source, message) => {
    expect(checkRegex(source, 'i')).toBe(message);
  });

  it('refuses flags other than i, m, s, u', () => {
    expect(checkRegex('mamba', 'g')).toBe('Flags can only be i, m, s and u');
    expect(checkRegex('mamba', 'y')).toBe('Flags can only be i, m, s and u');
    expect(checkRegex('mamba', 'ii')).toMatch(/^Invalid regular expression: /);
  });

  it.each([
    '\\bmamba\\b',
    'state[- ]?space',
    '(vision|visual)[- ]language',
    '(foo|bar)+',
    '(\\d+\\.)+\\d+',
    '(\\w+\\s)+$',
    '(ab*)+c',
    '(?:\\w+ ){2,5}model',
    '(\\s*,\\s*\\w+)+$',
    'llama-?\\d+(\\.\\d+)?',
    'diffusion.*language',
    '^a survey',
    '(?<![\\w-])GAN(?!\\w)',
    '(?<=\\bvision )transformers?',
    '(?=mamba)',
    '[^]+x',
    'gpt-?4o?',
    'state\\s?-?\\s?space',
    '\\d{1,3}(?:,\\d{3})*',
    '(?:mamba|mamba2)',
  ])('allows /%s/', (source) => {
    expect(checkRegex(source, 'i')).toBeNull();
  });

  it('allows unicode patterns', () => {
    expect(checkRegex('\\p{Lu}{2,}\\d', 'u')).toBeNull();
    expect(checkRegex('Schr\\u{f6}dinger', 'iu')).toBeNull();
  });

  it('what it allows finishes on hostile text (no timing asserted: a blow-up would hang here)', () => {
    const allowed = ['(\\d+\\.)+\\d+$', '(\\w+\\s)+$', '(ab*)+c', '(\\s*,\\s*\\w+)+$', '(?:\\w+ ){2,5}model', 'diffusion.*language', 'a?'.repeat(10) + 'a'.repeat(10) + '$'];
    const hostile = ['a'.repeat(2000) + '!', '1.'.repeat(1000) + 'x', 'ab'.repeat(1000), 'aaaa '.repeat(400) + '!', ', a'.repeat(700) + '!'];
    for (const source of allowed) {
      expect(checkRegex(source, 'i')).toBeNull();
      const re = new RegExp(source, 'i');
      for (const text of hostile) re.test(text);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('Rule schema', () => {
  it('fills in defaults', () => {
    expect(Rule.parse({ id: 'a', action: 'mute', match: { type: 'regex', source: 'survey' } })).toEqual({
      id: 'a',
      action: 'mute',
      match: { type: 'regex', source: 'survey', flags: 'i', field: 'any' },
      enabled: true,
    });
  });

  it.each(['(a+)+$', '(a*)*b', '(a|a)*$', '(.*a){20}', '(\\w+\\s?)+$', '^(([a-z])+.)+[A-Z]([a-z])+$'])(
    'refuses the catastrophic /%s/ with the checker\'s message, on match.source',
    (source) => {
      const r = Rule.safeParse({ id: 'a', action: 'mute', match: { type: 'regex', source } });
      expect(r.success).toBe(false);
      expect(r.error!.issues).toHaveLength(1);
      expect(r.error!.issues[0].message).toBe(checkRegex(source, 'i'));
      expect(r.error!.issues[0].path).toEqual(['match', 'source']);
    },
  );

  it('reports a syntax error once, in words', () => {
    const r = Rule.safeParse({ id: 'a', action: 'tag', tag: 'x', match: { type: 'regex', source: '(mamba' } });
    expect(r.error!.issues.map((i) => i.message)).toEqual(['Invalid regular expression: Unterminated group']);
  });

  it('bad flags are said once (not again by the regex check)', () => {
    const r = Rule.safeParse({ id: 'a', action: 'mute', match: { type: 'regex', source: 'x', flags: 'g' } });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['match.flags', 'Flags can only be i, m, s and u']]);
  });

  it.each([
    [{ id: 'a', action: 'tag', match: { type: 'keyword', value: 'mamba' } }, 'tag', 'Type the tag to give'],
    [{ id: 'a', action: 'tag', tag: '  ', match: { type: 'keyword', value: 'mamba' } }, 'tag', 'Type the tag to give'],
    [{ id: 'a', action: 'mute', match: { type: 'keyword', value: '   ' } }, 'match.value', 'Type a keyword'],
    [{ id: 'a', action: 'mute', match: { type: 'keyword', value: ' -- ' } }, 'match.value', 'A keyword needs a letter or a digit'],
    [{ id: 'a', action: 'mute', match: { type: 'keyword', value: 'x'.repeat(201) } }, 'match.value', 'A keyword is at most 200 characters'],
    [{ id: 'a', action: 'mute', match: { type: 'author', value: '' } }, 'match.value', "Type an author's name"],
    [{ id: 'a', action: 'mute', match: { type: 'tag', value: '' } }, 'match.value', 'Type a tag'],
    [{ id: 'a', action: 'mute', match: { type: 'glob', value: 'x' } }, 'match.type', 'Match on a keyword, a regex, a tag or an author'],
    [{ id: 'a', action: 'mute', match: { type: 'keyword', value: 'x', field: 'body' } }, 'match.field', 'Look in the title, the abstract or either'],
    [{ id: 'a', action: 'star', match: { type: 'keyword', value: 'x' } }, 'action', 'A rule tags, mutes or highlights'],
    [{ id: 'a', action: 'highlight', color: 'red', match: { type: 'author', value: 'Sewon Min' } }, 'color', 'A colour is written #rrggbb'],
  ])('%j → %s: %s', (input, path, message) => {
    const r = Rule.safeParse(input);
    expect(r.success).toBe(false);
    expect([r.error!.issues[0].path.join('.'), r.error!.issues[0].message]).toEqual([path, message]);
  });

  it('a list refuses two rules with one id, and more than 500 rules', () => {
    const a = { id: 'same', action: 'mute', match: { type: 'tag', value: 'x' } };
    expect(RuleList.safeParse([a, a]).error!.issues[0].message).toBe('Two rules share an id');
    const many = Array.from({ length: 501 }, (_, i) => ({ ...a, id: `r${i}` }));
    expect(RuleList.safeParse(many).error!.issues[0].message).toBe('At most 500 rules');
  });
});

// ---------------------------------------------------------------------------------------------

describe('keyword rules', () => {
  it('whole words, plural allowed: "agent" finds "Agents" but not "Agentic"', () => {
    expect(mutedIds(rule('mute', keyword('agent', 'title')))).toEqual(['2605.06130', '2605.06614', '2605.05724']);
  });

  it('case-insensitive, and an acronym is not found inside a word ("RL" ≠ "RLVR")', () => {
    expect(mutedIds(rule('mute', keyword('rl', 'title')))).toEqual(['2605.06507', '2605.06638']);
    // 2605.04077's abstract says "RLVR" only.
    expect(applyRules(compileRules([rule('mute', keyword('RL', 'abstract'))]), paper('2605.04077')).muted).toBeUndefined();
  });

  it('a space, a hyphen or nothing: "mixture of experts" finds "Mixture of Experts" and "Mixture-of-Experts"', () => {
    expect(mutedIds(rule('mute', keyword('mixture of experts', 'title')))).toEqual(['2605.06663', '2605.06665']);
    expect(mutedIds(rule('mute', keyword('long-context')))).toContain('2605.06416');
    expect(applyRules(compileRules([rule('mute', keyword('multi turn'))]), paper('2605.04523')).muted?.reason).toBe(
      'muted: "multi turn" in title',
    );
    expect(applyRules(compileRules([rule('mute', keyword('state space'))]), { title: 'Statespace models', authors: [], tags: [] }).muted).toBeDefined();
  });

  it('a word ending in a hyphenated compound still counts ("Diffusion-Based")', () => {
    expect(mutedIds(rule('mute', keyword('diffusion', 'title')))).toEqual(['2605.06548', '2605.06507', '2605.06376', '2605.04647', '2605.00623']);
  });

  it('looks where told, and says where it found it', () => {
    const c = compileRules([rule('tag', keyword('GRPO'), { tag: 'GRPO!', color: '#2563eb' })]);
    expect(applyRules(c, paper('2605.04077')).tags).toEqual([{ label: 'GRPO!', color: '#2563eb', why: 'your rule: "GRPO" in title' }]);
    // 2605.04451 names GRPO only in its abstract.
    expect(paper('2605.04451').title).not.toMatch(/GRPO/);
    expect(applyRules(c, paper('2605.04451')).tags[0]?.why).toBe('your rule: "GRPO" in abstract');
    const titleOnly = compileRules([rule('tag', keyword('GRPO', 'title'))]);
    expect(applyRules(titleOnly, paper('2605.04451')).tags).toEqual([]);
  });

  it('keywords with symbols and non-ASCII letters', () => {
    const c = compileRules([rule('mute', keyword('C++')), rule('highlight', keyword('Schrödinger'))]);
    expect(applyRules(c, { title: 'Fast C++ kernels', authors: [], tags: [] }).muted).toBeDefined();
    expect(applyRules(c, { title: 'Schrödinger bridges', authors: [], tags: [] }).highlighted?.reason).toBe('highlighted: "Schrödinger" in title');
    expect(applyRules(c, { title: 'Neo-Schrödingerian bridges', authors: [], tags: [] }).highlighted).toBeUndefined();
  });
});

describe('regex rules', () => {
  it('question titles, with the pattern in the reason', () => {
    const r = rule('mute', regex('^(?:can|are|when)\\b', 'i', 'title'));
    expect(mutedIds(r)).toEqual(['2605.06222', '2605.06638', '2605.06643', '2605.06652']);
    expect(applyRules(compileRules([r]), paper('2605.06638')).muted).toEqual({ ruleId: r.id, reason: 'muted: /^(?:can|are|when)\\b/i in title' });
  });

  it('flags as given: without i, case counts', () => {
    expect(mutedIds(rule('mute', regex('\\bRL\\b', '', 'title')))).toEqual(['2605.06507', '2605.06638']);
    expect(mutedIds(rule('mute', regex('\\brl\\b', '', 'title')))).toEqual([]);
  });

  it('tags by regex ("your rule: /…/i in abstract")', () => {
    const c = compileRules([rule('tag', regex('mixture[- ]of[- ]experts?'), { tag: 'MoE' })]);
    expect(applyRules(c, paper('2605.06663')).tags).toEqual([{ label: 'MoE', why: 'your rule: /mixture[- ]of[- ]experts?/i in title' }]);
  });

  it('texts are matched up to a cap', () => {
    const c = compileRules([rule('mute', regex('needle'))]);
    const long = (at: number) => ({ title: 'x', abstract: 'a '.repeat(at / 2) + 'needle', authors: [], tags: [] });
    expect(applyRules(c, long(MAX_ABSTRACT - 10)).muted).toBeDefined();
    expect(applyRules(c, long(MAX_ABSTRACT + 10)).muted).toBeUndefined();
  });
});

describe('tag rules', () => {
  it('match the paper\'s tags case-insensitively, naming the tag as the paper has it', () => {
    const r = rule('mute', tag('Reinforcement Learning'));
    expect(mutedIds(r)).toEqual(['2605.06130', '2605.06614', '2605.05566', '2605.06200', '2605.06638', '2605.04647', '2605.00623']);
    expect(applyRules(compileRules([r]), paper('2605.06638')).muted?.reason).toBe('muted: tag reinforcement learning');
  });

  it('hyphens and spaces are one: "mixture of experts" matches the tag "Mixture-of-Experts"', () => {
    expect(applyRules(compileRules([rule('mute', tag('mixture of experts'))]), paper('2605.06665')).muted?.reason).toBe('muted: tag Mixture-of-Experts');
  });
});

describe('author rules', () => {
  it('a whole name, any case', () => {
    const c = compileRules([rule('highlight', author('sewon min'), { color: '#16a34a' })]);
    expect(applyRules(c, paper('2605.06663')).highlighted).toEqual({ ruleId: expect.any(String), reason: 'highlighted: author Sewon Min', color: '#16a34a' });
  });

  it('a short name matches a whole word only: "Min" is Sewon Min and Rui Min, not Minbin Huang', () => {
    const ids = mutedIds(rule('mute', author('Min')));
    expect(ids).toEqual(['2605.06663', '2605.04451']);
    expect(paper('2605.06665').authors).toContain('Minbin Huang');
  });

  it('"He" is a family name, not the start of another ("Qicheng He")', () => {
    expect(mutedIds(rule('mute', author('He')))).toEqual(['2605.00623']);
    expect(applyRules(compileRules([rule('mute', author('he'))]), paper('2605.00623')).muted?.reason).toBe('muted: author Qicheng He');
  });

  it('a name never spans two authors', () => {
    // 2605.06416's authors: "Yuqing Li", "Jiangnan Li", ...: "Li Jiangnan" is no one.
    expect(applyRules(compileRules([rule('mute', author('Li Jiangnan'))]), paper('2605.06416')).muted).toBeUndefined();
  });

  it('accents and letters such as ø do not count', () => {
    expect(applyRules(compileRules([rule('mute', author('Bjorklund'))]), paper('2605.06652')).muted?.reason).toBe(
      'muted: author Sunniva Maria Stordal Bjørklund',
    );
    expect(applyRules(compileRules([rule('highlight', author('Jorg Bienert'))]), SOVEREIGN).highlighted?.reason).toBe('highlighted: author Jörg Bienert');
    expect(applyRules(compileRules([rule('highlight', author('RÖHR'))]), SOVEREIGN).highlighted?.reason).toBe('highlighted: author Tom Röhr');
    expect(applyRules(compileRules([rule('highlight', author('eugenio martinez camara'))]), FAIRNESS).highlighted?.reason).toBe(
      'highlighted: author Eugenio Martínez Cámara',
    );
    expect(applyRules(compileRules([rule('highlight', author('Urena Lopez'))]), FAIRNESS).highlighted?.reason).toBe('highlighted: author Alfonso Ureña López');
    expect(applyRules(compileRules([rule('highlight', author('Soofi Team'))]), SOVEREIGN).highlighted?.reason).toBe('highlighted: author The Soofi-Team');
  });
});

// ---------------------------------------------------------------------------------------------

describe('order and priorities', () => {
  it('tag rules come first; mute and highlight rules see the tags they gave', () => {
    const rules = [
      rule('mute', tag('MoE')),
      rule('highlight', tag('moe')),
      rule('tag', keyword('mixture of experts'), { tag: 'MoE', color: '#7c3aed' }),
    ];
    const out = applyRules(compileRules(rules), paper('2605.06663'));
    expect(out.tags).toEqual([{ label: 'MoE', color: '#7c3aed', why: 'your rule: "mixture of experts" in title' }]);
    expect(out.muted).toEqual({ ruleId: rules[0].id, reason: 'muted: tag MoE' });
    expect(out.highlighted).toEqual({ ruleId: rules[1].id, reason: 'highlighted: tag MoE' });
  });

  it('a tag rule matching by tag sees the tags earlier tag rules gave', () => {
    const rules = [rule('tag', keyword('GRPO'), { tag: 'RL' }), rule('tag', tag('rl'), { tag: 'Post-training' })];
    expect(applyRules(compileRules(rules), paper('2605.04077')).tags.map((t) => [t.label, t.why])).toEqual([
      ['RL', 'your rule: "GRPO" in title'],
      ['Post-training', 'your rule: tag RL'],
    ]);
  });

  it('the first matching mute (and highlight) rule in the list wins', () => {
    const rules = [
      rule('mute', keyword('survey')), // not in this paper
      rule('mute', author('Sewon Min')),
      rule('mute', regex('experts', 'i', 'title')),
      rule('highlight', keyword('modularity')),
      rule('highlight', author('Ryan Wang')),
    ];
    const out = applyRules(compileRules(rules), paper('2605.06663'));
    expect(out.muted).toEqual({ ruleId: rules[1].id, reason: 'muted: author Sewon Min' });
    expect(out.highlighted).toEqual({ ruleId: rules[3].id, reason: 'highlighted: "modularity" in title' });
  });

  it('one chip per label: the first rule giving it wins', () => {
    const rules = [
      rule('tag', keyword('experts'), { tag: 'MoE', color: '#7c3aed' }),
      rule('tag', keyword('mixture of experts'), { tag: 'moe', color: '#dc2626' }),
    ];
    expect(applyRules(compileRules(rules), paper('2605.06663')).tags).toEqual([{ label: 'MoE', color: '#7c3aed', why: 'your rule: "experts" in title' }]);
  });

  it('disabled rules do nothing', () => {
    const rules = [rule('mute', author('Sewon Min'), { enabled: false }), rule('tag', keyword('experts'), { enabled: false })];
    const c = compileRules(rules);
    expect(applyRules(c, paper('2605.06663'))).toEqual({ tags: [] });
    expect(c.skipped).toEqual([]);
  });

  it('shared matches are looked for once', () => {
    const spy = vi.spyOn(RegExp.prototype, 'test');
    const rules = [rule('tag', regex('experts')), rule('mute', regex('experts')), rule('highlight', regex('experts'))];
    const c = compileRules(rules);
    spy.mockClear();
    applyRules(c, paper('2605.06663'));
    expect(spy.mock.contexts.filter((re) => (re as RegExp).source === 'experts')).toHaveLength(1);
    spy.mockRestore();
  });
});

describe('the engine refuses what the schema refuses, even handed unvalidated rules', () => {
  const raw = (r: object) => r as unknown as Rule;

  it('a catastrophic regex is skipped with the checker\'s reason and never runs', () => {
    const spy = vi.spyOn(RegExp.prototype, 'test');
    const bad = raw({ id: 'bad', action: 'mute', match: { type: 'regex', source: '(a+)+$', flags: 'i', field: 'any' }, enabled: true });
    const good = raw({ id: 'good', action: 'highlight', match: { type: 'regex', source: 'a!', flags: 'i', field: 'any' }, enabled: true });
    const c = compileRules([bad, good]);
    expect(c.skipped).toEqual([{ ruleId: 'bad', reason: 'Nested quantifier (a+)+ can take exponential time' }]);
    // Were it run, this would take about 2^50 steps.
    const out = applyRules(c, { title: 'a'.repeat(50) + '!', abstract: 'a'.repeat(50) + '!', authors: [], tags: [] });
    expect(out.muted).toBeUndefined();
    expect(out.highlighted?.ruleId).toBe('good');
    expect(spy.mock.contexts.some((re) => (re as RegExp).source === '(a+)+$')).toBe(false);
    spy.mockRestore();
  });

  it.each(['(a*)*b', '(a|a)*$', '(.*a){20}', '(\\w+\\s?)+$', '^(([a-z])+.)+[A-Z]([a-z])+$', '(a)\\1', '(mamba', '.*'])('skips /%s/', (source) => {
    const c = compileRules([raw({ id: 'x', action: 'mute', match: { type: 'regex', source, flags: 'i' }, enabled: true })]);
    expect(c.skipped).toEqual([{ ruleId: 'x', reason: checkRegex(source, 'i') }]);
    expect(c.mute).toEqual([]);
  });

  it('skips rules that do not hold together, without throwing', () => {
    const c = compileRules([
      raw({ id: 'a', action: 'tag', match: { type: 'keyword', value: 'mamba' } }), // no tag
      raw({ id: 'b', action: 'mute', match: { type: 'regex', source: 'x', flags: 'g' } }),
      raw({ id: 'c', action: 'mute', match: { type: 'soundex', value: 'x' } }),
      raw({ id: 'd', action: 'explode', match: { type: 'keyword', value: 'x' } }),
      raw({ action: 'mute', match: { type: 'keyword', value: 'x' } }),
      raw({ id: 'e', action: 'mute', match: { type: 'keyword', value: '---' } }),
      raw({ id: 'f', action: 'mute', match: { type: 'author', value: 42 } }),
      raw({ id: 'g', action: 'mute' }),
      null as unknown as Rule,
      raw({ id: 'ok', action: 'mute', match: { type: 'keyword', value: 'experts' } }),
    ]);
    expect(c.skipped.map((s) => s.ruleId)).toEqual(['a', 'b', 'c', 'd', '', 'e', 'f', 'g']);
    expect(applyRules(c, paper('2605.06663')).muted?.ruleId).toBe('ok');
  });

  it('a paper with missing or odd fields gets an answer', () => {
    const c = compileRules([rule('mute', keyword('x')), rule('mute', author('x')), rule('mute', tag('x')), rule('mute', regex('x'))]);
    expect(applyRules(c, { title: '', authors: [], tags: [] })).toEqual({ tags: [] });
    expect(applyRules(c, { title: undefined, authors: undefined, tags: undefined } as unknown as RulePaper)).toEqual({ tags: [] });
  });
});

it('every fixture paper gets an answer from 50 rules compiled together, as each rule alone would give', () => {
  const rules = [
    ...['state space', 'diffusion', 'agent', 'GRPO', 'benchmark', 'reward model'].map((k) => rule('tag', keyword(k), { tag: k })),
    ...['survey', 'video', 'long-context'].map((k) => rule('mute', keyword(k))),
    ...['Min', 'Li', 'He', 'Sewon Min'].map((a) => rule('highlight', author(a))),
    ...['\\bRL\\b', '^(?:can|are)\\b', 'expert'].map((s) => rule('mute', regex(s, 'i', 'title'))),
    ...['reinforcement learning', 'Mixture-of-Experts'].map((t) => rule('highlight', tag(t))),
  ];
  const together = compileRules(rules);
  for (const [, p] of PAPERS) {
    const out = applyRules(together, p);
    const alone = rules.map((r) => applyRules(compileRules([r]), p));
    expect(out.tags.map((t) => t.label)).toEqual(alone.flatMap((a) => a.tags.map((t) => t.label)));
    expect(out.muted?.ruleId).toBe(alone.find((a) => a.muted)?.muted?.ruleId);
    expect(out.highlighted?.ruleId).toBe(alone.find((a) => a.highlighted)?.highlighted?.ruleId);
  }
});
