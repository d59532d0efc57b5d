// Refusing user regexes that could freeze a page (ReDoS). No zod, no browser API: used by the rule
// schema (options page, background) and again by the engine in the content script.
//
// A JavaScript regex backtracks: a pattern that can match the same text in many ways can take
// exponential time on a text it fails to match ("(a+)+$" on "aaaa…a!"). The checker parses the
// pattern into a small tree and refuses, by static analysis:
// - nested repeats whose inner repeat can run into the next (or previous) outer iteration:
//   (a+)+  (a*)*b  (\w+\s?)+  (.*a){20}  (([a-z])+.)+ ; while (\d+\.)+ and (\w+\s)+ pass, since each
//   iteration must end on a character the inner repeat cannot take;
// - alternatives that may match the same text inside a repeat: (a|a)*, (\w|\d)+ ; (foo|bar)+ passes;
// - two unbounded repeats over common characters with only optional items between: \w+\s*\w+, .*.*
//   (polynomial: cubic on a long run of letters);
// - too many ways to match one text outside repeats: optional parts next to each other over the same
//   characters, and alternatives that may match the same text, multiply; over 4,096 is refused
//   (a?a?a?…a?aaa…a, (?:a|a)(?:a|a)…), while state\s?-?\s?space (8 ways) passes;
// - backreferences (\1, \k<name>), repetition counts over 1,000, patterns over 300 characters,
//   flags other than i, m, s, u, and patterns that match empty text (they would match every paper).
// Lookahead and lookbehind are allowed; their contents are checked like the rest.
//
// What is left is at worst quadratic (".*x" rescans the text from each start), which the engine
// bounds by capping the texts it matches (see MAX_TITLE and MAX_ABSTRACT in engine.ts).

export const MAX_REGEX_LENGTH = 300;
const MAX_COUNT = 1000;
const MAX_COUNT_PRODUCT = 10_000;
/** Ways to match one text tried before failing: times the text's length, still quick. */
const MAX_WAYS = 4096;
const ALLOWED_FLAGS = /^[imsu]*$/;

// ---- character sets: sorted, disjoint, inclusive ranges [lo0, hi0, lo1, hi1, ...] ----

type CharSet = number[];
const MAX_CP = 0x10ffff;
const EMPTY: CharSet = [];
const ANY: CharSet = [0, MAX_CP];

function normalise(ranges: [number, number][]): CharSet {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: CharSet = [];
  for (const [lo, hi] of ranges) {
    const n = out.length;
    if (n && lo <= out[n - 1] + 1) out[n - 1] = Math.max(out[n - 1], hi);
    else out.push(lo, hi);
  }
  return out;
}
const pairs = (s: CharSet): [number, number][] => {
  const out: [number, number][] = [];
  for (let i = 0; i < s.length; i += 2) out.push([s[i], s[i + 1]]);
  return out;
};
const union = (...sets: CharSet[]): CharSet => normalise(sets.flatMap(pairs));
function complement(s: CharSet): CharSet {
  const out: CharSet = [];
  let next = 0;
  for (let i = 0; i < s.length; i += 2) {
    if (s[i] > next) out.push(next, s[i] - 1);
    next = s[i + 1] + 1;
  }
  if (next <= MAX_CP) out.push(next, MAX_CP);
  return out;
}
function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1] < b[j]) i += 2;
    else if (b[j + 1] < a[i]) j += 2;
    else return true;
  }
  return false;
}
/** Adds the other case of ASCII letters (enough to find overlaps; other scripts are rarely folded). */
function foldCase(s: CharSet): CharSet {
  const extra: [number, number][] = [];
  for (const [lo, hi] of pairs(s)) {
    const a = Math.max(lo, 65);
    const b = Math.min(hi, 90);
    if (a <= b) extra.push([a + 32, b + 32]);
    const c = Math.max(lo, 97);
    const d = Math.min(hi, 122);
    if (c <= d) extra.push([c - 32, d - 32]);
  }
  return extra.length ? union(s, normalise(extra)) : s;
}

