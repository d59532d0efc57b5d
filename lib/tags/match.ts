/**
 * Topic tagging: pure string logic, no browser APIs, no dependencies.
 *
 * Every term of the taxonomy is compiled once, at module load, into a sticky
 * regex, and indexed by its first letters. Tagging a text walks its word starts
 * once and runs only the few regexes whose first letters fit. Scanning the whole
 * text with one combined regex per topic gave the same tags but was ~4x slower
 * (a regex pays per character, for every topic).
 */
import { TOPICS, type Topic } from './taxonomy';

export type TagSource = 'topic' | 'hf';
export interface Tag {
  label: string;
  source: TagSource;
  /** Human-readable evidence, e.g. `title: "diffusion model"` or `HF keywords`. */
  why: string;
}

/** A distinct term in the title outweighs one in the abstract. */
const TITLE_WEIGHT = 3;
const ABSTRACT_WEIGHT = 1;
/**
 * One title hit passes; from the abstract alone it takes two distinct terms (or
 * one that keeps coming back). A wrong tag costs more trust than a missing one,
 * so a single passing mention does not tag a paper.
 */
const MIN_SCORE = 2;
/** Abstract mentions (repeats included) from which a topic counts as recurring. */
const REPEAT_BONUS_AT = 4;
const MAX_TOPIC_TAGS_IN_PAPER = 3;
const MAX_HF_KEYWORDS = 2;
const MAX_KEYWORD_LENGTH = 40;

// Spaces and hyphens (incl. Unicode dashes) are interchangeable, and may be absent.
const SEP = '[\\s\\-\\u2010-\\u2014]*';
/**
 * Index key: a word's first KEY chars (the whole word if shorter). A term whose
 * first word is shorter than KEY ("a dataset", "RL") is found only when that word
 * stands alone (or, for acronyms, with a plural s), which is what it means anyway.
 */
const KEY = 3;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Phrase → regex source, without the leading word boundary (used case-insensitively). */
function phraseSource(phrase: string): string {
  const words = phrase.replace(/^\*|\*$/g, '').trim().toLowerCase().split(/[\s\-]+/);
  const last = words.pop()!;
  let tail: string;
  if (phrase.endsWith('*')) tail = escapeRe(last) + '\\w*';
  else if (/[^aeiou]y$/.test(last)) tail = escapeRe(last.slice(0, -1)) + '(?:y|ies)';
  else if (/(?:s|x|z|ch|sh)$/.test(last)) tail = escapeRe(last) + '(?:es)?';
  else tail = escapeRe(last) + 's?';
  return (phrase.startsWith('*') ? '[\\w-]*' : '') + [...words.map(escapeRe), tail].join(SEP) + '\\b';
}

/** Acronym → regex source (case-sensitive). `X*` allows a version suffix ("Qwen3", "GPT-4o"). */
function acronymSource(acronym: string): string {
  if (acronym.endsWith('*')) return escapeRe(acronym.slice(0, -1)) + '(?:-?\\d[\\w.]*)?(?!\\w)';
  return escapeRe(acronym) + 's?\\b';
}

type Kind = 'term' | 'titleOnly' | 'exclude';
interface Entry {
  topic: number;
  /** Distinct-term id within the topic (phrases and acronyms share one numbering). */
  term: number;
  kind: Kind;
  /** Sticky: tried only at a word start. */
  re: RegExp;
}

/** Entries by the first KEY chars of their term: lowercased for phrases, exact for acronyms. */
const PHRASE_INDEX = new Map<string, Entry[]>();
const ACRONYM_INDEX = new Map<string, Entry[]>();
/** Terms with a leading `*` can start anywhere in a word: scanned globally instead. */
const SCANNED: Entry[] = [];

function add(index: Map<string, Entry[]>, key: string, entry: Entry) {
  const list = index.get(key);
  if (list) list.push(entry);
  else index.set(key, [entry]);
}

function addTopic(topic: Topic, t: number) {
  let term = 0;
  const phrase = (p: string, kind: Kind) => {
    const source = phraseSource(p);
    const id = kind === 'exclude' ? -1 : term++;
    if (p.startsWith('*')) {
      SCANNED.push({ topic: t, term: id, kind, re: new RegExp('\\b' + source, 'gi') });
    } else {
      const key = p.toLowerCase().split(/[\s\-]/)[0].slice(0, KEY);
      add(PHRASE_INDEX, key, { topic: t, term: id, kind, re: new RegExp(source, 'iy') });
    }
  };
  topic.phrases.forEach((p) => phrase(p, 'term'));
  topic.titleOnly?.forEach((p) => phrase(p, 'titleOnly'));
  topic.exclude?.forEach((p) => phrase(p, 'exclude'));
  for (const a of topic.acronyms ?? []) {
    const entry: Entry = { topic: t, term: term++, kind: 'term', re: new RegExp(acronymSource(a), 'y') };
    const first = a.replace(/\*$/, '').split('-')[0];
    add(ACRONYM_INDEX, first.slice(0, KEY), entry);
    if (first.length < KEY) add(ACRONYM_INDEX, first + 's', entry); // "RLs"
  }
}
TOPICS.forEach(addTopic);

const WORD = /\w+/g;
const SPACES = /\s+/g;

interface Hit {
  entry: Entry;
  start: number;
  end: number;
  text: string;
}

function tryAt(list: Entry[] | undefined, text: string, at: number, out: Hit[]) {
  if (!list) return;
  for (const entry of list) {
    entry.re.lastIndex = at;
    const m = entry.re.exec(text);
    if (m) out.push({ entry, start: at, end: at + m[0].length, text: m[0] });
  }
}

