/**
 * Topic tagging: pure string logic, no browser APIs, no dependencies.
 *
 * The taxonomy is compiled once, at module load: phrases into a trie of their
 * words, acronyms into lists, both found through a hash of a word's first
 * letters, and every term into a sticky regex that confirms a candidate (word
 * end, plural). Tagging a text walks its word starts once; at each, a few
 * `startsWith` checks pick the candidate terms and only their regexes run
 * (one pass per word finds its end and hashes its first letters together).
 * Nothing is compiled per call. Claimed terms (`claims`) are checked last: only
 * a hit is looked at, for an announcing verb earlier in its sentence. (One combined regex per topic gave the same
 * tags about 4x slower: a regex pays per character, for every topic.)
 */
import { TOPICS, type Topic } from './taxonomy';

/** topic: the built-in taxonomy; hf: Hugging Face's ai_keywords; user: a user rule; manual: added by hand. */
export type TagSource = 'topic' | 'hf' | 'user' | 'manual';
export interface Tag {
  label: string;
  source: TagSource;
  /** Human-readable evidence, e.g. `title: "diffusion model"` or `HF keywords`. */
  why: string;
  /** Chip colour (#rrggbb), e.g. from a user rule. */
  color?: string;
}

export interface TagOptions {
  /** How many tags at most. */
  max?: number;
  /** Topic labels (as in TOPIC_LABELS) the user turned off: never produced. */
  disabledTopics?: ReadonlySet<string>;
}

/** A distinct term in the title outweighs one in the abstract. */
const TITLE_WEIGHT = 3;
const ABSTRACT_WEIGHT = 1;
/** A decisive term (`!` in the taxonomy) in the abstract: enough on its own. */
const DECISIVE_WEIGHT = 2;
/**
 * One title hit passes; from the abstract alone it takes two distinct terms, one
 * decisive term, or one that keeps coming back. A wrong tag costs more trust than
 * a missing one, so a single passing mention does not tag a paper.
 */
const MIN_SCORE = 2;
/** Abstract mentions (repeats included) from which a topic counts as recurring. */
const REPEAT_BONUS_AT = 4;
const DEFAULT_MAX_TOPIC_TAGS = 3;
const MAX_TOPIC_TAGS_IN_PAPER = 3;
const DEFAULT_MAX_PAPER_TAGS = 5;
const MAX_HF_KEYWORDS = 2;
const MAX_KEYWORD_LENGTH = 40;

// Spaces and hyphens (incl. Unicode dashes) are interchangeable, and may be absent.
const SEP = '[\\s\\-\\u2010-\\u2014]*';
/**
 * Index key: a word's first KEY chars (the whole word if shorter). A term whose
 * first word is shorter than KEY ("a dataset", "RL", "on-device") is found only
 * when that word stands alone (or takes a plural s/es), which is what it means
 * anyway; glued to the next word ("ondevice") it is not found. Four chars keep
 * frequent short words ("the", "for") out of the buckets of "theory" and
 * "forgetting".
 */
const KEY = 4;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Phrase → regex source, without the leading word boundary (used case-insensitively). */
function phraseSource(phrase: string, singular = false): string {
  const words = phrase.replace(/^\*|\*$/g, '').trim().toLowerCase().split(/[\s\-]+/);
  const last = words.pop()!;
  let tail: string;
  if (phrase.endsWith('*')) tail = escapeRe(last) + '\\w*';
  else if (singular) tail = escapeRe(last);
  else if (/[^aeiou]y$/.test(last)) tail = escapeRe(last.slice(0, -1)) + '(?:y|ies)';
  else if (/(?:s|x|z|ch|sh)$/.test(last)) tail = escapeRe(last) + '(?:es)?';
  else tail = escapeRe(last) + 's?';
  return (phrase.startsWith('*') ? '[\\w-]*' : '') + [...words.map(escapeRe), tail].join(SEP) + '\\b';
}

/** A family name followed by one of these names another kind of model ("Qwen2.5-VL", "Qwen-Image"). */
const MODALITY_SUFFIX = '(?![\\s-]?(?:VL|V|Omni|Image|Audio|Speech|Vision|Video|UI|TTS)\\b)';

/**
 * Acronym → regex source (case-sensitive). `X*` allows a version suffix ("Qwen3",
 * "GPT-4o"), not a modality suffix.
 */
