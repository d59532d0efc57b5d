// Search over the saved papers (popup and library page). Pure: no browser APIs.
//
// - Text is folded before it is compared: lower case, accents removed ("Ünal" → "unal"), ß → ss, ….
// - A query is split into terms; a paper matches when every term matches in its title, tags, authors,
//   notes, abstract or arXiv id: a whole word, a word's beginning ("diff" → "diffusion"), a part of a
//   word ("former" → "transformer", terms of 3+ letters), or, for terms of 5+ letters, a known word
//   (or its beginning) one letter away: changed, missing, added, or two swapped ("difusion" →
//   "diffusion").
// - Score: per term, the best of (field weight × kind of match); title hits come first, then tags,
//   authors, notes, abstract; a title holding the whole query gets a bonus.
//
// How: each paper's fields are folded once (the "haystacks") and joined into one string; a term is
// looked for with `indexOf` over it (native: a few ms for 10,000 papers with abstracts), and a term
// that extends the previous keystroke's is looked for only in the papers that matched that one.
// Typos are corrected against the words of the library (the vocabulary, gathered by `warmUp` in
// idle time), then the corrections are looked for like terms. An inverted index of every word
// would make lookups cheaper but takes about a second to build for 10,000 abstracts.
import type { PaperRow } from '../db';

import { fold } from '../fold';

export { fold };
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

const ASCII_SPLIT = /[^a-z0-9]+/;
const UNICODE_SPLIT = /[^\p{L}\p{N}]+/u;

/** Words of a folded text: runs of letters and digits. */
function words(folded: string): string[] {
  return folded.split(NON_ASCII.test(folded) ? UNICODE_SPLIT : ASCII_SPLIT).filter((w) => w.length > 0);
}

/** The words of a text, folded. */
export function tokenize(text: string): string[] {
  return words(fold(text));
}

