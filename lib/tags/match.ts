/**
 * Topic tagging: pure string logic, no browser APIs, no dependencies.
 * All regexes are compiled once at module load (see `COMPILED`).
 */
import { TOPICS, type Topic } from './taxonomy';

export type TagSource = 'topic' | 'hf';
export interface Tag {
  label: string;
  source: TagSource;
  /** Human-readable evidence, e.g. `title: "diffusion model"` or `HF keywords`. */
  why: string;
}

/** A distinct phrase in the title outweighs one in the abstract. */
const TITLE_WEIGHT = 3;
const ABSTRACT_WEIGHT = 1;
/**
 * One title hit passes; from the abstract alone it takes two distinct phrases.
 * A wrong tag costs more trust than a missing one, so a single passing mention
 * does not tag a paper.
 */
const MIN_SCORE = 2;
/** Total abstract mentions from which a topic counts as recurring. */
const REPEAT_BONUS_AT = 4;
const MAX_HF_KEYWORDS = 2;
const MAX_KEYWORD_LENGTH = 40;

// Spaces and hyphens (incl. Unicode dashes) are interchangeable, and may be absent.
const SEP = '[\\s\\-\\u2010-\\u2014]*';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Phrase → regex source (used case-insensitively). */
function phraseSource(phrase: string): string {
  const open = phrase.startsWith('*');
  const prefix = phrase.endsWith('*');
  const words = phrase.replace(/^\*|\*$/g, '').trim().toLowerCase().split(/[\s\-]+/);
  const last = words.pop()!;
  let tail: string;
  if (prefix) tail = escapeRe(last) + '\\w*';
  else if (/[^aeiou]y$/.test(last)) tail = escapeRe(last.slice(0, -1)) + '(?:y|ies)';
  else if (/(?:s|x|z|ch|sh)$/.test(last)) tail = escapeRe(last) + '(?:es)?';
  else tail = escapeRe(last) + 's?';
  return '\\b' + (open ? '[\\w-]*' : '') + [...words.map(escapeRe), tail].join(SEP) + '\\b';
}

/** Acronym → regex source (used case-sensitively). `X*` allows a version suffix. */
function acronymSource(acronym: string): string {
  if (acronym.endsWith('*')) return '\\b' + escapeRe(acronym.slice(0, -1)) + '(?:-?\\d[\\w.]*)?(?!\\w)';
  return '\\b' + escapeRe(acronym) + 's?\\b';
}

/** Longest first, so "video generation" wins over "video" at the same position. */
const byLength = (a: string, b: string) => b.length - a.length;

/**
 * One capture group per term, so a match tells which term (not just which text)
 * hit. The shared leading `\b` is factored out: it is checked once per position.
 */
function alternation(terms: string[], toSource: (t: string) => string, flags: string): RegExp | null {
  if (terms.length === 0) return null;
  return new RegExp('\\b(?:' + terms.map((t) => `(${toSource(t).slice(2)})`).join('|') + ')', flags);
}

interface CompiledTopic {
  topic: Topic;
  /** Number of phrase groups (title-only included); acronym groups follow. */
  phraseCount: number;
  /** Group indices (0-based terms) of title-only phrases. */
  titleOnly: Set<number>;
  phrases: RegExp | null;
  acronyms: RegExp | null;
  exclude: RegExp | null;
}

function compile(topic: Topic): CompiledTopic {
  const titleOnly = new Set(topic.titleOnly ?? []);
  const phrases = [...topic.phrases, ...titleOnly].sort(byLength);
  const acronyms = [...(topic.acronyms ?? [])].sort(byLength);
  return {
    topic,
    phraseCount: phrases.length,
    titleOnly: new Set(phrases.flatMap((p, i) => (titleOnly.has(p) ? [i] : []))),
    phrases: alternation(phrases, phraseSource, 'gi'),
    acronyms: alternation(acronyms, acronymSource, 'g'),
    exclude: alternation([...(topic.exclude ?? [])].sort(byLength), phraseSource, 'gi'),
  };
}

const COMPILED: readonly CompiledTopic[] = TOPICS.map(compile);

interface Hits {
  /** Distinct term indices that matched. */
  terms: Set<number>;
  /** Matched text, first occurrence per term, in text order (for `why`). */
  samples: string[];
  /** Total number of matches (repeats included). */
  count: number;
}

