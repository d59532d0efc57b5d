// Every link of a paper, told apart by kind (code, demo, project page,
// dataset, models), normalised and deduplicated, most trusted first.
// Pure logic: no browser APIs, no dependencies (ships in the content script).

import { normaliseRepoUrl, parseWebUrl } from './code-links';

export type LinkKind = 'code' | 'demo' | 'project' | 'data' | 'models';

export interface PaperLink {
  kind: LinkKind;
  url: string;
  label: string;
  source: 'hf' | 'abstract' | 'api';
  stars?: number;
}

type FoundLink = Omit<PaperLink, 'source'>;

const LABELS: Record<LinkKind, string> = {
  code: 'Code',
  demo: 'Demo',
  project: 'Project page',
  data: 'Dataset',
  models: 'Models',
};

const REPO_HOSTS: ReadonlySet<string> = new Set(['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org']);
// Links to the paper itself (or to a DOI) are not links *of* the paper.
const PAPER_HOSTS: ReadonlySet<string> = new Set([
  'arxiv.org', 'export.arxiv.org', 'doi.org', 'dx.doi.org', 'openreview.net', 'aclanthology.org',
]);
// First path segments of huggingface.co that are site pages, not owners.
const HF_RESERVED: ReadonlySet<string> = new Set([
  'api', 'blog', 'chat', 'docs', 'enterprise', 'join', 'learn', 'login', 'new', 'organizations',
  'posts', 'pricing', 'privacy', 'search', 'settings', 'tasks', 'terms-of-service', 'welcome',
]);
// Sections of huggingface.co handled above the owner/name rule.
const HUB_SECTIONS: ReadonlySet<string> = new Set(['papers', 'spaces', 'datasets', 'models', 'collections']);
// Sub-pages of a Hub repo: /tree/main, /blob/..., /resolve/..., /viewer, /discussions...
const HF_PAGES: ReadonlySet<string> = new Set([
  'blob', 'commit', 'commits', 'discussions', 'edit', 'raw', 'resolve', 'tree', 'viewer',
]);