/** The folded terms of a query, each once, in order. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query))];
}

/** Fields, in the order they are searched (best weight first). */
export const FIELDS = ['title', 'id', 'tags', 'authors', 'notes', 'abstract'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_WEIGHT: Record<Field, number> = { title: 10, id: 10, tags: 6, authors: 5, notes: 3, abstract: 1 };
const WEIGHTS = FIELDS.map((f) => FIELD_WEIGHT[f]);
const TITLE = FIELDS.indexOf('title');

/** How well a term matched. */
export const MATCH = { exact: 1, prefix: 0.75, infix: 0.4, fuzzy: 0.35, fuzzyPrefix: 0.3 } as const;
/** A title holding the whole query (its words, in order). */
const PHRASE_BONUS = 5;
/** Shortest term matched inside a word, and shortest corrected for a typo. */
export const INFIX_MIN = 3;
export const FUZZY_MIN = 5;
/** Corrections looked for per term (each costs one pass over the library). */
const MAX_CORRECTIONS = 6;

export interface SearchHit {
  row: PaperRow;
  score: number;
}

interface Doc {
  row: PaperRow;
  /** Folded fields, in FIELDS order, joined by SEP. */
  text: string;
  /** Where each field starts in `text`, then text.length + 1 (where a next paper's would start). */
  starts: number[];
  /** The title's words joined by single spaces (for the phrase bonus). */
  titleWords: string;
  /**
   * Per field, the first letters of its words, and its one-letter words (set by learnWords): a
   * one-letter term, the first keystroke of every search, is answered from these.
   */
  initials?: string[];
  singles?: string[];
}

/** Between fields and between papers in the searched text: not a word character, never in a term. */
const SEP = '\u0001';
const F = FIELDS.length;
const EMPTY_DOC_TEXT = SEP.repeat(F - 1);
const EMPTY_DOC_STARTS = [...FIELDS.map((_, i) => i), F];

function makeDoc(row: PaperRow): Doc {
  const title = fold(row.title);
  const fields = FIELDS.map((f): string => {
    switch (f) {
      case 'title':
        return title;
      case 'id':
        return row.id;
      case 'tags':
        return fold([...row.tags, ...(row.manualTags ?? [])].join(' ; '));
      case 'authors':
        return fold(row.authors.join(' ; '));
      case 'notes':
        return row.notes ? fold(row.notes) : '';
      case 'abstract':
        return row.abstract ? fold(row.abstract) : '';
    }
  });
  const starts: number[] = [];
  let at = 0;
  for (const field of fields) {
    starts.push(at);
    at += field.length + 1;
  }
  starts.push(at);
  // A separator inside a field (pasted into notes) would look like the end of the field.
  const text = fields.map((t) => (t.includes(SEP) ? t.replaceAll(SEP, ' ') : t)).join(SEP);
  return { row, text, starts, titleWords: words(title).join(' ') };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordCode = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return WORD_CHAR.test(s[i]);
};

/**
 * Scores `term` found in `text` (papers' fields joined by SEP; field k starts at starts[k], the
 * slot of field k is slotBase + k / F) into `scores`. `quality` scales the scores (1 for the term
 * as typed, less for a correction, which must begin a word: `atWordStart`). Returns how many papers
 * have it at the beginning of a word.
 */
function scanText(
  text: string,
  starts: ArrayLike<number>,
  slotBase: number,
  term: string,
  quality: number,
  atWordStart: boolean,
  scores: Float32Array,
): number {
  const end = starts.length - 1;
  const infix = !atWordStart && term.length >= INFIX_MIN;
  let wordStarts = 0;
  let counted = -1;
  let k = 0; // the field holding p: starts[k] <= p < starts[k + 1]
  let p = text.indexOf(term);
  while (p >= 0) {
    while (k < end && starts[k + 1] <= p) k++;
    const slot = slotBase + ((k / F) | 0);
    const f = k % F;
    let m = 0;
    if (p === starts[k] || !isWordCode(text, p - 1)) {
      const after = p + term.length;
      m = atWordStart || after === starts[k + 1] - 1 || !isWordCode(text, after) ? MATCH.exact : MATCH.prefix;
      if (slot !== counted) {
        wordStarts++;
        counted = slot;
      }
    } else if (infix) {
      m = MATCH.infix;
    }
    const score = WEIGHTS[f] * quality * m;
    if (score > scores[slot]) scores[slot] = score;
    if (scores[slot] >= WEIGHTS[f] * quality) {
      // Nothing better to find in this field: on to the next field that could do better (the
      // fields weigh less and less: often the next paper).
      let next = k + 1;
      while (next < end && next % F !== 0 && WEIGHTS[next % F] * quality <= scores[slot]) next++;
      p = next < end ? text.indexOf(term, starts[next]) : -1;
    } else if (m === MATCH.prefix && term.length < INFIX_MIN) {
      p = k + 1 < end ? text.indexOf(term, starts[k + 1]) : -1; // a short term: a word it begins will do
    } else {
      p = text.indexOf(term, p + 1);
    }
  }
  return wordStarts;
}

/**
 * The search index. A term costs one pass over the joined fields (or over the papers that matched
 * the term it extends), plus one per correction of a mistyped term; `upsert` and `remove` cost one
 * paper, and the next search joins the fields again.
 */
export class SearchIndex {
  private docs: (Doc | null)[] = [];
  private slotOf = new Map<string, number>();
  private dead = 0;
  private joined: { text: string; starts: Int32Array } | null = null;
  /** Known words (for typo correction). Only grows: a word of a removed paper just corrects to nothing. */
  private vocab = new Set<string>();
  private vocabList: string[] = [];
  /** Papers from this slot on are not in the vocabulary yet. */
  private learnedTo = 0;
  /** Per-term scores of the current contents, for the next keystroke. */
  private termCache = new Map<string, Float32Array>();

  constructor(rows: Iterable<PaperRow> = []) {
    this.addAll(rows);
  }

  /** Papers in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Whether the words of every paper are known to typo correction (see `warmUp`). */
  get warm(): boolean {
    return this.learnedTo >= this.docs.length;
  }

  /**
   * Learns the words of the papers (for typo correction), a hundred papers at a time, until
   * `timeLeft()` says stop; true when all are known. Until then, typos are corrected against the
   * words learned so far.
   */
  warmUp(timeLeft: () => boolean = () => true): boolean {
    while (this.learnedTo < this.docs.length) {
      const end = Math.min(this.docs.length, this.learnedTo + 100);
      for (let slot = this.learnedTo; slot < end; slot++) {
        const doc = this.docs[slot];
        if (doc) this.learnWords(doc);
      }
      this.learnedTo = end;
      // Corrections found so far used fewer words than there are now.
      if (this.learnedTo >= this.docs.length) this.termCache.clear();
      else if (!timeLeft()) return false;
    }
    return true;
  }

  /** Prepares the joined text the next search scans (else that search does it: ~30 ms for 10,000 abstracts). */
  prepare(): void {
    this.searched();
  }

  /**
   * Adds papers in bulk (replacing stored versions of the same ids), leaving their words for
   * `warmUp` to learn: the way to fill the index a slice at a time.
   */
  addAll(rows: Iterable<PaperRow>): void {
    for (const row of rows) {
      const slot = this.slotOf.get(row.id);
      if (slot !== undefined) {
        if (this.docs[slot]!.row === row) continue;
        this.kill(slot);
      }
      this.add(row);
    }
    this.maybeCompact();
  }

  /** Adds a paper, or replaces the stored version of it. */
  upsert(row: PaperRow): void {
    const slot = this.slotOf.get(row.id);
    if (slot !== undefined) {
      if (this.docs[slot]!.row === row) return;
      this.kill(slot);
    }
    const warm = this.warm;
    const doc = this.add(row);
    if (warm) {
      this.learnWords(doc);
      this.learnedTo = this.docs.length;
    }
    this.maybeCompact();
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.kill(slot);
    this.slotOf.delete(id);
    this.maybeCompact();
  }

  /**
   * Papers matching every term of `query`, best first (ties: the most recently starred, then
   * updated, first). A query without letters or digits matches nothing: callers show the whole list
   * then, in their own order.
   */
  search(query: string): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    let total: Float32Array | null = null;
    for (const term of terms) {
      const scores = this.termScores(term);
      if (!total) {
        total = Float32Array.from(scores);
      } else {
        for (let i = 0; i < total.length; i++) total[i] = total[i] > 0 && scores[i] > 0 ? total[i] + scores[i] : 0;
      }
    }
    const phrase = terms.join(' ');
    const hits: SearchHit[] = [];
    for (let slot = 0; slot < total!.length; slot++) {
      const score = total![slot];
      const doc = this.docs[slot];
      if (score <= 0 || !doc) continue;
      hits.push({ row: doc.row, score: score + (doc.titleWords.includes(phrase) ? PHRASE_BONUS : 0) });
    }
    return hits.sort(
      (a, b) =>
        b.score - a.score ||
        (b.row.starredAt ?? 0) - (a.row.starredAt ?? 0) ||
        b.row.updatedAt - a.row.updatedAt ||
        (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0),
    );
  }

  /**
   * Known words `term` may be a typo of (one letter changed, missing, added, or two swapped), and
   * beginnings of known words it may be a mistyped beginning of; each with its match quality.
   */
  corrections(term: string): Map<string, number> {
    const out = new Map<string, number>();
    if (term.length < FUZZY_MIN) return out;
    const t0 = term.charCodeAt(0);
    const t1 = term.charCodeAt(1);
    const full: string[] = [];
    const prefixes = new Map<string, number>();
    const lengths = term.length >= 6 ? [term.length - 1, term.length, term.length + 1] : [term.length, term.length + 1];
    for (const word of this.vocabList) {
      if (word.length < term.length - 1) continue;
      // One edit away: the first edit is at 0, or the first two letters agree somewhere.
      const w0 = word.charCodeAt(0);
      const w1 = word.charCodeAt(1);
      if (!(w0 === t0 || w1 === t1 || w0 === t1 || w1 === t0)) continue;
      if (word.startsWith(term)) continue; // found as it is
      if (withinOneEdit(term, word)) full.push(word);
      for (const len of lengths) {
        if (len >= word.length) break;
        if (withinOneEdit(term, word, len)) {
          const prefix = word.slice(0, len);
          prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + 1);
        }
      }
    }
    // Whole words first (the likelier typo), then the beginnings that begin the most words; none
    // that an earlier one already finds.
    const ordered: [string, number][] = [
      ...full.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).map((w): [string, number] => [w, MATCH.fuzzy]),
      ...[...prefixes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]): [string, number] => [p, MATCH.fuzzyPrefix]),
    ];
    for (const [word, quality] of ordered) {
      if (out.size >= MAX_CORRECTIONS) break;
      if (![...out.keys()].some((w) => word.startsWith(w))) out.set(word, quality);
    }
    return out;
  }

  /** One term's score for every slot (0 = no match). */
  private termScores(term: string): Float32Array {
    const cached = this.termCache.get(term);
    if (cached) return cached;
    const scores = new Float32Array(this.docs.length);
    // Typing on: a term can only be found where the term it extends was, when both are short
    // (found at the beginning of words only) or both long enough to be found inside words too.
    let parent: Float32Array | undefined;
    const shortest = term.length < INFIX_MIN ? 1 : INFIX_MIN;
    for (let len = term.length - 1; len >= shortest && !parent; len--) parent = this.termCache.get(term.slice(0, len));
    let wordStarts = 0;
    // Paper by paper pays only when few papers are left: one pass over the joined text is faster.
    if (parent && parent.filter((x) => x > 0).length > parent.length / 4) parent = undefined;
    if (term.length === 1 && this.warm) {
      wordStarts = this.scanInitials(term, scores);
    } else if (parent) {
      for (let slot = 0; slot < parent.length; slot++) {
        const doc = this.docs[slot];
        if (parent[slot] > 0 && doc) wordStarts += scanText(doc.text, doc.starts, slot, term, 1, false, scores);
      }
    } else {
      const { text, starts } = this.searched();
      wordStarts = scanText(text, starts, 0, term, 1, false, scores);
    }
    // Typos are corrected only when the term begins no word of any paper ("did you mean").
    if (wordStarts === 0) {
      const { text, starts } = this.searched();
      for (const [word, quality] of this.corrections(term)) scanText(text, starts, 0, word, quality, true, scores);
    }
    if (this.termCache.size >= 32) this.termCache.clear();
    this.termCache.set(term, scores);
    return scores;
  }

  /** A one-letter term: the papers with a word beginning with it (exact: the word is that letter). */
  private scanInitials(term: string, scores: Float32Array): number {
    let found = 0;
    for (let slot = 0; slot < this.docs.length; slot++) {
      const doc = this.docs[slot];
      if (!doc?.initials) continue;
      for (let f = 0; f < F; f++) {
        if (WEIGHTS[f] <= scores[slot]) break;
        const m = doc.singles![f].includes(term) ? MATCH.exact : doc.initials[f].includes(term) ? MATCH.prefix : 0;
        if (m > 0) scores[slot] = Math.max(scores[slot], WEIGHTS[f] * m);
      }
      if (scores[slot] > 0) found++;
    }
    return found;
  }

  /** Every paper's folded fields in one string, and where each field starts (the end last). */
  private searched(): { text: string; starts: Int32Array } {
    if (this.joined) return this.joined;
    const starts = new Int32Array(this.docs.length * F + 1);
    const parts: string[] = [];
    let at = 0;
    for (let slot = 0; slot < this.docs.length; slot++) {
      const doc = this.docs[slot];
      const rel = doc ? doc.starts : EMPTY_DOC_STARTS;
      for (let f = 0; f < F; f++) starts[slot * F + f] = at + rel[f];
      at += rel[F];
      parts.push(doc ? doc.text : EMPTY_DOC_TEXT);
    }
    starts[this.docs.length * F] = at;
    this.joined = { text: parts.join(SEP), starts };
    return this.joined;
  }

  private add(row: PaperRow): Doc {
    const doc = makeDoc(row);
    this.slotOf.set(row.id, this.docs.length);
    this.docs.push(doc);
    this.changed();
    return doc;
  }

  private learnWords(doc: Doc): void {
    const initials: string[] = [];
    const singles: string[] = [];
    for (let f = 0; f < F; f++) {
      const first = new Set<string>();
      const single = new Set<string>();
      for (const w of words(doc.text.slice(doc.starts[f], doc.starts[f + 1] - 1))) {
        first.add(w[0]);
        if (w.length === 1) single.add(w);
        if (w.length >= FUZZY_MIN - 1 && FIELDS[f] !== 'id' && !this.vocab.has(w)) {
          this.vocab.add(w);
          this.vocabList.push(w);
        }
      }
      initials.push([...first].join(''));
      singles.push([...single].join(''));
    }
    doc.initials = initials;
    doc.singles = singles;
  }

  private kill(slot: number): void {
    this.docs[slot] = null;
    this.dead++;
    this.changed();
  }

  private changed(): void {
    this.termCache.clear();
    this.joined = null;
  }

  /** Rebuilt from the live papers when dead slots outnumber them. */
  private maybeCompact(): void {
    if (this.dead < 256 || this.dead < this.slotOf.size) return;
    const warm = this.warm;
    const live = this.docs.filter((d): d is Doc => d !== null);
    this.docs = [];
    this.slotOf.clear();
    this.dead = 0;
    for (const doc of live) {
      this.slotOf.set(doc.row.id, this.docs.length);
      this.docs.push(doc);
    }
    this.learnedTo = warm ? this.docs.length : 0;
    this.changed();
  }
}

/** The same letters from a[i] and b[j] on, to the end of a and to bEnd. */
function sameTail(a: string, i: number, b: string, j: number, bEnd: number): boolean {
  if (a.length - i !== bEnd - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/**
 * `a` and the first `bLength` letters of `b` differ by at most one letter changed, added or
 * removed, or two neighbours swapped.
 */
export function withinOneEdit(a: string, b: string, bLength = b.length): boolean {
  const la = a.length;
  const lb = bLength;
  if (Math.abs(la - lb) > 1) return false;
  const min = Math.min(la, lb);
  let i = 0;
  while (i < min && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === min) return true; // equal, or one letter more at the end
  if (la === lb) {
    return (
      sameTail(a, i + 1, b, i + 1, lb) ||
      (a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameTail(a, i + 2, b, i + 2, lb))
    );
  }
  return la < lb ? sameTail(a, i, b, i + 1, lb) : sameTail(a, i + 1, b, i, lb);
}