function acronymSource(acronym: string): string {
  // The version is taken whole (a lookahead and a backreference make the group atomic), so
  // "Qwen2.5-VL" cannot fall back to "Qwen2".
  if (acronym.endsWith('*')) {
    return escapeRe(acronym.slice(0, -1)) + '(?:(?=(-?\\d[\\w.]*))\\1)?(?!\\w)' + MODALITY_SUFFIX;
  }
  return escapeRe(acronym) + 's?\\b';
}

type Kind = 'term' | 'titleOnly' | 'claim' | 'exclude' | 'aside';
interface Entry {
  topic: number;
  /** Distinct-term id within the topic (phrases and acronyms share one numbering). */
  term: number;
  kind: Kind;
  /** Marked `!`: one abstract mention suffices. */
  decisive: boolean;
  /** Sticky, case-insensitive for phrases: run where the entry's literal words were found. */
  re: RegExp;
}

/** `\w` (ASCII letters, digits, underscore) by char code. */
const WORD_CHARS = new Uint8Array(128).map((_, c) => (/\w/.test(String.fromCharCode(c)) ? 1 : 0));
const isWordChar = (c: number) => c < 128 && WORD_CHARS[c] === 1;
/** What SEP matches: `\s` (as ECMAScript defines it), `-` and U+2010–U+2014. */
const isSep = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 0xa0 || (c >= 0x2010 && c <= 0x2014) ||
  (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f ||
  c === 0x205f || c === 0x3000 || c === 0xfeff;

const BUCKETS = 1 << 13;
/**
 * Index bucket of the word at `at` (in lowercased text): a hash of its first KEY chars
 * (all of it if shorter). Words sharing a bucket are told apart by `startsWith`.
 */
function bucketAt(lower: string, at: number): number {
  let h = 0;
  const end = Math.min(at + KEY, lower.length);
  for (let i = at; i < end; i++) {
    const c = lower.charCodeAt(i);
    if (!isWordChar(c)) break;
    h = (h * 31 + c) | 0;
  }
  return (h ^ (h >>> 7)) & (BUCKETS - 1);
}

/**
 * Phrases as a trie of their words. A phrase's words are literal except the last
 * one's variable ending (plural, `*` stem); separators between words are optional.
 * Walking it from a word start costs a `startsWith` per candidate word; the regex
 * of a phrase runs only once all its words are there, to check the word's end.
 */
interface WordNode {
  /** Phrases whose literal words end here. */
  entries: Entry[];
  /** Possible next words, by their first char. */
  next: Map<number, Edge[]> | null;
}
interface Edge {
  word: string;
  node: WordNode;
}
/** First words of phrases, by bucket. */
const PHRASES: (Edge[] | undefined)[] = new Array(BUCKETS).fill(undefined);
/** Acronyms by the bucket of their (lowercased) first word: each checks its case itself. */
const ACRONYMS: ({ word: string; entry: Entry }[] | undefined)[] = new Array(BUCKETS).fill(undefined);
/**
 * Terms with a leading `*` end a word that can start anyhow ("KernelBench"): found by
 * their literal `needle` ("bench"), then confirmed from the start of the word around it.
 */
const SCANNED: { needle: string; entry: Entry }[] = [];

function edge(edges: Edge[], word: string): WordNode {
  let e = edges.find((x) => x.word === word);
  if (!e) edges.push((e = { word, node: { entries: [], next: null } }));
  return e.node;
}

function addPhrase(phrase: string, entry: Entry) {
  const words = phrase.replace(/\*$/, '').toLowerCase().split(/[\s\-]+/);
  const last = words.length - 1;
  if (!phrase.endsWith('*') && /[^aeiou]y$/.test(words[last])) words[last] = words[last].slice(0, -1);
  let node = edge((PHRASES[bucketAt(words[0], 0)] ??= []), words[0]);
  if (words.length === 1 && words[0].length < KEY) {
    // A short single word with a plural ending hashes differently ("gans"): same node.
    for (const plural of [words[0] + 's', words[0] + 'es']) {
      const edges = (PHRASES[bucketAt(plural, 0)] ??= []);
      if (!edges.some((e) => e.node === node)) edges.push({ word: words[0], node });
    }
  }
  for (const word of words.slice(1)) {
    const next = (node.next ??= new Map());
    const c = word.charCodeAt(0);
    if (!next.has(c)) next.set(c, []);
    node = edge(next.get(c)!, word);
  }
  node.entries.push(entry);
}

function addAcronym(bucketWord: string, word: string, entry: Entry) {
  (ACRONYMS[bucketAt(bucketWord.toLowerCase(), 0)] ??= []).push({ word, entry });
}

function addTopic(topic: Topic, t: number) {
  let term = 0;
  const phrase = (raw: string, kind: Kind) => {
    // A claim, once the authors announce it, settles the topic.
    const decisive = raw.startsWith('!') || kind === 'claim';
    const p = raw.startsWith('!') ? raw.slice(1) : raw;
    const source = phraseSource(p, kind === 'claim');
    const id = kind === 'exclude' || kind === 'aside' ? -1 : term++;
    const entry: Entry = { topic: t, term: id, kind, decisive, re: new RegExp(source, 'iy') };
    if (p.startsWith('*')) SCANNED.push({ needle: p.slice(1).replace(/\*$/, '').toLowerCase().split(/[\s-]+/)[0], entry });
    else addPhrase(p, entry);
  };
  topic.phrases.forEach((p) => phrase(p, 'term'));
  topic.titleOnly?.forEach((p) => phrase(p, 'titleOnly'));
  topic.claims?.forEach((p) => phrase(p, 'claim'));
  topic.exclude?.forEach((p) => phrase(p, 'exclude'));
  topic.asides?.forEach((p) => phrase(p, 'aside'));
  for (const raw of topic.acronyms ?? []) {
    const decisive = raw.startsWith('!');
    const a = decisive ? raw.slice(1) : raw;
    const first = a.replace(/\*$/, '').split('-')[0];
    const entry: Entry = { topic: t, term: term++, kind: 'term', decisive, re: new RegExp(acronymSource(a), 'y') };
    addAcronym(first, first, entry);
    if (first.length < KEY) addAcronym(first + 's', first, entry); // "RLs", "GANs": the bucket hashes the whole word
  }
}
TOPICS.forEach(addTopic);

const SPACES = /\s+/g;
const ASCII_UPPER = /[A-Z]+/g;

interface Hit {
  entry: Entry;
  start: number;
  end: number;
  text: string;
}

/** One scan of a text: its original and lowercased forms, and where hits go. */
interface Scan {
  text: string;
  lower: string;
  inTitle: boolean;
  out: Hit[];
}

/**
 * The authors announcing a contribution: "we introduce", "this paper presents", "we
 * proposed", "we construct and release"... (a few words may come between).
 */
const CLAIM_VERB =
  /\b(?:we|this (?:paper|work)|our work)\b[^.;:!?]{0,40}?\b(?:introduc|present|propos|construct|build|built|releas|curat|creat|develop|collect|contribut)\w*/i;
/** How far back from a claimed term its verb may be (same sentence, and close). */
const CLAIM_REACH = 160;

const SENTENCE_ENDS = ['. ', '? ', '! ', '.\n'];

/** True when the sentence holding `at` announces a contribution before `at`. */
function claimedAt(text: string, at: number): boolean {
  let from = Math.max(0, at - CLAIM_REACH);
  for (const end of SENTENCE_ENDS) {
    const i = text.lastIndexOf(end, at);
    if (i >= 0 && i + end.length > from) from = i + end.length;
  }
  return CLAIM_VERB.test(text.slice(from, at));
}

/** True when no sentence end (". ", "? ", "! ", ".\n") lies between offsets `a` and `b`. */
function sameSentence(text: string, a: number, b: number): boolean {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  for (const end of SENTENCE_ENDS) {
    const i = text.indexOf(end, from);
    if (i >= 0 && i < to) return false;
  }
  return true;
}

function confirm(s: Scan, entry: Entry, at: number) {
  if (entry.kind === 'titleOnly' && !s.inTitle) return;
  if ((entry.kind === 'claim' || entry.kind === 'aside') && s.inTitle) return;
  entry.re.lastIndex = at;
  if (!entry.re.test(s.text)) return;
  if (entry.kind === 'claim' && !claimedAt(s.text, at)) return;
  const end = entry.re.lastIndex;
  s.out.push({ entry, start: at, end, text: s.text.slice(at, end) });
}

/** Follows the trie from `node`, whose words matched from `at` up to `j`. */
function walk(s: Scan, node: WordNode, at: number, j: number) {
  for (const entry of node.entries) confirm(s, entry, at);
  if (!node.next) return;
  const { lower } = s;
  while (j < lower.length && isSep(lower.charCodeAt(j))) j++;
  const edges = node.next.get(lower.charCodeAt(j));
  if (edges) for (const e of edges) if (lower.startsWith(e.word, j)) walk(s, e.node, at, j + e.word.length);
}

/** Every term/exclude match in `text`, for all topics at once. */
function allHits(text: string, inTitle: boolean): Hit[] {
  const out: Hit[] = [];
  if (!text) return out;
  // Offsets must line up: a few non-ASCII capitals lowercase to two code units.
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = text.replace(ASCII_UPPER, (x) => x.toLowerCase());
  const s: Scan = { text, lower, inTitle, out };
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    let c = lower.charCodeAt(i);
    if (!isWordChar(c)) continue;
    // A word starts at i: hash its first KEY chars (as bucketAt does) while finding its end.
    let h = 0;
    let j = i;
    do {
      if (j - i < KEY) h = (h * 31 + c) | 0;
      c = ++j < n ? lower.charCodeAt(j) : 0;
    } while (isWordChar(c));
    const b = (h ^ (h >>> 7)) & (BUCKETS - 1);
    const firsts = PHRASES[b];
    if (firsts) for (const e of firsts) if (lower.startsWith(e.word, i)) walk(s, e.node, i, i + e.word.length);
    const acronyms = ACRONYMS[b];
    if (acronyms) for (const a of acronyms) if (text.startsWith(a.word, i)) confirm(s, a.entry, i);
    i = j; // lower[j] is not a word char
  }
  for (const { needle, entry } of SCANNED) {
    if (inTitle ? entry.kind === 'claim' : entry.kind === 'titleOnly') continue;
    for (let at = lower.indexOf(needle); at >= 0; ) {
      let start = at;
      while (start > 0 && (isWordChar(lower.charCodeAt(start - 1)) || lower.charCodeAt(start - 1) === 45)) start--;
      const before = out.length;
      confirm(s, entry, start);
      const end = out.length > before ? out[out.length - 1].end : at + 1;
      at = lower.indexOf(needle, Math.max(at + 1, end));
    }
  }
  return out;
}

