// Tagging a 1000-card listing: `npx vitest bench --run tests/bench/tags.bench.ts`. One iteration
// tags all 1000 cards; the budget is 20 ms for the lot (compiled once, no regex built per card).
// Printed, never asserted: timings belong here, not in `npm test`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { paperTags, topicTags } from '../../lib/tags/match';

interface EvalPaper {
  id: string;
  title: string;
  abstract: string;
}
/** The labelled set's real papers (copied from shared/fixtures/hf), with HF's keywords where a fixture has them. */
const evalPath = resolve(__dirname, '../unit/tags-eval.json');
const evalSet = JSON.parse(readFileSync(evalPath, 'utf8')) as { papers: EvalPaper[] };
const papers = evalSet.papers;
const api = JSON.parse(
  readFileSync(resolve(__dirname, '../fixtures/api_daily_papers_2026-05-08.json'), 'utf8'),
) as { paper: { id: string; ai_keywords?: string[] } }[];
const keywords = new Map(api.map((item) => [item.paper.id, item.paper.ai_keywords ?? []]));

const cards = Array.from({ length: 1000 }, (_, i) => {
  const p = papers[i % papers.length];
  // Vary the text so that no engine-level cache can serve a repeat.
  return { title: `${p.title} ${i}`, abstract: `${p.abstract} (${i})`, aiKeywords: keywords.get(p.id) ?? [] };
});
const disabledTopics = new Set(['LLM', 'Benchmark']);

describe('tags for a 1000-card page', () => {
  bench('paperTags × 1000', () => {
    for (const c of cards) paperTags(c);
  });
  bench('paperTags × 1000, two topics off', () => {
    for (const c of cards) paperTags(c, { disabledTopics });
  });
  bench('topicTags × 1000, titles only', () => {
    for (const c of cards) topicTags(c.title);
  });
});