// Without a scheme only well-known hosts (and www.) count as links.
const BARE_RE =
  /^(?:www\.|(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|huggingface\.co|hf\.co|sites\.google\.com|[\w-]+\.git(?:hub|lab)\.io)(?:[/?#]|$))/i;
// LaTeX / markdown / quote wrappers before a URL, sentence punctuation and closers after it.
const OPEN_RE = /^(?:\\(?:url|href)\{|[<(\["'\u201C\u2018\u00AB])+/;
// (The lookbehind starts the match only where the run starts: O(n), not O(n²), on long runs.)
const CLOSE_RE = /(?<![.,;:!?)\]}>"'\u201D\u2019\u00BB])[.,;:!?)\]}>"'\u201D\u2019\u00BB]+$/;
const WWW_RE = /^www\./;
const HOSTNAME_RE = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/;
const PAGES_HOST_RE = /\.git(?:hub|lab)\.io$/;
const HF_SPACE_HOST_RE = /\.hf\.space$/;
const NAME_RE = /^[A-Za-z0-9_.-]+$/;
const TRACKING_RE = /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_[ce]id|igshid|_ga|_gl|ref_src)$/i;
const KEY_WWW_RE = /^https:\/\/www\./;
const KEY_TRIM_RE = /\/(?:index\.html?)?$/;

// Links in free text: any http(s) URL, www. hosts, and bare well-known hosts.
// The lookbehind keeps e-mail addresses, sub-domains and "ftp://github.com"
// out; the path stops at whitespace, brackets, braces, quotes, commas,
// backslashes and non-ASCII, which is where LaTeX/markdown/prose resumes.
const LINK_RE =
  /(?<![\w.@/-])(?:https?:\/\/|www\.|(?=(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|huggingface\.co|hf\.co|sites\.google\.com)\/|[\w-]+\.github\.io(?![\w-])))[\w\-.~/%?#=&+:@]+/gi;
// LaTeX escapes inside URLs ("my\_repo", "100\%").
const TEX_ESCAPE_RE = /\\([_%&#~])/g;
// A URL ending in "/" continued after one space by a path ending in "/"
// ("https://x.github.io/ Project/"): prose words never end with a slash.
const SPLIT_TAIL_RE = /^ ([\w\-.~%]+(?:\/[\w\-.~%]+)*\/)(?![\w\-.~%/])/;
const SENTENCE_RE = /[.!?;]\s/;
const CUE_WINDOW = 80;
// Words before a link on an unknown host that say what it is.
const CUES: ReadonlyArray<readonly [LinkKind, RegExp]> = [
  ['demo', /\b(?:demos?|playground)\b/],
  ['project', /\b(?:projects?|home ?pages?|web ?(?:sites?|pages?)|leaderboards?)\b/],
  ['data', /\b(?:data|data ?sets?|benchmarks?|corpus|corpora)\b/],
  ['models', /\b(?:models?|weights|checkpoints?)\b/],
  ['code', /\b(?:codes?|codebase|source|implementations?|repo|repository|toolkit|library)\b/],
];

function found(kind: LinkKind, url: string, label = LABELS[kind]): FoundLink {
  return { kind, url, label };
}

function validName(name: string | undefined): name is string {
  return !!name && NAME_RE.test(name) && name !== '.' && name !== '..';
}

/** https URL of an ordinary page: no fragment, no tracking parameters, path case kept. */
function pageUrl(url: URL): string {
  url.hash = '';
  if (url.search) {
    for (const key of [...url.searchParams.keys()]) {
      if (TRACKING_RE.test(key)) url.searchParams.delete(key);
    }
  }
  return url.href;
}

/** owner/name of a Hub dataset or model, or a single legacy name ("datasets/squad"). */
function hubRepoPath(owner: string | undefined, name: string | undefined): string | null {
  if (!validName(owner)) return null;
  if (!name || HF_PAGES.has(name)) return owner;
  return validName(name) ? `${owner}/${name}` : null;
}

/** huggingface.co: Spaces are demos; datasets, models and collections are data/models; the rest needs a cue. */
function hubLink(url: URL, cue: LinkKind | null): FoundLink | null {
  url.hostname = 'huggingface.co'; // hf.co and www. are the same site
  const [first, a, b] = url.pathname.split('/').filter(Boolean);
  const section = first?.toLowerCase();
  const hub = 'https://huggingface.co/';

  if (!section) return null;
  if (section === 'papers') return null;
  if (section === 'spaces') return validName(a) && validName(b) ? found('demo', `${hub}spaces/${a}/${b}`) : null;
  if (section === 'datasets') {
    const path = hubRepoPath(a, b);
    return path ? found('data', `${hub}datasets/${path}`) : null;
  }
  if (section === 'models') {
    // "models/<owner>/<name>" moves to the root, where a site section ("models/papers/…") is no model.
    const path = hubRepoPath(a, b);
    const owner = a?.toLowerCase() ?? '';
    return path && !HF_RESERVED.has(owner) && !HUB_SECTIONS.has(owner) ? found('models', hub + path) : null;
  }
  if (section === 'collections') {
    return validName(a) && validName(b) ? found('models', `${hub}collections/${a}/${b}`, 'Collection') : null;
  }
  if (HF_RESERVED.has(section) || !validName(first)) return cue ? found(cue, pageUrl(url)) : null;
  if (validName(a) && !HF_PAGES.has(a)) return found('models', `${hub}${first}/${a}`);
  return cue ? found(cue, hub + first) : null; // an organisation or user page
}

/**
 * One URL (from the text or from an HF field), classified and normalised to https,
 * or null when it is not a link worth showing. `cue` is the kind the context
 * suggests; it is used only for pages on hosts that do not tell their kind.
 */
export function classifyUrl(raw: string, cue: LinkKind | null = null): FoundLink | null {
  const url = parseWebUrl(raw.trim().replace(OPEN_RE, '').replace(CLOSE_RE, ''), BARE_RE);
  if (!url) return null;
  url.protocol = 'https:';
  const host = url.hostname.replace(WWW_RE, '');
  if (!HOSTNAME_RE.test(host) || PAPER_HOSTS.has(host) || host.endsWith('.arxiv.org')) return null;

  if (REPO_HOSTS.has(host)) {
    const repo = normaliseRepoUrl(url.href);
    return repo ? found('code', repo) : null;
  }
  if (host === 'huggingface.co' || host === 'hf.co') return hubLink(url, cue);
  if (HF_SPACE_HOST_RE.test(host)) return found('demo', pageUrl(url));
  if (PAGES_HOST_RE.test(host) || (host === 'sites.google.com' && url.pathname.length > 1)) {
    return found('project', pageUrl(url));
  }
  return cue ? found(cue, pageUrl(url)) : null;
}

/** The kind the words just before a link suggest: one kind named -> that kind, several -> a project page. */
function cueBefore(before: string): LinkKind | null {
  const clause = (before.split(SENTENCE_RE).pop() ?? '').toLowerCase();
  let kind: LinkKind | null = null;
  for (const [k, re] of CUES) {
    if (!re.test(clause)) continue;
    if (kind) return 'project';
    kind = k;
  }
  return kind;
}

/** Same page: case, "www.", a trailing slash or index.html do not matter. */
function dedupeKey(url: string): string {
  return url.toLowerCase().replace(KEY_WWW_RE, 'https://').replace(KEY_TRIM_RE, '');
}

/**
 * The links in free text with their kind, using nearby words ("project page",
 * "website", "leaderboard", "demo", "dataset", "code") for pages that are not
 * on a known host. Unknown pages with no such cue are left out (precision over
 * recall). Normalised, deduplicated, in order of appearance.
 */
export function extractLinks(text: string): Omit<PaperLink, 'source'>[] {
  const clean = text.replace(TEX_ESCAPE_RE, '$1');
  const links: FoundLink[] = [];
  const seen = new Set<string>();
  let prevEnd = 0;
  for (const match of clean.matchAll(LINK_RE)) {
    const start = match.index;
    if (start < prevEnd) continue;
    let raw = match[0];
    let end = start + raw.length;
    if (raw.endsWith('/')) {
      const tail = SPLIT_TAIL_RE.exec(clean.slice(end, end + 200));
      if (tail) {
        raw += tail[1];
        end += tail[0].length;
      }
    }
    const cue = cueBefore(clean.slice(Math.max(prevEnd, start - CUE_WINDOW), start));
    prevEnd = end;
    const link = classifyUrl(raw, cue);
    const key = link && dedupeKey(link.url);
    if (link && key && !seen.has(key)) {
      seen.add(key);
      links.push(link);
    }
  }
  return links;
}

/**
 * Every link of a paper, classified, normalised, deduplicated, most trusted first:
 * HF githubRepo (with stars), HF projectPage, then links found in the abstract.
 * A projectPage that is really a repository counts as code; DOI and arXiv links are dropped.
 */
export function paperLinks(p: {
  githubRepo?: string | null;
  githubStars?: number | null;
  projectPage?: string | null;
  abstract?: string | null;
}): PaperLink[] {
  const links: PaperLink[] = [];
  const seen = new Set<string>();
  const add = (link: FoundLink | null, source: PaperLink['source'], stars?: number | null) => {
    if (!link) return;
    const key = dedupeKey(link.url);
    if (seen.has(key)) return;
    seen.add(key);
    const out: PaperLink = { ...link, source };
    if (link.kind === 'code' && typeof stars === 'number' && Number.isFinite(stars) && stars >= 0) out.stars = stars;
    links.push(out);
  };
  // HF's githubRepo is a Code link only when it is a repository on a known host; anything else
  // (a look-alike host, a page) is classified on its own merits, without the "code" cue.
  if (typeof p.githubRepo === 'string') {
    add(classifyUrl(p.githubRepo, normaliseRepoUrl(p.githubRepo) ? 'code' : null), 'hf', p.githubStars);
  }
  if (typeof p.projectPage === 'string') add(classifyUrl(p.projectPage, 'project'), 'hf');
  if (typeof p.abstract === 'string') for (const link of extractLinks(p.abstract)) add(link, 'abstract');
  return links;
}