const DIGIT: CharSet = [48, 57];
const WORD: CharSet = [48, 57, 65, 90, 95, 95, 97, 122];
const SPACE: CharSet = normalise([
  [9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f],
  [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);
const LINE_ENDS: CharSet = normalise([[10, 10], [13, 13], [0x2028, 0x2029]]);
const single = (cp: number): CharSet => [cp, cp];

// ---- the tree ----

type Node =
  | { t: 'char'; set: CharSet; start: number; end: number }
  | { t: 'seq'; items: Node[]; start: number; end: number }
  | { t: 'alt'; alts: Node[]; start: number; end: number }
  /** A group; `look` for lookahead/lookbehind (zero-width). */
  | { t: 'group'; body: Node; look: boolean; start: number; end: number }
  | { t: 'rep'; body: Node; min: number; max: number; start: number; end: number }
  /** ^ $ \b \B: zero-width. */
  | { t: 'assert'; start: number; end: number };
type Rep = Extract<Node, { t: 'rep' }>;

class Refused extends Error {}

/**
 * A lenient parser: the pattern has already compiled with these flags, so only its shape matters.
 * Unicode property escapes count as "any character" (safe for finding overlaps).
 */
function parse(src: string, flags: string): Node {
  const unicode = flags.includes('u');
  const ignoreCase = flags.includes('i');
  const dotAll = flags.includes('s');
  let i = 0;
  const cs = (s: CharSet) => (ignoreCase ? foldCase(s) : s);

  function codePointAt(): number {
    const cp = unicode ? src.codePointAt(i)! : src.charCodeAt(i);
    i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  function hex(len: number): number | null {
    const h = src.slice(i, i + len);
    if (h.length === len && /^[0-9a-fA-F]+$/.test(h)) {
      i += len;
      return parseInt(h, 16);
    }
    return null;
  }

  /** After a backslash: a set, or null for an assertion (\b, \B outside classes). */
  function escape(inClass: boolean): CharSet | null {
    const start = i - 1;
    const c = src[i];
    if (c === undefined) return single(92);
    if (!inClass && (c === 'b' || c === 'B')) {
      i++;
      return null;
    }
    if (!inClass && /[1-9]/.test(c)) {
      const m = /^\d+/.exec(src.slice(i))!;
      throw new Refused(`Backreferences (\\${m[0]}) are not supported: they can take exponential time`);
    }
    if (!inClass && c === 'k' && src[i + 1] === '<' && (unicode || /\(\?<[^=!]/.test(src))) {
      const end = src.indexOf('>', i);
      throw new Refused(`Backreferences (${src.slice(start, end + 1)}) are not supported: they can take exponential time`);
    }
    i++;
    switch (c) {
      case 'd': return DIGIT;
      case 'D': return complement(DIGIT);
      case 'w': return WORD;
      case 'W': return complement(WORD);
      case 's': return SPACE;
      case 'S': return complement(SPACE);
      case 'b': return single(8); // in a class: backspace
      case 'n': return single(10);
      case 'r': return single(13);
      case 't': return single(9);
      case 'v': return single(11);
      case 'f': return single(12);
      case '0': return single(0);
      case 'p':
      case 'P':
        if (unicode && src[i] === '{') {
          i = src.indexOf('}', i) + 1;
          return ANY;
        }
        return cs(single(c.charCodeAt(0)));
      case 'c': {
        const l = src[i];
        if (l && /[a-zA-Z]/.test(l)) {
          i++;
          return single(l.charCodeAt(0) % 32);
        }
        return single(92);
      }
      case 'x': {
        const v = hex(2);
        return v === null ? cs(single(120)) : cs(single(v));
      }
      case 'u': {
        if (unicode && src[i] === '{') {
          const end = src.indexOf('}', i);
          const v = parseInt(src.slice(i + 1, end), 16);
          i = end + 1;
          return cs(single(v));
        }
        const v = hex(4);
        return v === null ? cs(single(117)) : cs(single(v));
      }
      default:
        i--;
        return cs(single(codePointAt()));
    }
  }

  function charClass(): CharSet {
    // at the char after '['
    let negate = false;
    if (src[i] === '^') {
      negate = true;
      i++;
    }
    const parts: CharSet[] = [];
    // In JavaScript "[]" is empty and "[^]" is any character: a "]" always closes the class.
    while (i < src.length && src[i] !== ']') {
      let lo: CharSet | null;
      if (src[i] === '\\') {
        i++;
        lo = escape(true);
      } else lo = single(codePointAt());
      if (src[i] === '-' && src[i + 1] !== ']' && i + 1 < src.length && lo && lo.length === 2 && lo[0] === lo[1]) {
        const save = i;
        i++;
        let hi: CharSet | null;
        if (src[i] === '\\') {
          i++;
          hi = escape(true);
        } else hi = single(codePointAt());
        if (hi && hi.length === 2 && hi[0] === hi[1] && hi[0] >= lo[0]) {
          parts.push([lo[0], hi[0]]);
          continue;
        }
        // "[\d-z]" (Annex B): a literal hyphen
        i = save;
      }
      if (lo) parts.push(lo);
    }
    i++; // ']'
    const set = cs(union(...parts));
    return negate ? complement(set) : set;
  }

  function alternation(): Node {
    const start = i;
    const alts = [sequence()];
    while (src[i] === '|') {
      i++;
      alts.push(sequence());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts, start, end: i };
  }

  function sequence(): Node {
    const start = i;
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const atomStart = i;
      let node = atom();
      if (i <= atomStart) throw new Error('parser stuck');
      // Quantifiers (a second one on the same atom would be a syntax error).
      const q = quantifier();
      if (q) {
        if (src[i] === '?') i++; // lazy: same ambiguity, tried in another order
        node = { t: 'rep', body: node, min: q[0], max: q[1], start: atomStart, end: i };
      }
      items.push(node);
    }
    return items.length === 1 ? items[0] : { t: 'seq', items, start, end: i };
  }

  function quantifier(): [number, number] | null {
    const c = src[i];
    if (c === '*') return (i++, [0, Infinity]);
    if (c === '+') return (i++, [1, Infinity]);
    if (c === '?') return (i++, [0, 1]);
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return null; // Annex B: a literal brace
      i += m[0].length;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) {
        throw new Refused(`Repetition counts above ${MAX_COUNT} are not supported (${m[0]})`);
      }
      return [min, max];
    }
    return null;
  }

  function atom(): Node {
    const start = i;
    const c = src[i];
    if (c === '(') {
      i++;
      let look = false;
      if (src[i] === '?') {
        if (src.startsWith('?=', i) || src.startsWith('?!', i)) {
          look = true;
          i += 2;
        } else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) {
          look = true;
          i += 3;
        } else if (src[i + 1] === '<') {
          i = src.indexOf('>', i) + 1; // named group
        } else {
          // (?:  and modifiers such as (?i:  (?-i:
          i = src.indexOf(':', i) + 1;
        }
      }
      const body = alternation();
      i++; // ')'
      return { t: 'group', body, look, start, end: i };
    }
    if (c === '[') {
      i++;
      return { t: 'char', set: charClass(), start, end: i };
    }
    if (c === '.') {
      i++;
      return { t: 'char', set: dotAll ? ANY : complement(LINE_ENDS), start, end: i };
    }
    if (c === '^' || c === '$') {
      i++;
      return { t: 'assert', start, end: i };
    }
    if (c === '\\') {
      i++;
      const set = escape(false);
      return set ? { t: 'char', set, start, end: i } : { t: 'assert', start, end: i };
    }
    return { t: 'char', set: cs(single(codePointAt())), start, end: i };
  }

  const root = alternation();
  return root;
}