/** Every term/exclude match in `text`, for all topics at once. */
function allHits(text: string, inTitle: boolean): Hit[] {
  const out: Hit[] = [];
  if (!text) return out;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const key = m[0].slice(0, KEY);
    tryAt(PHRASE_INDEX.get(key.toLowerCase()), text, m.index, out);
    tryAt(ACRONYM_INDEX.get(key), text, m.index, out);
  }
  for (const entry of SCANNED) {
    if (!inTitle && entry.kind === 'titleOnly') continue;
    entry.re.lastIndex = 0;
    for (const m of text.matchAll(entry.re)) {
      out.push({ entry, start: m.index!, end: m.index! + m[0].length, text: m[0] });
    }
  }
  return out;
}

interface TopicHits {
  /** Distinct term ids. */
  terms: Set<number>;
  /** Matched text, first occurrence per term, in text order (for `why`). */
  samples: string[];
  /** Number of matches, repeats included. */
  count: number;
}

/**
 * Per topic: drop hits inside an excluded span, then keep leftmost-longest
 * non-overlapping hits (so "information retrieval" is one term, not two).
 */
function groupByTopic(hits: Hit[], inTitle: boolean): Map<number, TopicHits> {
  const byTopic = new Map<number, Hit[]>();
  for (const h of hits) {
    const list = byTopic.get(h.entry.topic);
    if (list) list.push(h);
    else byTopic.set(h.entry.topic, [h]);
  }
  const out = new Map<number, TopicHits>();
  for (const [topic, list] of byTopic) {
    const excluded = list.filter((h) => h.entry.kind === 'exclude');
    const kept = list
      .filter((h) => h.entry.kind === 'term' || (inTitle && h.entry.kind === 'titleOnly'))
      .filter((h) => !excluded.some((x) => h.start >= x.start && h.start < x.end))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const res: TopicHits = { terms: new Set(), samples: [], count: 0 };
    let end = -1;
    for (const h of kept) {
      if (h.start < end) continue;
      end = h.end;
      res.count++;
      if (!res.terms.has(h.entry.term)) {
        res.terms.add(h.entry.term);
        res.samples.push(h.text.replace(SPACES, ' '));
      }
    }
    if (res.count) out.set(topic, res);
  }
  return out;
}

const NONE: TopicHits = { terms: new Set(), samples: [], count: 0 };

const abstractScore = (a: TopicHits) =>
  a.terms.size * ABSTRACT_WEIGHT + (a.count >= REPEAT_BONUS_AT ? ABSTRACT_WEIGHT : 0);

const quoteList = (xs: string[]) => xs.slice(0, 2).map((x) => `"${x}"`).join(', ');

interface Scored {
  topic: number;
  score: number;
  why: string;
}

function scoreTopics(title: string, abstract: string): Scored[] {
  const inTitle = groupByTopic(allHits(title, true), true);
  const inAbstract = groupByTopic(allHits(abstract, false), false);
  const out: Scored[] = [];
  for (const topic of new Set([...inTitle.keys(), ...inAbstract.keys()])) {
    const t = inTitle.get(topic) ?? NONE;
    const a = inAbstract.get(topic) ?? NONE;
    const score = t.terms.size * TITLE_WEIGHT + abstractScore(a);
    if (score < MIN_SCORE) continue;
    const why = [
      t.samples.length ? `title: ${quoteList(t.samples)}` : '',
      a.samples.length ? `abstract: ${quoteList(a.samples)}` : '',
    ].filter(Boolean).join('; ');
    out.push({ topic, score, why });
  }
  // Most relevant first; ties keep taxonomy order (specific before broad).
  return out.sort((x, y) => y.score - x.score || x.topic - y.topic);
}

const toTag = (s: Scored): Tag => ({ label: TOPICS[s.topic].label, source: 'topic', why: s.why });

/** Topic tags for a paper, most relevant first. */
export function topicTags(title: string, abstract?: string, max = 3): Tag[] {
  return scoreTopics(title ?? '', abstract ?? '').slice(0, Math.max(0, max)).map(toTag);
}

/** True when the whole keyword is one of the topic's own terms ("reinforcement learning" for RL). */
function restatesTopic(keyword: string, topics: Set<number>): boolean {
  return allHits(keyword, false).some(
    (h) => topics.has(h.entry.topic) && h.entry.kind !== 'exclude' && h.start === 0 && h.end === keyword.length,
  );
}

/**
 * Topic tags first (at most 3, as `topicTags`), then up to 2 of the paper's HF
 * `ai_keywords` in the remaining slots. Keywords are trimmed; empty, over-long,
 * duplicate or topic-restating ones are skipped.
 */
export function paperTags(
  p: { title: string; abstract?: string; aiKeywords?: readonly string[] },
  max = 5,
): Tag[] {
  const topics = Math.max(0, Math.min(MAX_TOPIC_TAGS_IN_PAPER, max));
  const scored = scoreTopics(p.title ?? '', p.abstract ?? '').slice(0, topics);
  const tags = scored.map(toTag);
  const shown = new Set(scored.map((s) => s.topic));
  const seen = new Set(tags.map((t) => t.label.toLowerCase()));
  let added = 0;
  for (const raw of p.aiKeywords ?? []) {
    if (tags.length >= max || added >= MAX_HF_KEYWORDS) break;
    const keyword = typeof raw === 'string' ? raw.trim().replace(SPACES, ' ') : '';
    if (!keyword || keyword.length > MAX_KEYWORD_LENGTH) continue;
    const key = keyword.toLowerCase();
    if (seen.has(key) || restatesTopic(keyword, shown)) continue;
    seen.add(key);
    tags.push({ label: keyword, source: 'hf', why: 'HF keywords' });
    added++;
  }
  return tags;
}
