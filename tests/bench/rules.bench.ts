// User rules on a 1000-card listing: `npx vitest bench --run tests/bench/rules.bench.ts`. One
// iteration compiles 50 mixed rules and applies them to 1000 cards; the budget is 30 ms for the lot.
// Printed, never asserted: timings belong here, not in `npm test`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { applyRules, compileRules, type RulePaper } from '../../lib/rules/engine';
import type { Rule } from '../../lib/rules/schema';
import { paperTags } from '../../lib/tags/match';

interface ApiItem {
  paper: { id: string; title: string; summary: string; authors: { name: string }[]; ai_keywords?: string[] };
}
/** 37 real papers (tests/fixtures, copied from shared/fixtures/hf). */
const api = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/api_daily_papers_2026-05-08.json'), 'utf8')) as ApiItem[];

const cards: RulePaper[] = Array.from({ length: 1000 }, (_, i) => {
  const p = api[i % api.length].paper;
  // Vary the text so that nothing can be served from a cache keyed on it.
  const title = `${p.title} ${i}`;
  const abstract = `${p.summary} (${i})`;
  return {
    title,
    abstract,
    authors: p.authors.map((a) => a.name),
    tags: paperTags({ title, abstract, aiKeywords: p.ai_keywords }).map((t) => t.label),
  };
});

let n = 0;
const rule = (action: Rule['action'], match: Rule['match'], extra: Partial<Rule> = {}): Rule => ({
  id: `r${n++}`,
  action,
  match,
  enabled: true,
  ...(action === 'tag' ? { tag: 'T' + n, color: '#7c3aed' } : {}),
  ...extra,
});
const kw = (value: string, field: 'title' | 'abstract' | 'any' = 'any') => ({ type: 'keyword' as const, value, field });
const re = (source: string, field: 'title' | 'abstract' | 'any' = 'any') => ({ type: 'regex' as const, source, flags: 'i', field });

/** 50 rules: 20 keyword, 12 regex, 9 author, 9 tag; across tag, mute and highlight. */
const rules: Rule[] = [
  ...['state space', 'mamba', 'diffusion model', 'reinforcement learning', 'mixture-of-experts', 'reward model', 'GRPO',
    'gaussian splatting', 'scaling law', 'vision-language'].map((k) => rule('tag', kw(k))),
  ...['survey', 'medical', 'federated', 'watermark', 'music'].map((k) => rule('mute', kw(k))),
  ...['benchmark', 'world model', 'distillation'].map((k) => rule('mute', kw(k, 'title'))),
  ...['agentic search', 'long-context'].map((k) => rule('highlight', kw(k))),
  ...['\\bllama-?\\d', 'gpt-?4o?', '\\b(?:3d|4d)\\b', 'diffusion.*language', '\\btransformers?\\b', 'kernel'].map((s) =>
    rule('tag', re(s)),
  ),
  ...['^a survey', 'position paper', '\\bsurveys?\\b'].map((s) => rule('mute', re(s, 'title'))),
  ...['(?:video|image) generation', 'robot(?:ic|s)?\\b', 'quantum'].map((s) => rule('highlight', re(s))),
  ...['Kaiming He', 'Yann LeCun', 'Sewon Min', 'Hao Chen', 'Yu Qiao', 'Jürgen Schmidhuber'].map((a) =>
    rule('highlight', { type: 'author', value: a }),
  ),
  ...['Jane Doe', 'Li', 'Tanel Tammet'].map((a) => rule('mute', { type: 'author', value: a })),
  ...['Diffusion', 'RL', 'Agents', 'Video'].map((t) => rule('mute', { type: 'tag', value: t })),
  ...['Reasoning', 'LLM', 'Benchmark', 'T1', 'T12'].map((t) => rule('highlight', { type: 'tag', value: t })),
];
if (rules.length !== 50) throw new Error(`expected 50 rules, got ${rules.length}`);

describe('50 rules on a 1000-card page', () => {
  bench('compileRules + applyRules × 1000', () => {
    const c = compileRules(rules);
    for (const p of cards) applyRules(c, p);
  });
  const compiled = compileRules(rules);
  bench('applyRules × 1000 (compiled once)', () => {
    for (const p of cards) applyRules(compiled, p);
  });
  bench('compileRules (50 rules)', () => {
    compileRules(rules);
  });
  const keywordsOnly = compileRules(rules.filter((r) => r.match.type === 'keyword'));
  bench('applyRules × 1000, the 20 keyword rules only', () => {
    for (const p of cards) applyRules(keywordsOnly, p);
  });
  const regexOnly = compileRules(rules.filter((r) => r.match.type === 'regex'));
  bench('applyRules × 1000, the 12 regex rules only', () => {
    for (const p of cards) applyRules(regexOnly, p);
  });
  const authorsOnly = compileRules(rules.filter((r) => r.match.type === 'author'));
  bench('applyRules × 1000, the 9 author rules only', () => {
    for (const p of cards) applyRules(authorsOnly, p);
  });
});