// ---- analysis ----

const variable = (r: Rep) => r.max > r.min;

function nullable(n: Node): boolean {
  switch (n.t) {
    case 'char': return false;
    case 'seq': return n.items.every(nullable);
    case 'alt': return n.alts.some(nullable);
    case 'group': return n.look || nullable(n.body);
    case 'rep': return n.min === 0 || nullable(n.body);
    case 'assert': return true;
  }
}

/** Characters a match of `n` can start with (`fromEnd`: end with). */
function edge(n: Node, fromEnd: boolean): CharSet {
  switch (n.t) {
    case 'char': return n.set;
    case 'seq': {
      const items = fromEnd ? [...n.items].reverse() : n.items;
      const sets: CharSet[] = [];
      for (const item of items) {
        sets.push(edge(item, fromEnd));
        if (!nullable(item)) break;
      }
      return union(...sets);
    }
    case 'alt': return union(...n.alts.map((a) => edge(a, fromEnd)));
    case 'group': return n.look ? EMPTY : edge(n.body, fromEnd);
    case 'rep': return n.max === 0 ? EMPTY : edge(n.body, fromEnd);
    case 'assert': return EMPTY;
  }
}

/** Variable repeats that can take the first (`fromEnd`: last) characters of a match of `n`. */
function edgeRepeats(n: Node, fromEnd: boolean): Rep[] {
  switch (n.t) {
    case 'seq': {
      const items = fromEnd ? [...n.items].reverse() : n.items;
      const out: Rep[] = [];
      for (const item of items) {
        out.push(...edgeRepeats(item, fromEnd));
        if (!nullable(item)) break;
      }
      return out;
    }
    case 'alt': return n.alts.flatMap((a) => edgeRepeats(a, fromEnd));
    case 'group': return n.look ? [] : edgeRepeats(n.body, fromEnd);
    case 'rep': return [...(variable(n) && n.max > 0 ? [n] : []), ...edgeRepeats(n.body, fromEnd)];
    default: return [];
  }
}