interface TopicHits {
  /** Distinct term ids. */
  terms: number[];
  /** Distinct decisive terms. */
  decisive: number;
  /** Matched text, first occurrence per term, in text order (for `why`). */
  samples: string[];
  /** Number of matches, repeats included. */
  count: number;
}

const byStart = (a: Hit, b: Hit) => a.start - b.start || b.end - a.end;

/**
 * Per topic (indexed by topic): drop hits that start inside an excluded span, then
 * keep leftmost-longest non-overlapping hits (so "information retrieval" is one
 * term, not two).
 */
function groupByTopic(hits: Hit[], inTitle: boolean, text: string): (TopicHits | undefined)[] {
  const out: (TopicHits | undefined)[] = [];
  if (hits.length === 0) return out;
  hits.sort(byStart);
  let excluded: Hit[] | undefined;
  let asides: Hit[] | undefined;
  for (const h of hits) {
    if (h.entry.kind === 'exclude') (excluded ??= []).push(h);
    else if (h.entry.kind === 'aside' && !inTitle) (asides ??= []).push(h);
  }
  const ends: number[] = [];
  for (const h of hits) {
    const { topic, kind, term } = h.entry;
    if (kind === 'exclude' || kind === 'aside' || (kind === 'titleOnly' && !inTitle)) continue;
    if (h.start < (ends[topic] ?? -1)) continue;
    if (excluded?.some((x) => x.entry.topic === topic && h.start >= x.start && h.start < x.end)) continue;
    if (!h.entry.decisive && asides?.some((x) => x.entry.topic === topic && sameSentence(text, x.start, h.start))) continue;
    ends[topic] = h.end;
    const res = (out[topic] ??= { terms: [], decisive: 0, samples: [], count: 0 });
    res.count++;
    if (!res.terms.includes(term)) {
      res.terms.push(term);
      if (h.entry.decisive) res.decisive++;
      res.samples.push(h.text);
    }
  }
  return out;
}

