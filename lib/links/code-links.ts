// Code-link extraction and normalisation for paper cards.
// Pure logic: no browser APIs, no dependencies (ships in the content script).

export type RepoHost = 'github.com' | 'gitlab.com' | 'codeberg.org' | 'bitbucket.org';


const REPO_HOSTS: ReadonlySet<string> = new Set<RepoHost>([
  'github.com',
  'gitlab.com',
  'codeberg.org',
  'bitbucket.org',
]);

// First path segments that are site pages, not users/organisations.
const RESERVED_OWNERS: Record<RepoHost, ReadonlySet<string>> = {
  'github.com': new Set([
    'about', 'account', 'apps', 'collections', 'codespaces', 'contact', 'copilot',
    'customer-stories', 'dashboard', 'enterprise', 'enterprises', 'events', 'explore',
    'features', 'join', 'login', 'logout', 'marketplace', 'new', 'notifications',
    'organizations', 'orgs', 'pricing', 'pulls', 'issues', 'readme', 'resources',
    'search', 'security', 'settings', 'signup', 'site', 'solutions', 'sponsors',
    'stars', 'team', 'topics', 'trending', 'users', 'watching',
  ]),
  'gitlab.com': new Set([
    '-', 'admin', 'api', 'dashboard', 'explore', 'groups', 'help', 'projects',
    'search', 'users',
  ]),
  'codeberg.org': new Set([
    '-', 'admin', 'api', 'assets', 'explore', 'notifications', 'org', 'repo', 'user',
  ]),
  'bitbucket.org': new Set([
    'account', 'blog', 'dashboard', 'product', 'repo', 'site', 'support',
  ]),
};

// GitLab nests projects in subgroups, so the repo path ends at "/-/" or, in
// old-style links without the "-" marker, at one of these page names.
const GITLAB_PAGE_SEGMENTS: ReadonlySet<string> = new Set([
  'blob', 'commits', 'issues', 'merge_requests', 'raw', 'releases', 'tags', 'tree',
  'wikis',
]);

// Owner/repo/group names on all four hosts are ASCII letters, digits, "_", "." and "-".
const NAME_RE = /^[A-Za-z0-9_.-]+$/;
const SCHEME_RE = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const HOST_PREFIX_RE = /^(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)(?:[/?#]|$)/i;
// LaTeX / markdown / quote wrappers before a URL: \url{ \href{ < ( [ quotes.
const LEADING_WRAPPER_RE = /^(?:\\(?:url|href)\{|[<(\["'\u201C\u2018\u00AB])+/;
// Sentence punctuation and closing wrappers after a URL. The lookbehind makes the match start only
// where the run starts: without it a long run followed by another character costs O(n²).
const TRAILING_PUNCT_RE = /(?<![.,;:!?)\]}>"'\u201D\u2019\u00BB])[.,;:!?)\]}>"'\u201D\u2019\u00BB]+$/;
const WWW_RE = /^www\./;
const ORIGIN_RE = /^https?:\/\/[^/]+\//i;
const TRAILING_SLASHES_RE = /\/+$/;

// Repo URLs in free text. The lookbehind keeps "gist.github.com", "x.github.com"
// and "user@github.com" out; the lookahead keeps "github.com.evil.org" and
// "github.community" out. The path stops at whitespace, brackets, braces,
// quotes, commas and non-ASCII, which is where LaTeX/markdown/prose resumes.
const TEXT_URL_RE =
  /(?<![\w.@/-])(?:https?:\/\/)?(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)(?![\w-]|\.[\w-])(?:\/[\w\-.~/%?#=&+:@]*)?/gi;

/**
 * An http(s) URL without credentials or port, from text that may lack its scheme: a scheme-less
 * string is taken as https only when `bare` accepts it (a known host, say); else null.
 */
export function parseWebUrl(text: string, bare: RegExp): URL | null {
  let s = text;
  if (!SCHEME_RE.test(s)) {
    if (!bare.test(s)) return null; // relative path or unknown host
    s = 'https://' + s;
  }
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.port) return null;
  return url;
}

/** https://host/owner/repo (GitLab: subgroups allowed, cut at "/-/"), or null when not a repository URL. */
export function normaliseRepoUrl(raw: string): string | null {
  const url = parseWebUrl(raw.trim().replace(LEADING_WRAPPER_RE, '').replace(TRAILING_PUNCT_RE, ''), HOST_PREFIX_RE);
  if (!url) return null;
  const host = url.hostname.replace(WWW_RE, '');
  if (!REPO_HOSTS.has(host)) return null;

  const segments = repoPathSegments(host as RepoHost, url.pathname.split('/').filter(Boolean));
  if (!segments) return null;
  return `https://${host}/${segments.join('/')}`;
}

/** owner/repo (or group/.../project) segments of a repo path, or null. */
function repoPathSegments(host: RepoHost, parts: string[]): string[] | null {
  let path: string[];
  if (host === 'gitlab.com') {
    // Suffixes go before the end is looked for, so that ".../p/tree.git" and its normal form
    // ".../p/tree" end at the same place (normalising a normal form changes nothing).
    const names = parts.map(stripGitSuffix);
    const end = names.findIndex((p, i) => p === '-' || (i >= 2 && GITLAB_PAGE_SEGMENTS.has(p)));
    path = end === -1 ? names : names.slice(0, end);
  } else {
    path = parts.slice(0, 2); // /tree/..., /blob/..., /issues, /wiki etc. are dropped
    if (path.length === 2) path[1] = stripGitSuffix(path[1]);
  }
  if (path.length < 2) return null;
  if (RESERVED_OWNERS[host].has(path[0].toLowerCase())) return null;

  for (const name of path) {
    if (!NAME_RE.test(name) || name === '.' || name === '..') return null;
  }
  return path;
}

/**
 * "repo.git", "repo.", "repo.git.git", "repo.git." -> "repo": every trailing ".git" and "." (one pass
 * left "repo.git" behind, which normalised again to "repo"). A loop: /\.+$/ is O(n²) on long runs.
 */
function stripGitSuffix(name: string): string {
  let end = name.length;
  for (;;) {
    if (name.charCodeAt(end - 1) === 0x2e) end -= 1;
    else if (end >= 4 && name.slice(end - 4, end).toLowerCase() === '.git') end -= 4;
    else return name.slice(0, end);
  }
}

/** Repository URLs found in free text (abstracts), normalised, deduplicated, in order of appearance. */
export function findRepoUrls(text: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(TEXT_URL_RE)) {
    const url = normaliseRepoUrl(match[0]);
    // Hosts treat owner/repo case-insensitively; keep the first spelling.
    const key = url?.toLowerCase();
    if (url && key && !seen.has(key)) {
      seen.add(key);
      found.push(url);
    }
  }
  return found;
}


/** An https URL safe to put in an <a href> (project pages): http upgraded to https, anything else (javascript:, data:, relative, malformed) -> null. */
export function safeHttpsUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  // Require an explicit scheme: without one, URL() would need a base and the
  // string is relative (or a bare domain we cannot vouch for).
  if (!SCHEME_RE.test(s)) return null;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol === 'http:') url.protocol = 'https:';
  if (url.protocol !== 'https:' || !url.hostname) return null;
  // Credentials in a link are a phishing pattern ("https://huggingface.co@evil.example").
  if (url.username || url.password) return null;
  return url.href;
}

/** "owner/repo" display name for a normalised repo URL. */
export function repoDisplayName(url: string): string {
  const normalised = normaliseRepoUrl(url) ?? url;
  return normalised.replace(ORIGIN_RE, '').replace(TRAILING_SLASHES_RE, '');
}