function* walk(n: Node): Generator<Node> {
  yield n;
  if (n.t === 'seq') for (const x of n.items) yield* walk(x);
  else if (n.t === 'alt') for (const x of n.alts) yield* walk(x);
  else if (n.t === 'group' || n.t === 'rep') yield* walk(n.body);
}

/** Leading single characters that every match of `n` must start with (stops at anything else). */
function prefix(n: Node): CharSet[] {
  if (n.t === 'char') return [n.set];
  if (n.t === 'group' && !n.look) return prefix(n.body);
  if (n.t === 'rep' && n.min === n.max && n.body.t === 'char') return Array(Math.min(n.min, 8)).fill(n.body.set);
  if (n.t === 'seq') {
    const out: CharSet[] = [];
    for (const item of n.items) {
      if (item.t === 'assert') continue;
      const p = prefix(item);
      out.push(...p);
      const whole = item.t === 'char' || (item.t === 'group' && !item.look && item.body.t === 'char');
      if (!whole) break;
    }
    return out;
  }
  return [];
}

/** False when two alternatives can be shown never to match the same text. */
function mayOverlap(a: Node, b: Node): boolean {
  const pa = prefix(a);
  const pb = prefix(b);
  for (let k = 0; k < Math.min(pa.length, pb.length); k++) if (!intersects(pa[k], pb[k])) return false;
  if (nullable(a) || nullable(b)) return true;
  return intersects(edge(a, false), edge(b, false));
}

