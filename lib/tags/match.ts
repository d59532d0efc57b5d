/**
 * Topic tagging: pure string logic, no browser APIs, no dependencies.
 *
 * The taxonomy is compiled once, at module load: phrases into a trie of their
 * words, acronyms into lists, both found through a hash of a word's first
 * letters, and every term into a sticky regex that confirms a candidate (word
 * end, plural). Tagging a text walks its word starts once (one pass per word
 * finds its end, and hashes and packs its first letters); at each, an integer
 * comparison and a few char comparisons pick the candidate terms. A phrase whose
 * words the trie found is confirmed by `tailEnd`, which checks what its regex
 * would (plural, word end) without the cost of running it; acronyms and `*` terms
 * run their regexes. Nothing is compiled per call. Claimed terms (`claims`) are
 * checked last: only a hit is looked at, for an announcing verb earlier in its
 * sentence. (One combined regex per topic gave the same tags about 4x slower: a
 * regex pays per character, for every topic.)
 */
import { oneSpaced } from '../fold';
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

/**
 * What a phrase's regex matches after its literal words (the trie's words: the last one
 * without its "y" after a consonant), before the final word boundary: a `*` stem's
 * ending, nothing (singular), "y", "y" or "ies", an optional "es", an optional "s".
 */
type Tail = 'stem' | 'word' | 'y' | 'y/ies' | 'es' | 's';
const TAIL_SOURCE: Record<Tail, string> = { stem: '\\w*', word: '', y: 'y', 'y/ies': '(?:y|ies)', es: '(?:es)?', s: 's?' };
const endsInConsonantY = (word: string) => /[^aeiou]y$/.test(word);
const phraseWords = (phrase: string) => phrase.replace(/^\*|\*$/g, '').trim().toLowerCase().split(/[\s\-]+/);

function phraseTail(phrase: string, singular: boolean): Tail {
  const last = phraseWords(phrase).pop()!;
  if (phrase.endsWith('*')) return 'stem';
  if (endsInConsonantY(last)) return singular ? 'y' : 'y/ies';
  if (singular) return 'word';
  return /(?:s|x|z|ch|sh)$/.test(last) ? 'es' : 's';
}

/** Phrase → regex source, without the leading word boundary (used case-insensitively). */
function phraseSource(phrase: string, tail: Tail): string {
  const words = phraseWords(phrase);
  let last = words.pop()!;
  if (tail === 'y' || tail === 'y/ies') last = last.slice(0, -1);
  const end = escapeRe(last) + TAIL_SOURCE[tail];
  return (phrase.startsWith('*') ? '[\\w-]*' : '') + [...words.map(escapeRe), end].join(SEP) + '\\b';
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
  /**
   * For a phrase found through the trie: what its regex matches after the literal
   * words, for `tailEnd` to check in its place. Null: the regex confirms (acronyms,
   * `*` terms, a non-ASCII phrase).
   */
  tail: Tail | null;
}