const abstractScore = (a: TopicHits | undefined) =>
  !a
    ? 0
    : a.terms.length * ABSTRACT_WEIGHT +
      a.decisive * (DECISIVE_WEIGHT - ABSTRACT_WEIGHT) +
      (a.count >= REPEAT_BONUS_AT ? ABSTRACT_WEIGHT : 0);

const quoteList = (xs: string[]) => xs.slice(0, 2).map((x) => `"${x.replace(SPACES, ' ')}"`).join(', ');

interface Scored {
  topic: number;
  score: number;
  title: TopicHits | undefined;
  abstract: TopicHits | undefined;
  /** The tagged topic whose company made a weak mention count (see Topic.context). */
  context?: number;
}

/** Per topic: indexes of its `context` topics. */
const CONTEXT: number[][] = TOPICS.map((t) => (t.context ?? []).map((id) => TOPICS.findIndex((x) => x.id === id)));

/** Topics with any evidence, most relevant first; ties keep taxonomy order (specific before broad). */
function scoreAll(title: string, abstract: string, minScore: number): Scored[] {
  const inTitle = groupByTopic(allHits(title, true), true, title);
  const inAbstract = groupByTopic(allHits(abstract, false), false, abstract);
  const all: Scored[] = [];
  const n = Math.max(inTitle.length, inAbstract.length);
  for (let topic = 0; topic < n; topic++) {
    const t = inTitle[topic];
    const a = inAbstract[topic];
    if (!t && !a) continue;
    all.push({ topic, score: (t ? t.terms.length * TITLE_WEIGHT : 0) + abstractScore(a), title: t, abstract: a });
  }
  // A weak mention counts when the paper is tagged with a topic that gives it context
  // (one mention of "LLM" in an Agents paper): base scores only, no chains.
  for (const s of all) {
    if (s.score !== MIN_SCORE - 1 || CONTEXT[s.topic].length === 0) continue;
    const c = all.find((x) => x.score >= MIN_SCORE && CONTEXT[s.topic].includes(x.topic));
    if (c) s.context = c.topic;
  }
  const out: Scored[] = [];
  for (const s of all) {
    if (s.context !== undefined) s.score = MIN_SCORE;
    if (s.score >= minScore) out.push(s);
  }
  return out.sort((x, y) => y.score - x.score || x.topic - y.topic);
}