function snippet(src: string, n: { start: number; end: number }, end = n.end): string {
  const s = src.slice(n.start, end);
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

function analyse(root: Node, src: string): void {
  /** Rough count of the ways the pattern can match one text: each is tried before failing. */
  let ways = 1;
  // Counted repeats nested in each other multiply (each level is compiled out by the engine).
  const product = (n: Node, acc: number): void => {
    if (n.t === 'rep') {
      const next = acc * (n.max === Infinity ? Math.max(n.min, 1) : n.max);
      if (next > MAX_COUNT_PRODUCT) throw new Refused(`Nested repetition counts multiply to more than ${MAX_COUNT_PRODUCT.toLocaleString('en')}`);
      product(n.body, next);
    } else if (n.t === 'seq') n.items.forEach((x) => product(x, acc));
    else if (n.t === 'alt') n.alts.forEach((x) => product(x, acc));
    else if (n.t === 'group') product(n.body, acc);
  };
  product(root, 1);

  for (const n of walk(root)) {
    if (n.t === 'rep' && n.max > 1) {
      const body = n.body;
      // The inner repeat at the end of an iteration can also take the start of the next one…
      const first = edge(body, false);
      for (const x of edgeRepeats(body, true)) {
        if (intersects(edge(x.body, false), first)) throw new Refused(`Nested quantifier ${snippet(src, n)} can take exponential time`);
      }
      // …or the one at its start, the end of the previous one.
      const last = edge(body, true);
      for (const x of edgeRepeats(body, false)) {
        if (intersects(edge(x.body, true), last)) throw new Refused(`Nested quantifier ${snippet(src, n)} can take exponential time`);
      }
      // Alternatives matching the same text: each iteration doubles the ways to fail.
      for (const m of walk(body)) {
        if (m.t !== 'alt') continue;
        for (let a = 0; a < m.alts.length; a++) {
          for (let b = a + 1; b < m.alts.length; b++) {
            if (mayOverlap(m.alts[a], m.alts[b])) {
              throw new Refused(`Alternatives that can match the same text inside a repeat, as in ${snippet(src, n)}, can take exponential time`);
            }
          }
        }
      }
    }
    if (n.t === 'seq') {
      // Two repeats over common characters, with only optional items between: the text between
      // them can be split many ways. Both unbounded (\w+\s*\w+): refused. Otherwise the ways
      // are counted below (a?a?a?… multiplies them).
      for (let a = 0; a < n.items.length; a++) {
        const tails = edgeRepeats(n.items[a], true);
        if (!tails.length) continue;
        // Bounded splits are counted with the next overlapping item only (a?a?a? is 2·2, not 2·2·2).
        let counted = false;
        for (let b = a + 1; b < n.items.length; b++) {
          const heads = edgeRepeats(n.items[b], false);
          for (const x of tails) {
            for (const y of heads) {
              // The text where one ends and the other starts can go either way.
              if (!intersects(edge(x.body, true), edge(y.body, false))) continue;
              if (x.max === Infinity && y.max === Infinity) {
                throw new Refused(`Repeats that can take the same characters one after the other, as in ${snippet(src, n.items[a], n.items[b].end)}, can take a very long time`);
              }
              if (!counted) ways *= Math.min(x.max - x.min + 1, y.max - y.min + 1);
              counted = true;
            }
          }
          if (!nullable(n.items[b])) break;
        }
      }
    }
  }

  // Outside repeats, alternatives that may match the same text multiply the ways too.
  const alternatives = (n: Node, inRepeat: boolean): void => {
    if (n.t === 'alt' && !inRepeat) {
      let overlapping = 0;
      for (let a = 0; a < n.alts.length; a++) if (n.alts.some((b, j) => j !== a && mayOverlap(n.alts[a], b))) overlapping++;
      if (overlapping) ways *= overlapping;
    }
    const inner = inRepeat || (n.t === 'rep' && n.max > 1);
    if (n.t === 'seq') n.items.forEach((x) => alternatives(x, inner));
    else if (n.t === 'alt') n.alts.forEach((x) => alternatives(x, inner));
    else if (n.t === 'group' || n.t === 'rep') alternatives(n.body, inner);
  };
  alternatives(root, false);
  if (ways > MAX_WAYS) {
    throw new Refused('Too many optional parts or alternatives can match the same text (as in a?a?a?…): simplify the pattern');
  }
}

/**
 * Why a user regex is refused, in words for the options page; null when it may be used.
 * The pattern is compiled first, so a syntax error is reported as the browser words it.
 */
export function checkRegex(source: string, flags: string): string | null {
  if (typeof source !== 'string' || typeof flags !== 'string') return 'Pattern and flags must be text';
  if (!source) return 'Type a pattern';
  if (source.length > MAX_REGEX_LENGTH) return `Pattern is too long (${source.length} characters; at most ${MAX_REGEX_LENGTH})`;
  if (!ALLOWED_FLAGS.test(flags)) return 'Flags can only be i, m, s and u';
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // V8: "Invalid regular expression: /(/i: Unterminated group"; Firefox: "unterminated parenthetical".
    const detail = message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return `Invalid regular expression: ${detail}`;
  }
  let root: Node;
  try {
    root = parse(source, flags);
    analyse(root, source);
  } catch (e) {
    if (e instanceof Refused) return e.message;
    // The parser is lenient by design; a pattern it cannot follow is refused rather than trusted.
    return 'Pattern too complex to check: simplify it';
  }
  // Matches empty text (".*", "a?", "^", "\b"): it would match every paper. A lone lookahead
  // ("(?=mamba)") is zero-width too, but matches only where its contents do.
  if (re.test('') || (nullable(root) && ![...walk(root)].some((n) => n.t === 'group' && n.look))) return 'This pattern matches empty text, so it would match every paper';
  return null;
}