/** `\w` (ASCII letters, digits, underscore) by char code. */
const WORD_CHARS = new Uint8Array(128).map((_, c) => (/\w/.test(String.fromCharCode(c)) ? 1 : 0));
const isWordChar = (c: number) => c < 128 && WORD_CHARS[c] === 1;
/** `\s` as ECMAScript defines it (printable ASCII, the usual case, is ruled out first). */
const isSpace = (c: number) =>
  c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 &&
      (c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 ||
        c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
/** What SEP matches: `\s`, `-` and U+2010–U+2014. */
const isSep = (c: number) => isSpace(c) || c === 45 || (c >= 0x2010 && c <= 0x2014);

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
 * Walking it from a word start costs a char comparison per candidate word; the regex
 * of a phrase runs only once all its words are there, to check the word's end.
 */
interface WordNode {
  /** Phrases whose literal words end here. */
  entries: Entry[];
  /** Possible next words (few: at most a dozen or so), in the order they were added. */
  next: Edge[] | null;
  /**
   * The first chars of the next words, as `firstBit`s. Most walks end here (the next
   * word is none of them): one test instead of a loop over `next`.
   */
  nextFirsts: number;
}
interface Edge {
  word: string;
  /** Char code of the word's first char: most candidates are rejected on it. */
  first: number;
  /**
   * Length of the word's leading run of word chars (all of it, but for "qwen2.5"): a
   * text word shorter than this cannot start with it ("with" for "without").
   */
  lead: number;
  /** The word's first `prefixLen` (= min(lead, KEY)) chars, packed (see `pack`). */
  prefix: number;
  prefixLen: number;
  node: WordNode;
}
/** A char's bit in `WordNode.nextFirsts`: one per letter a-z, one shared by all other chars. */
const firstBit = (c: number) => (c >= 97 && c <= 122 ? 1 << (c - 97) : 1 << 26);

/** First words of phrases, by bucket. */
const PHRASES: (Edge[] | undefined)[] = new Array(BUCKETS).fill(undefined);
/** Acronyms by the bucket of their (lowercased) first word: each checks its case itself. */
const ACRONYMS: ({ word: string; entry: Entry }[] | undefined)[] = new Array(BUCKETS).fill(undefined);
/**
 * Terms with a leading `*` end a word that can start anyhow ("KernelBench"): found by
 * their literal `needle` ("bench"), then confirmed from the start of the word around it.
 */
const SCANNED: { needle: string; entry: Entry }[] = [];

/**
 * Word chars `s[0, len)`, len <= KEY, packed 7 bits each (they are ASCII) into one
 * integer: two words' first chars compare in one step. The scan packs each text
 * word's first chars the same way while hashing them.
 */
function pack(s: string, len: number): number {
  let packed = 0;
  for (let k = 0; k < len; k++) packed = (packed << 7) | s.charCodeAt(k);
  return packed;
}

function newEdge(word: string, node: WordNode): Edge {
  let lead = 0;
  while (lead < word.length && isWordChar(word.charCodeAt(lead))) lead++;
  const prefixLen = Math.min(lead, KEY);
  return { word, first: word.charCodeAt(0), lead, prefix: pack(word, prefixLen), prefixLen, node };
}

function edge(edges: Edge[], word: string): WordNode {
  let e = edges.find((x) => x.word === word);
  if (!e) edges.push((e = newEdge(word, { entries: [], next: null, nextFirsts: 0 })));
  return e.node;
}

function addPhrase(phrase: string, entry: Entry) {
  const words = phrase.replace(/\*$/, '').toLowerCase().split(/[\s\-]+/);
  const last = words.length - 1;
  if (!phrase.endsWith('*') && endsInConsonantY(words[last])) words[last] = words[last].slice(0, -1);
  let node = edge((PHRASES[bucketAt(words[0], 0)] ??= []), words[0]);
  if (words.length === 1 && words[0].length < KEY) {
    // A short single word with a plural ending hashes differently ("gans"): same node.
    for (const plural of [words[0] + 's', words[0] + 'es']) {
      const edges = (PHRASES[bucketAt(plural, 0)] ??= []);
      if (!edges.some((e) => e.node === node)) edges.push(newEdge(words[0], node));
    }
  }
  for (const word of words.slice(1)) {
    node.nextFirsts |= firstBit(word.charCodeAt(0));
    node = edge((node.next ??= []), word);
  }
  node.entries.push(entry);
}

function addAcronym(bucketWord: string, word: string, entry: Entry) {
  (ACRONYMS[bucketAt(bucketWord.toLowerCase(), 0)] ??= []).push({ word, entry });
}

/**
 * Per bucket: 1 when PHRASES or ACRONYMS has anything in it. Most words land in an empty
 * bucket; this small table (8 KB) stays in cache, where the two big ones do not.
 */
const BUCKET_USED = new Uint8Array(BUCKETS);

function addTopic(topic: Topic, t: number) {
  let term = 0;
  const phrase = (raw: string, kind: Kind) => {
    // A claim, once the authors announce it, settles the topic.
    const decisive = raw.startsWith('!') || kind === 'claim';
    const p = raw.startsWith('!') ? raw.slice(1) : raw;
    const tail = phraseTail(p, kind === 'claim');
    const id = kind === 'exclude' || kind === 'aside' ? -1 : term++;
    const re = new RegExp(phraseSource(p, tail), 'iy');
    if (p.startsWith('*')) {
      const entry: Entry = { topic: t, term: id, kind, decisive, re, tail: null };
      SCANNED.push({ needle: p.slice(1).replace(/\*$/, '').toLowerCase().split(/[\s-]+/)[0], entry });
    } else {
      // `tailEnd` stands in for the regex only where the trie's lowercase match of the
      // literal words is the regex's case-insensitive one, which ASCII guarantees.
      addPhrase(p, { topic: t, term: id, kind, decisive, re, tail: /^[\x00-\x7f]*$/.test(p) ? tail : null });
    }
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
    const re = new RegExp(acronymSource(a), 'y');
    const entry: Entry = { topic: t, term: term++, kind: 'term', decisive, re, tail: null };
    addAcronym(first, first, entry);
    if (first.length < KEY) addAcronym(first + 's', first, entry); // "RLs", "GANs": the bucket hashes the whole word
  }
}
/**
 * Fills the tables above from the taxonomy, at the first text scanned rather than when the module
 * loads: the background's worker loads it at each start (MV3 stops it when idle), and a start to
 * answer a star, or a page whose tags were kept (lib/tags/memory.ts), tags nothing. ~10 ms.
 */
let indexed = false;
function buildIndex() {
  indexed = true;
  TOPICS.forEach(addTopic);
  for (let b = 0; b < BUCKETS; b++) if (PHRASES[b] || ACRONYMS[b]) BUCKET_USED[b] = 1;
}

const ASCII_UPPER = /[A-Z]+/g;

/** A confirmed match of `entry` at text[start, end) (sliced only if shown in `why`). */
interface Hit {
  entry: Entry;
  start: number;
  end: number;
}

/** One scan of a text: its original and lowercased forms, and where hits go. */
interface Scan {
  text: string;
  lower: string;
  inTitle: boolean;
  out: Hit[];
  /**
   * The trie's match of a phrase's literal words is its regex's match: true but for a
   * Kelvin sign (U+212A), which lowercases to an ASCII "k" but is no "k" to the regex.
   */
  literal: boolean;
}

/**
 * The authors announcing a contribution: "we introduce", "this paper presents", "we
 * proposed", "we construct and release"... (a few words may come between).
 */
const CLAIM_VERB =
  /\b(?:we|this (?:paper|work)|our work)\b[^.;:!?]{0,40}?\b(?:introduc|present|propos|construct|build|built|releas|curat|creat|develop|collect|contribut)\w*/i;
/** How far back from a claimed term its verb may be (same sentence, and close). */
const CLAIM_REACH = 160;

/** True when chars `c` then `next` end a sentence: ". ", "? ", "! " or ".\n". */
const endsSentence = (c: number, next: number) =>
  (next === 32 && (c === 46 || c === 63 || c === 33)) || (next === 10 && c === 46);

/** True when the sentence holding `at` announces a contribution before `at`. */
function claimedAt(text: string, at: number): boolean {
  // The verb is looked for after the last sentence end (one may start at `at` itself),
  // within CLAIM_REACH: scanning back stops there, not at the start of the text.
  let from = Math.max(0, at - CLAIM_REACH);
  let i = Math.min(at, text.length - 2);
  for (let next = text.charCodeAt(i + 1); i >= 0 && i + 2 > from; i--) {
    const c = text.charCodeAt(i);
    if (endsSentence(c, next)) {
      from = i + 2;
      break;
    }
    next = c;
  }
  return CLAIM_VERB.test(text.slice(from, at));
}

/** True when no sentence end starts between offsets `a` and `b`. */
function sameSentence(text: string, a: number, b: number): boolean {
  const to = Math.max(a, b);
  for (let i = Math.min(a, b), c = text.charCodeAt(i); i < to; i++) {
    const next = text.charCodeAt(i + 1);
    if (endsSentence(c, next)) return false;
    c = next;
  }
  return true;
}

/** Hit order: by start, the longest first at one start. */
const byStart = (a: Hit, b: Hit) => a.start - b.start || b.end - a.end;

/**
 * Adds `hit` to `out`, kept in `byStart` order as a stable sort would (after its equals).
 * Hits mostly come in order: a longer phrase at one start (found after the shorter one)
 * or a `*` term (found last) moves back a little. No sort afterwards.
 */
function addInOrder(out: Hit[], hit: Hit) {
  let k = out.length;
  while (k > 0 && byStart(out[k - 1], hit) > 0) k--;
  if (k === out.length) out.push(hit);
  else out.splice(k, 0, hit);
}

/** True when a word boundary (`\b`) lies at `p`. */
const boundaryAt = (text: string, p: number) =>
  (p > 0 && isWordChar(text.charCodeAt(p - 1))) !== (p < text.length && isWordChar(text.charCodeAt(p)));
/** True when text[p] is the ASCII letter `letter` (lowercase code) in either case. */
const letterAt = (text: string, p: number, letter: number) => (text.charCodeAt(p) | 0x20) === letter;

/**
 * Where a phrase's regex match ends when its literal words end at `p`: `tail`, then a
 * word boundary, tried in the regex's order (longest first); -1 when none fits.
 */
function tailEnd(text: string, p: number, tail: Tail): number {
  switch (tail) {
    case 'stem': {
      let end = p;
      while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
      return end > p || boundaryAt(text, p) ? end : -1;
    }
    case 'word':
      return boundaryAt(text, p) ? p : -1;
    case 'y':
      return letterAt(text, p, 121) && boundaryAt(text, p + 1) ? p + 1 : -1;
    case 'y/ies':
      if (letterAt(text, p, 121) && boundaryAt(text, p + 1)) return p + 1;
      return letterAt(text, p, 105) && letterAt(text, p + 1, 101) && letterAt(text, p + 2, 115) && boundaryAt(text, p + 3) ? p + 3 : -1;
    case 'es':
      if (letterAt(text, p, 101) && letterAt(text, p + 1, 115) && boundaryAt(text, p + 2)) return p + 2;
      return boundaryAt(text, p) ? p : -1;
    case 's':
      if (letterAt(text, p, 115) && boundaryAt(text, p + 1)) return p + 1;
      return boundaryAt(text, p) ? p : -1;
  }
}

/**
 * Adds the hit of `entry` at `at`, if confirmed there; returns its end, or -1. A phrase
 * whose literal words the trie found (ending at `literalEnd`) is confirmed by `tailEnd`,
 * as its regex would be, without the cost of running one; other entries by their regex.
 */
function confirm(s: Scan, entry: Entry, at: number, literalEnd = -1): number {
  if (entry.kind === 'titleOnly' && !s.inTitle) return -1;
  if ((entry.kind === 'claim' || entry.kind === 'aside') && s.inTitle) return -1;
  let end: number;
  if (entry.tail !== null && literalEnd >= 0 && s.literal) {
    end = tailEnd(s.text, literalEnd, entry.tail);
  } else {
    entry.re.lastIndex = at;
    end = entry.re.test(s.text) ? entry.re.lastIndex : -1;
  }
  if (end < 0) return -1;
  if (entry.kind === 'claim' && !claimedAt(s.text, at)) return -1;
  addInOrder(s.out, { entry, start: at, end });
  return end;
}

/**
 * `str.startsWith(word, at)`, given that the first `from` chars are known to match;
 * compares from the end: the candidates at a word start mostly share its first
 * letters ("generated" at "generation"), not its last.
 */
function wordAt(str: string, at: number, word: string, from = 0): boolean {
  let k = word.length;
  if (at + k > str.length) return false;
  while (k-- > from) if (str.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Follows the trie from `node`, whose words matched from `at` up to `j`. (Here and in
 * `allHits`, indexed loops: `for...of` cost measurably more in these hot loops.)
 */
function walk(s: Scan, node: WordNode, at: number, j: number) {
  const { entries, next } = node;
  for (let k = 0; k < entries.length; k++) confirm(s, entries[k], at, j);
  if (next === null) return;
  const lower = s.lower;
  let c = lower.charCodeAt(j);
  while (isSep(c)) c = lower.charCodeAt(++j); // NaN past the end: not a separator
  if ((node.nextFirsts & firstBit(c)) === 0) return;
  for (let k = 0; k < next.length; k++) {
    const e = next[k];
    if (e.first === c && wordAt(lower, j, e.word)) walk(s, e.node, at, j + e.word.length);
  }
}

/** Every term/exclude match in `text`, for all topics at once, in `byStart` order. */
function allHits(text: string, inTitle: boolean): Hit[] {
  const out: Hit[] = [];
  if (!text) return out;
  if (!indexed) buildIndex();
  // Offsets must line up: a few non-ASCII capitals lowercase to two code units.
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = text.replace(ASCII_UPPER, (x) => x.toLowerCase());
  const s: Scan = { text, lower, inTitle, out, literal: !text.includes('\u212a') };
  const n = lower.length;
  for (let i = 0; i < n; ) {
    if (!isWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    // A word starts at i: hash its first KEY chars (as bucketAt does) and pack them (as
    // `pack` does), then find its end j.
    let h = 0;
    let packed = 0;
    let j = i;
    const keyEnd = Math.min(i + KEY, n);
    for (let c; j < keyEnd && isWordChar((c = lower.charCodeAt(j))); j++) {
      h = (h * 31 + c) | 0;
      packed = (packed << 7) | c;
    }
    const packedLen = j - i;
    if (j === keyEnd) while (j < n && isWordChar(lower.charCodeAt(j))) j++;
    const b = (h ^ (h >>> 7)) & (BUCKETS - 1);
    if (BUCKET_USED[b] === 0) {
      i = j + 1;
      continue;
    }
    const firsts = PHRASES[b];
    if (firsts) {
      for (let k = 0; k < firsts.length; k++) {
        const e = firsts[k];
        // Its first chars in one comparison (the word is long enough to hold them), the rest one by one.
        if (
          e.lead <= j - i &&
          packed >>> (7 * (packedLen - e.prefixLen)) === e.prefix &&
          wordAt(lower, i, e.word, e.prefixLen)
        ) {
          walk(s, e.node, i, i + e.word.length);
        }
      }
    }
    const acronyms = ACRONYMS[b];
    if (acronyms) {
      for (let k = 0; k < acronyms.length; k++) if (wordAt(text, i, acronyms[k].word)) confirm(s, acronyms[k].entry, i);
    }
    i = j + 1; // lower[j] is not a word char
  }
  for (const { needle, entry } of SCANNED) {
    if (inTitle ? entry.kind === 'claim' : entry.kind === 'titleOnly') continue;
    for (let at = lower.indexOf(needle); at >= 0; ) {
      let start = at;
      while (start > 0 && (isWordChar(lower.charCodeAt(start - 1)) || lower.charCodeAt(start - 1) === 45)) start--;
      at = lower.indexOf(needle, Math.max(at + 1, confirm(s, entry, start)));
    }
  }
  return out;
}

/** How many matched texts `why` quotes, per title or abstract. */
const MAX_QUOTES = 2;

interface TopicHits {
  /** Distinct term ids. */
  terms: number[];
  /** Distinct decisive terms. */
  decisive: number;
  /**
   * First match per term, in text order, up to MAX_QUOTES: what `why` quotes. Sliced
   * from `text` only then (most scored topics are never shown).
   */
  quotes: Hit[];
  text: string;
  /** Number of matches, repeats included. */
  count: number;
  /** End of the last match kept: a hit starting before it overlaps it. */
  end: number;
}

/**
 * Per topic (indexed by topic): drop hits that start inside an excluded span, then
 * keep leftmost-longest non-overlapping hits (so "information retrieval" is one
 * term, not two).
 */
function groupByTopic(hits: Hit[], inTitle: boolean, text: string): (TopicHits | undefined)[] {
  const out: (TopicHits | undefined)[] = [];
  if (hits.length === 0) return out;
  // `hits` come from allHits, in `byStart` order.
  let excluded: Hit[] | undefined;
  let asides: Hit[] | undefined;
  for (const h of hits) {
    if (h.entry.kind === 'exclude') (excluded ??= []).push(h);
    else if (h.entry.kind === 'aside' && !inTitle) (asides ??= []).push(h);
  }
  for (const h of hits) {
    const { topic, kind, term } = h.entry;
    if (kind === 'exclude' || kind === 'aside' || (kind === 'titleOnly' && !inTitle)) continue;
    if (h.start < (out[topic]?.end ?? -1)) continue;
    if (excluded?.some((x) => x.entry.topic === topic && h.start >= x.start && h.start < x.end)) continue;
    if (!h.entry.decisive && asides?.some((x) => x.entry.topic === topic && sameSentence(text, x.start, h.start))) continue;
    const res = (out[topic] ??= { terms: [], decisive: 0, quotes: [], text, count: 0, end: -1 });
    res.end = h.end;
    res.count++;
    if (!res.terms.includes(term)) {
      res.terms.push(term);
      if (h.entry.decisive) res.decisive++;
      if (res.quotes.length < MAX_QUOTES) res.quotes.push(h);
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

function quoteList({ text, quotes }: TopicHits): string {
  let list = '';
  for (const q of quotes) list += `${list ? ', ' : ''}"${oneSpaced(text.slice(q.start, q.end))}"`;
  return list;
}

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
  return out.sort(byScore);
}

const byScore = (x: Scored, y: Scored) => y.score - x.score || x.topic - y.topic;

function whyOf(s: Scored): string {
  let why = s.title ? `title: ${quoteList(s.title)}` : '';
  if (s.abstract) why += `${why ? '; ' : ''}abstract: ${quoteList(s.abstract)}`;
  if (s.context !== undefined) why += `${why ? '; ' : ''}with ${TOPICS[s.context].label}`;
  return why;
}

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
  return topics.size > 0 && allHits(keyword, true).some(
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
  // Built at the first keyword: most papers have none.
  let shown: Set<number> | undefined;
  let seen: Set<string> | undefined;
  let added = 0;
  for (const raw of p.aiKeywords ?? []) {
    if (tags.length >= max || added >= MAX_HF_KEYWORDS) break;
    const keyword = typeof raw === 'string' ? oneSpaced(raw.trim()) : '';
    if (!keyword || keyword.length > MAX_KEYWORD_LENGTH) continue;
    const key = keyword.toLowerCase();
    seen ??= new Set(tags.map((t) => t.label.toLowerCase()));
    shown ??= new Set(scored.map((s) => s.topic));
    if (seen.has(key) || restatesTopic(keyword, shown)) continue;
    seen.add(key);
    tags.push({ label: keyword, source: 'hf', why: 'HF keywords' });
    added++;
  }
  return tags;
}
