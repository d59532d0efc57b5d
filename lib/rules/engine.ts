// Applying the user's rules to papers: pure string logic, no zod, no browser API, so the content
// script can run it on every card. Rules arrive validated by lib/rules/schema.ts; they are checked
// again here (a rule that fails is skipped, never run) since a regex is code that runs on the page.
//
// compileRules() runs once per settings change and builds:
// - one trie of every keyword (lowercased, separators as optional runs), walked once per text from
//   each word start: the cost per paper does not grow with the number of keyword rules;
// - the regexes, each compiled once;
// - author names and tags normalised once.
// applyRules() then does per paper only what its rules need (a paper's authors are normalised only
// when an author rule is asked about it), and each distinct match once even when several rules
// share it (a keyword that both tags and highlights).
import { fold } from '../fold';
import type { Rule } from './schema';
import { checkRegex } from './safe-regex';

export interface RulePaper {
  title: string;
  abstract?: string;
  authors: readonly string[];
  /** Tags the paper already carries: topics, Hugging Face keywords, manual tags. */
  tags: readonly string[];
}
/** A chip given by a tag rule; `why`: "your rule: /mamba/i in title", `your rule: "state space" in abstract`. */
export interface RuleTag {
  label: string;
  color?: string;
  why: string;
}
/** reason: "muted: tag Diffusion", "muted: /survey/i in title", "highlighted: author Kaiming He". */
export interface RuleHit {
  ruleId: string;
  reason: string;
  color?: string;
}
/**
 * What the rules say of one paper. Tags in rule order, one per label. `muted` and `highlighted` are
 * each the first matching rule of that action in the list; a paper can be both (say, an author you
 * follow writing on a topic you mute): the caller decides which shows (highlight should win: it
 * names a paper, a mute a kind of paper).
 */
export interface RuleOutcome {
  tags: RuleTag[];
  muted?: RuleHit;
  highlighted?: RuleHit;
}

/**
 * Texts are matched on their first characters only, so that a regex that is slow after all (the
 * checker lets quadratic patterns such as /a.*b/ through) stays bounded: arXiv caps abstracts at
 * 1,920 characters and titles are far shorter; a page handing us more is not a real paper.
 */
export const MAX_TITLE = 1_000;
export const MAX_ABSTRACT = 5_000;
/** An author's name beyond this is cut; authors beyond MAX_AUTHORS are not looked at. */
const MAX_NAME = 200;
const MAX_AUTHORS = 500;
/** Regexes shown in reasons are cut to this length. */
const MAX_SHOWN_REGEX = 60;

type Field = 'title' | 'abstract' | 'any';
type Action = Rule['action'];

/** Each distinct thing a rule looks for; shared by the rules looking for it. */
type Matcher =
  | { kind: 'keyword'; index: number; field: Field; shown: string }
  | { kind: 'regex'; re: RegExp; field: Field; shown: string }
  | { kind: 'tag'; key: string }
  | { kind: 'author'; key: string };

interface CompiledRule {
  id: string;
  matcher: number;
  tag?: string;
  color?: string;
}

export interface CompiledRules {
  /** Rules that will run, by action, in list order. */
  readonly tag: readonly CompiledRule[];
  readonly mute: readonly CompiledRule[];
  readonly highlight: readonly CompiledRule[];
  /** Enabled rules that were refused, and why (disabled rules are simply left out). */
  readonly skipped: readonly { ruleId: string; reason: string }[];
  /** @internal */
  readonly matchers: readonly Matcher[];
  /** @internal The keyword trie, or null without keyword rules. */
  readonly keywords: KeywordTrie | null;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Spaces and hyphens (with Unicode dashes) in keywords; tags also count "_" as one. */
const SEPARATORS = /[\s\-\u2010-\u2015]+/g;
const TAG_SEPARATORS = /[\s\-\u2010-\u2015_]+/g;
const isSeparator = (c: number) => c === 32 || c === 45 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2010 && c <= 0x2015);

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
/** Word characters, ASCII by table (lowercased text: no A–Z to see). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;
function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) return true; // astral letters (and, alas, emoji)
  return WORD_CHAR.test(text[i]);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const tagKey = (tag: string) => tag.trim().toLowerCase().replace(TAG_SEPARATORS, ' ');

/**
 * Names compared without case, accents or punctuation: "Jürgen Schmidhuber" = "jurgen schmidhuber",
 * "Jean-Pierre" = "jean pierre", "O'Brien" = "obrien". Newlines survive (they separate authors).
 */