function findHits(c: CompiledTopic, text: string, inTitle: boolean): Hits {
  const hits: Hits = { terms: new Set(), samples: [], count: 0 };
  if (!text) return hits;
  const excluded: Array<[number, number]> = [];
  if (c.exclude) {
    c.exclude.lastIndex = 0;
    for (const m of text.matchAll(c.exclude)) excluded.push([m.index!, m.index! + m[0].length]);
  }
  const scan = (re: RegExp | null, offset: number) => {
    if (!re) return;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      if (excluded.some(([s, e]) => at >= s && at < e)) continue;
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      const term = offset + group - 1;
      if (!inTitle && c.titleOnly.has(term)) continue;
      hits.count++;
      if (!hits.terms.has(term)) {
        hits.terms.add(term);
        hits.samples.push(m[0].replace(/\s+/g, ' '));
      }
    }
  };
  scan(c.phrases, 0);
  scan(c.acronyms, c.phraseCount);
  return hits;
}

/**
 * One point per distinct term, plus one when the topic keeps coming up
 * (a repeated term is central, a single mention is passing).
 */
const abstractScore = (a: Hits) =>
  a.terms.size * ABSTRACT_WEIGHT + (a.count >= REPEAT_BONUS_AT ? ABSTRACT_WEIGHT : 0);

interface Scored {
  compiled: CompiledTopic;
  score: number;
  order: number;
  why: string;
}

const quoteList = (xs: string[]) => xs.slice(0, 2).map((x) => `"${x}"`).join(', ');

function scoreTopics(title: string, abstract: string): Scored[] {
  const out: Scored[] = [];
  COMPILED.forEach((compiled, order) => {
    const t = findHits(compiled, title, true);
    const a = findHits(compiled, abstract, false);
    const score = t.terms.size * TITLE_WEIGHT + abstractScore(a);
    if (score < MIN_SCORE) return;
    const why = [
      t.samples.length ? `title: ${quoteList(t.samples)}` : '',
      a.samples.length ? `abstract: ${quoteList(a.samples)}` : '',
    ].filter(Boolean).join('; ');
    out.push({ compiled, score, order, why });
  });
  // Most relevant first; ties keep taxonomy order (specific before broad).
  return out.sort((x, y) => y.score - x.score || x.order - y.order);
}

/** Topic tags for a paper, most relevant first. */
export function topicTags(title: string, abstract?: string, max = 3): Tag[] {
  return scoreTopics(title ?? '', abstract ?? '')
    .slice(0, Math.max(0, max))
    .map((s) => ({ label: s.compiled.topic.label, source: 'topic' as const, why: s.why }));
}

/** True when the whole keyword is one of the topic's own terms (e.g. "reinforcement learning" for RL). */
function isTopicTerm(c: CompiledTopic, keyword: string): boolean {
  for (const re of [c.phrases, c.acronyms]) {
    if (!re) continue;
    re.lastIndex = 0;
    const m = re.exec(keyword);
    re.lastIndex = 0;
    if (m && m.index === 0 && m[0].length === keyword.length) return true;
  }
  return false;
}

/**
 * Topic tags first (at most 3, the `topicTags` default), then up to 2 of the
 * paper's HF `ai_keywords` in the remaining slots. Keywords are trimmed; empty,
 * over-long, duplicate, or topic-restating ones are skipped.
 */
export function paperTags(
  p: { title: string; abstract?: string; aiKeywords?: readonly string[] },
  max = 5,
): Tag[] {
  const scored = scoreTopics(p.title ?? '', p.abstract ?? '').slice(0, Math.min(3, Math.max(0, max)));
  const tags: Tag[] = scored.map((s) => ({ label: s.compiled.topic.label, source: 'topic', why: s.why }));
  const seen = new Set(tags.map((t) => t.label.toLowerCase()));
  let added = 0;
  for (const raw of p.aiKeywords ?? []) {
    if (tags.length >= max || added >= MAX_HF_KEYWORDS) break;
    const keyword = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
    if (!keyword || keyword.length > MAX_KEYWORD_LENGTH) continue;
    const key = keyword.toLowerCase();
    if (seen.has(key)) continue;
    if (scored.some((s) => isTopicTerm(s.compiled, keyword))) continue;
    seen.add(key);
    tags.push({ label: keyword, source: 'hf', why: 'HF keywords' });
    added++;
  }
  return tags;
}