const whyOf = (s: Scored) =>
  [
    s.title ? `title: ${quoteList(s.title.samples)}` : '',
    s.abstract ? `abstract: ${quoteList(s.abstract.samples)}` : '',
    s.context !== undefined ? `with ${TOPICS[s.context].label}` : '',
  ]
    .filter(Boolean)
    .join('; ');

/** A topic's evidence in one paper. */
export interface TopicScore {
  /** Index into TOPICS. */
  topic: number;
  score: number;
  why: string;
}

/**
 * Every topic with any evidence, most relevant first, including those below the
 * tagging threshold (for the evaluation report; tags need `score >= TAG_THRESHOLD`).
 */
export function topicScores(title: string, abstract?: string): TopicScore[] {
  return scoreAll(title ?? '', abstract ?? '', 1).map((s) => ({ topic: s.topic, score: s.score, why: whyOf(s) }));
}
export const TAG_THRESHOLD = MIN_SCORE;

function scoreTopics(title: string, abstract: string, disabled: ReadonlySet<string> | undefined): Scored[] {
  const scored = scoreAll(title, abstract, MIN_SCORE);
  return disabled?.size ? scored.filter((s) => !disabled.has(TOPICS[s.topic].label)) : scored;
}

const toTag = (s: Scored): Tag => ({ label: TOPICS[s.topic].label, source: 'topic', why: whyOf(s) });

function options(arg: number | TagOptions | undefined, defaultMax: number) {
  const o = typeof arg === 'number' ? { max: arg } : (arg ?? {});
  return { max: Math.max(0, o.max ?? defaultMax), disabled: o.disabledTopics };
}

/**
 * Topic tags for a paper, most relevant first: at most 3 unless `max` says otherwise
 * (a number, or `{max}`), never one of `disabledTopics`.
 */
export function topicTags(title: string, abstract?: string, opts?: number | TagOptions): Tag[] {
  const { max, disabled } = options(opts, DEFAULT_MAX_TOPIC_TAGS);
  if (max === 0) return [];
  return scoreTopics(title ?? '', abstract ?? '', disabled).slice(0, max).map(toTag);
}

/** True when the whole keyword is one of the topic's own terms ("reinforcement learning" for RL). */
function restatesTopic(keyword: string, topics: Set<number>): boolean {
  return allHits(keyword, true).some(
    (h) =>
      topics.has(h.entry.topic) && h.entry.kind !== 'exclude' && h.entry.kind !== 'aside' && h.start === 0 && h.end === keyword.length,
  );
}

/**
 * Topic tags first (at most 3, as `topicTags`), then up to 2 of the paper's HF
 * `ai_keywords` in the remaining slots (5 in all unless `max` says otherwise).
 * Keywords are trimmed; empty, over-long, duplicate or topic-restating ones are skipped.
 */
export function paperTags(
  p: { title: string; abstract?: string; aiKeywords?: readonly string[] },
  opts?: number | TagOptions,
): Tag[] {
  const { max, disabled } = options(opts, DEFAULT_MAX_PAPER_TAGS);
  if (max === 0) return [];
  const topics = Math.min(MAX_TOPIC_TAGS_IN_PAPER, max);
  const scored = scoreTopics(p.title ?? '', p.abstract ?? '', disabled).slice(0, topics);
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