function nameKey(s: string): string {
  // Apostrophes and dots first: folding would make a spacing accent ("O´Brien") a space.
  return fold(s.replace(/['’‘`´.]/g, ''))
    .replace(/[^\p{L}\p{N}\n]+/gu, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/^ +| +$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Keywords: one trie for all

interface TrieNode {
  /** Children by UTF-16 code unit: an array for ASCII (most of the text), a map for the rest. */
  ascii?: (TrieNode | undefined)[];
  other?: Map<number, TrieNode>;
  /** A run of spaces/hyphens, which may also be absent ("state space" = "state-space" = "statespace"). */
  sep?: TrieNode;
  /** Keywords ending here. */
  ends?: number[];
}

interface KeywordTrie {
  root: TrieNode;
  count: number;
  /** Per keyword: it ends on a word character, so the text must not go on with one ("agent" ≠ "agenda"). */
  endsWord: Uint8Array;
  /** Per keyword: a plural "s"/"es" may follow ("diffusion model" finds "diffusion models"). */
  plural: Uint8Array;
  /**
   * Finds where a keyword may start: its first word, after an ASCII word boundary (V8 scans for
   * an alternation of literals far faster than a loop over each character). Keywords starting
   * with a non-ASCII letter or a non-word character (".net") are looked for anywhere; the true
   * word boundary is checked on each candidate.
   */
  finder: RegExp;
}

function buildTrie(keywords: string[]): KeywordTrie {
  const root: TrieNode = {};
  const endsWord = new Uint8Array(keywords.length);
  const plural = new Uint8Array(keywords.length);
  const atBoundary = new Set<string>();
  const anywhere = new Set<string>();
  keywords.forEach((kw, k) => {
    const words = kw.split(SEPARATORS).filter(Boolean);
    let node = root;
    words.forEach((w, wi) => {
      if (wi > 0) node = node.sep ??= {};
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        let child = childOf(node, c);
        if (!child) {
          child = {};
          if (c < 128) (node.ascii ??= new Array<TrieNode | undefined>(128).fill(undefined))[c] = child;
          else (node.other ??= new Map()).set(c, child);
        }
        node = child;
      }
    });
    (node.ends ??= []).push(k);
    const joined = words.join(' ');
    (/^[a-z0-9_]/.test(joined) ? atBoundary : anywhere).add(escapeRe(words[0]));
    endsWord[k] = isWordAt(joined, joined.length - 1) ? 1 : 0;
    plural[k] = /\p{L}$/u.test(joined) ? 1 : 0;
  });
  // Longest first only to keep the alternation tidy: each candidate walks the whole trie anyway.
  const alt = (set: Set<string>) => [...set].sort((a, b) => b.length - a.length).join('|');
  const finder = new RegExp(
    [atBoundary.size ? `\\b(?:${alt(atBoundary)})` : '', anywhere.size ? `(?:${alt(anywhere)})` : ''].filter(Boolean).join('|'),
    'g',
  );
  return { root, count: keywords.length, endsWord, plural, finder };
}

const childOf = (node: TrieNode, c: number): TrieNode | undefined => (c < 128 ? node.ascii?.[c] : node.other?.get(c));

function endsHere(t: KeywordTrie, k: number, text: string, i: number): boolean {
  if (!t.endsWord[k] || !isWordAt(text, i)) return true;
  if (!t.plural[k]) return false;
  if (text.charCodeAt(i) === 115 /* s */ && !isWordAt(text, i + 1)) return true;
  return text.charCodeAt(i) === 101 /* e */ && text.charCodeAt(i + 1) === 115 && !isWordAt(text, i + 2);
}

function walk(t: KeywordTrie, node: TrieNode, text: string, i: number, hits: Uint8Array): void {
  if (node.ends) for (const k of node.ends) if (!hits[k] && endsHere(t, k, text, i)) hits[k] = 1;
  if (i >= text.length && !node.sep) return;
  const c = text.charCodeAt(i);
  const child = childOf(node, c);
  if (child) walk(t, child, text, i + 1, hits);
  if (node.sep) {
    if (isSeparator(c)) {
      let j = i + 1;
      while (j < text.length && isSeparator(text.charCodeAt(j))) j++;
      walk(t, node.sep, text, j, hits);
    } else {
      walk(t, node.sep, text, i, hits);
    }
  }
}

/** Marks in `hits` every keyword found in `text` (already lowercased) as a whole word. */
function findKeywords(t: KeywordTrie, text: string, hits: Uint8Array): void {
  const finder = t.finder;
  finder.lastIndex = 0;
  for (let m = finder.exec(text); m; m = finder.exec(text)) {
    const i = m.index;
    finder.lastIndex = i + 1;
    // A keyword starting with a letter starts a word ("mamba" is not found in "ümamba").
    if (!isWordAt(text, i) || !isWordAt(text, i - 1)) walk(t, t.root, text, i, hits);
  }
}

// ---------------------------------------------------------------------------------------------
// Compiling

const ACTIONS: readonly Action[] = ['tag', 'mute', 'highlight'];
const FIELDS: readonly Field[] = ['title', 'abstract', 'any'];
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const shownRegex = (source: string, flags: string) =>
  '/' + (source.length > MAX_SHOWN_REGEX ? source.slice(0, MAX_SHOWN_REGEX - 1) + '…' : source) + '/' + flags;

/**
 * How a rule's match reads in reasons and chips: `"state space"`, `/mamba/i`, and, with the spelling
 * the rule gives (a paper's own is shown when it matches), `tag Diffusion`, `author Kaiming He`.
 * The options page shows it too, so what a rule will say is written in one place.
 */
export function describeMatch(match: Rule['match']): string {
  switch (match.type) {
    case 'keyword': return `"${match.value.trim()}"`;
    case 'regex': return shownRegex(match.source, match.flags ?? 'i');
    case 'tag': return `tag ${match.value.trim()}`;
    case 'author': return `author ${match.value.trim()}`;
  }
}

/**
 * Prepares the rules for applyRules (once per settings change). Disabled rules are left out; a rule
 * that does not hold together (handed in unvalidated) or whose regex the checker refuses is skipped
 * and listed in `skipped`: it is never run.
 */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const byAction: Record<Action, CompiledRule[]> = { tag: [], mute: [], highlight: [] };
  const skipped: { ruleId: string; reason: string }[] = [];
  const matchers: Matcher[] = [];
  const matcherIndex = new Map<string, number>();
  const keywords: string[] = [];
  const keywordIndex = new Map<string, number>();

  const matcherFor = (key: string, make: () => Matcher): number => {
    let m = matcherIndex.get(key);
    if (m === undefined) {
      matcherIndex.set(key, (m = matchers.length));
      matchers.push(make());
    }
    return m;
  };

  for (const rule of Array.isArray(rules) ? rules : []) {
    const raw = rule as Partial<Rule> | null;
    if (!raw || typeof raw !== 'object' || raw.enabled === false) continue;
    const ruleId = typeof raw.id === 'string' ? raw.id : '';
    const refuse = (reason: string) => skipped.push({ ruleId, reason });
    if (!ruleId) {
      refuse('rule without an id');
      continue;
    }
    const action = raw.action as Action;
    if (!ACTIONS.includes(action)) {
      refuse('unknown action');
      continue;
    }
    if (action === 'tag' && !isText(raw.tag, 40)) {
      refuse('a tag rule needs the tag it gives');
      continue;
    }
    const match = raw.match as Record<string, unknown> | undefined;
    const field = (FIELDS.includes(match?.field as Field) ? match!.field : 'any') as Field;
    let matcher: number;
    switch (match?.type) {
      case 'keyword': {
        const value = match.value;
        if (!isText(value, 200) || !/[\p{L}\p{N}]/u.test(value)) {
          refuse('keyword without a letter or digit');
          continue;
        }
        const normal = value.trim().toLowerCase().split(SEPARATORS).filter(Boolean).join(' ');
        let index = keywordIndex.get(normal);
        if (index === undefined) {
          keywordIndex.set(normal, (index = keywords.length));
          keywords.push(normal);
        }
        const k = index;
        matcher = matcherFor(`k\u0000${field}\u0000${normal}`, () => ({ kind: 'keyword', index: k, field, shown: describeMatch({ type: 'keyword', value, field }) }));
        break;
      }
      case 'regex': {
        const source = match.source;
        const flags = match.flags === undefined ? 'i' : match.flags;
        if (typeof source !== 'string' || typeof flags !== 'string') {
          refuse('regex without a pattern');
          continue;
        }
        const problem = checkRegex(source, flags);
        if (problem) {
          refuse(problem);
          continue;
        }
        let re: RegExp;
        try {
          re = new RegExp(source, flags);
        } catch (e) {
          refuse(String(e));
          continue;
        }
        matcher = matcherFor(`r\u0000${field}\u0000${flags}\u0000${source}`, () => ({ kind: 'regex', re, field, shown: describeMatch({ type: 'regex', source, flags, field }) }));
        break;
      }
      case 'tag': {
        if (!isText(match.value, 80)) {
          refuse('tag rule without a tag to look for');
          continue;
        }
        const key = tagKey(match.value);
        matcher = matcherFor(`t\u0000${key}`, () => ({ kind: 'tag', key }));
        break;
      }
      case 'author': {
        const key = isText(match.value, 200) ? nameKey(match.value.replace(/\n/g, ' ')) : '';
        if (!key) {
          refuse('author rule without a name');
          continue;
        }
        matcher = matcherFor(`a\u0000${key}`, () => ({ kind: 'author', key }));
        break;
      }
      default:
        refuse('unknown match type');
        continue;
    }
    const color = typeof raw.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(raw.color) ? raw.color : undefined;
    byAction[action].push({ id: ruleId, matcher, ...(action === 'tag' ? { tag: raw.tag!.trim() } : {}), ...(color ? { color } : {}) });
  }

  return {
    ...byAction,
    skipped,
    matchers,
    keywords: keywords.length ? buildTrie(keywords) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Applying

/** One paper's lazily prepared texts and answers. */
class PaperScope {
  private title?: string;
  private abstract?: string;
  private kwTitle?: Uint8Array;
  private kwAbstract?: Uint8Array;
  private authors?: { hay: string; names: readonly string[] };
  /** Matcher answers: undefined = not asked yet, null = no match, else the description. */
  private memo: (string | null | undefined)[];
  /** Tags by normalised key → as the paper shows them; built on the first tag question. */
  private tagMap?: Map<string, string>;
  readonly given: RuleTag[] = [];

  constructor(
    private c: CompiledRules,
    private p: RulePaper,
  ) {
    this.memo = new Array(c.matchers.length);
  }

  private text(field: 'title' | 'abstract'): string {
    if (field === 'title') return (this.title ??= String(this.p.title ?? '').slice(0, MAX_TITLE));
    return (this.abstract ??= String(this.p.abstract ?? '').slice(0, MAX_ABSTRACT));
  }

  private keywordHits(field: 'title' | 'abstract'): Uint8Array {
    const trie = this.c.keywords!;
    if (field === 'title') {
      if (!this.kwTitle) findKeywords(trie, this.text('title').toLowerCase(), (this.kwTitle = new Uint8Array(trie.count)));
      return this.kwTitle;
    }
    if (!this.kwAbstract) findKeywords(trie, this.text('abstract').toLowerCase(), (this.kwAbstract = new Uint8Array(trie.count)));
    return this.kwAbstract;
  }

  private author(key: string): string | null {
    if (!this.authors) {
      const names = (Array.isArray(this.p.authors) ? this.p.authors : []).slice(0, MAX_AUTHORS).map((n) => String(n).slice(0, MAX_NAME).replace(/\n/g, ' '));
      this.authors = { hay: '\n' + nameKey(names.join('\n')) + '\n', names };
    }
    const { hay, names } = this.authors;
    const bound = (c: string | undefined) => c === ' ' || c === '\n';
    for (let at = hay.indexOf(key); at >= 0; at = hay.indexOf(key, at + 1)) {
      if (bound(hay[at - 1]) && bound(hay[at + key.length])) {
        let line = 0;
        for (let j = hay.indexOf('\n', 1); j >= 0 && j < at; j = hay.indexOf('\n', j + 1)) line++;
        return names[line] ?? key;
      }
    }
    return null;
  }

  private tag(key: string): string | null {
    if (!this.tagMap) {
      this.tagMap = new Map();
      for (const t of Array.isArray(this.p.tags) ? this.p.tags : []) {
        if (typeof t === 'string' && !this.tagMap.has(tagKey(t))) this.tagMap.set(tagKey(t), t);
      }
      for (const t of this.given) if (!this.tagMap.has(tagKey(t.label))) this.tagMap.set(tagKey(t.label), t.label);
    }
    return this.tagMap.get(key) ?? null;
  }

  /** Records a tag given by a tag rule; false when a tag rule already gave that label. */
  give(label: string, color: string | undefined, why: string): boolean {
    const key = tagKey(label);
    if (this.given.some((t) => tagKey(t.label) === key)) return false;
    this.given.push({ label, ...(color ? { color } : {}), why });
    if (this.tagMap && !this.tagMap.has(key)) this.tagMap.set(key, label);
    return true;
  }

  private inText(m: { field: Field; shown: string }, found: (field: 'title' | 'abstract') => boolean): string | null {
    if (m.field !== 'abstract' && found('title')) return `${m.shown} in title`;
    if (m.field !== 'title' && found('abstract')) return `${m.shown} in abstract`;
    return null;
  }

  /** What the matcher found in this paper, described ("tag Diffusion"), or null. */
  ask(index: number): string | null {
    const m = this.c.matchers[index];
    // Tags change while tag rules give theirs: never remembered.
    if (m.kind === 'tag') {
      const t = this.tag(m.key);
      return t === null ? null : `tag ${t}`;
    }
    const known = this.memo[index];
    if (known !== undefined) return known;
    let answer: string | null;
    if (m.kind === 'keyword') answer = this.inText(m, (f) => this.keywordHits(f)[m.index] === 1);
    else if (m.kind === 'regex') answer = this.inText(m, (f) => m.re.test(this.text(f)));
    else {
      const name = this.author(m.key);
      answer = name === null ? null : `author ${name}`;
    }
    return (this.memo[index] = answer);
  }
}

function firstHit(scope: PaperScope, rules: readonly CompiledRule[], verb: string): RuleHit | undefined {
  for (const r of rules) {
    const found = scope.ask(r.matcher);
    if (found !== null) return { ruleId: r.id, reason: `${verb}: ${found}`, ...(r.color ? { color: r.color } : {}) };
  }
  return undefined;
}

/**
 * The rules' verdict on one paper. Tag rules come first, in list order (a tag rule matching by tag
 * also sees the tags earlier tag rules gave); mute and highlight rules matching by tag see the
 * paper's tags plus every tag the tag rules gave.
 */
export function applyRules(c: CompiledRules, p: RulePaper): RuleOutcome {
  const scope = new PaperScope(c, p);
  for (const r of c.tag) {
    const found = scope.ask(r.matcher);
    if (found !== null) scope.give(r.tag!, r.color, `your rule: ${found}`);
  }
  const outcome: RuleOutcome = { tags: scope.given };
  const muted = firstHit(scope, c.mute, 'muted');
  if (muted) outcome.muted = muted;
  const highlighted = firstHit(scope, c.highlight, 'highlighted');
  if (highlighted) outcome.highlighted = highlighted;
  return outcome;
}
