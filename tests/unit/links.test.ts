import { describe, it, expect } from 'vitest';
import {
  findRepoUrls,
  normaliseRepoUrl,
  pickCodeLink,
  repoDisplayName,
  safeHttpsUrl,
  type CodeLink,
} from '../../lib/links/code-links';
import corpus from './links-corpus.json';

const R = 'https://github.com/owner/repo';

describe('normaliseRepoUrl: repository URLs', () => {
  it.each<[string, string]>([
    [R, R],
    ['http://github.com/owner/repo', R],
    ['https://www.github.com/owner/repo', R],
    ['http://www.github.com/owner/repo', R],
    ['https://GitHub.com/owner/repo', R],
    ['https://github.com/Owner/My-Repo', 'https://github.com/Owner/My-Repo'],
    ['https://github.com/owner/my.repo_v2-x', 'https://github.com/owner/my.repo_v2-x'],
    // suffixes and sub-pages
    ['https://github.com/owner/repo/', R],
    ['https://github.com/owner/repo.git', R],
    ['https://github.com/owner/repo.GIT', R],
    ['https://github.com/owner/repo.git.', R],
    ['https://github.com/owner/repo/tree/main/src', R],
    ['https://github.com/owner/repo/blob/main/README.md', R],
    ['https://github.com/owner/repo/issues', R],
    ['https://github.com/owner/repo/issues/12', R],
    ['https://github.com/owner/repo/releases/tag/v1.0', R],
    ['https://github.com/owner/repo/wiki', R],
    ['https://github.com/owner/repo?tab=readme-ov-file', R],
    ['https://github.com/owner/repo#installation', R],
    // trailing punctuation from prose
    ['https://github.com/owner/repo.', R],
    ['https://github.com/owner/repo,', R],
    ['https://github.com/owner/repo),', R],
    ['https://github.com/owner/repo;', R],
    ['https://github.com/owner/repo:', R],
    ['https://github.com/owner/repo]', R],
    ['https://github.com/owner/repo".', R],
    ["'https://github.com/owner/repo'", R],
    ['\u201Chttps://github.com/owner/repo\u201D', R],
    // LaTeX / markdown wrappers, whitespace, no scheme
    ['\\url{https://github.com/owner/repo}', R],
    ['\\href{https://github.com/owner/repo}', R],
    ['(https://github.com/owner/repo)', R],
    ['<https://github.com/owner/repo>', R],
    ['[https://github.com/owner/repo]', R],
    ['  https://github.com/owner/repo\n', R],
    ['github.com/owner/repo', R],
    ['www.github.com/owner/repo.', R],
    ['GitHub.com/owner/repo', R],
    // other hosts
    ['https://gitlab.com/group/project', 'https://gitlab.com/group/project'],
    ['https://gitlab.com/group/sub/project', 'https://gitlab.com/group/sub/project'],
    ['https://gitlab.com/group/sub/project/-/tree/main', 'https://gitlab.com/group/sub/project'],
    ['https://gitlab.com/group/sub/project/-/blob/main/x.py', 'https://gitlab.com/group/sub/project'],
    ['https://gitlab.com/group/project.git', 'https://gitlab.com/group/project'],
    ['https://gitlab.com/group/project/tree/master', 'https://gitlab.com/group/project'],
    ['gitlab.com/group/project', 'https://gitlab.com/group/project'],
    ['https://codeberg.org/owner/repo/src/branch/main', 'https://codeberg.org/owner/repo'],
    ['https://bitbucket.org/owner/repo/src/master/', 'https://bitbucket.org/owner/repo'],
  ])('%j -> %s', (raw, expected) => {
    expect(normaliseRepoUrl(raw)).toBe(expected);
  });
});

describe('normaliseRepoUrl: not repositories', () => {
  it.each<[string]>([
    [''],
    ['   '],
    ['not a url'],
    ['owner/repo'],
    ['/owner/repo'],
    // host without a repo path
    ['github.com'],
    ['https://github.com'],
    ['https://github.com/'],
    ['https://github.com/owner'],
    ['https://github.com/owner/'],
    ['https://github.com/owner.'],
    ['https://github.com/?q=x'],
    ['https://github.com/owner/.git'],
    // site pages
    ['https://github.com/orgs/huggingface/repositories'],
    ['https://github.com/features/copilot'],
    ['https://github.com/sponsors/someone'],
    ['https://github.com/topics/llm'],
    ['https://github.com/marketplace/actions/checkout'],
    ['https://github.com/settings/profile'],
    ['https://gitlab.com/explore/projects'],
    ['https://gitlab.com/group'],
    ['https://gitlab.com/groups/foo'],
    ['https://gitlab.com/group/-/tree/main'],
    // look-alike hosts
    ['https://gist.github.com/owner/0123abcd'],
    ['https://owner.github.io/repo'],
    ['https://owner.github.io/repo/'],
    ['https://raw.githubusercontent.com/owner/repo/main/x'],
    ['https://github.com.evil.example/owner/repo'],
    ['https://evil.example/github.com/owner/repo'],
    ['https://github.community/t/123'],
    ['https://huggingface.co/datasets/owner/repo'],
    // other resources
    ['https://arxiv.org/abs/2401.00001'],
    ['arXiv:2401.00001'],
    ['https://doi.org/10.5334/tismir.333'],
    ['10.1145/3292500.3330701'],
    ['someone@github.com'],
    ['mailto:someone@github.com'],
    // unsafe or odd schemes and URL parts
    ['javascript:alert(1)'],
    ['javascript://github.com/owner/repo%0aalert(1)'],
    ['data:text/html,github.com/owner/repo'],
    ['ftp://github.com/owner/repo'],
    ['git@github.com:owner/repo.git'],
    ['//github.com/owner/repo'],
    ['https://user:pw@github.com/owner/repo'],
    ['https://github.com:8443/owner/repo'],
    ['https://github.com/owner/re po'],
    ['https://github.com/owner/repo%7Bhere%7D'],
    ['https://github.com/owner/<script>'],
  ])('%j -> null', (raw) => {
    expect(normaliseRepoUrl(raw)).toBeNull();
  });
});

describe('findRepoUrls', () => {
  it.each<[string, string[]]>([
    ['Code is available at https://github.com/owner/repo.', [R]],
    ['Code: github.com/owner/repo, see also www.github.com/owner/repo.', [R]],
    [
      'Code: github.com/a/b; data tools at https://gitlab.com/g/s/p/-/tree/main.',
      ['https://github.com/a/b', 'https://gitlab.com/g/s/p'],
    ],
    ['\\url{https://github.com/owner/repo}', [R]],
    ['\\href{https://github.com/owner/repo}{here}', [R]],
    ['See [code](https://github.com/owner/repo) and <https://github.com/c/d>.', [R, 'https://github.com/c/d']],
    ['[github.com/owner/repo](https://github.com/owner/repo)', [R]],
    ['(Code: https://github.com/owner/repo).', [R]],
    ['\u201Chttps://github.com/owner/repo\u201D', [R]],
    ['代码：https://github.com/owner/repo。', [R]],
    ['https://github.com/a/b,https://github.com/c/d', ['https://github.com/a/b', 'https://github.com/c/d']],
    // deduplicated case-insensitively, first spelling kept
    ['https://github.com/Owner/Repo and https://github.com/owner/repo.git', ['https://github.com/Owner/Repo']],
    ['https://github.com/owner/repo/tree/main then https://github.com/owner/repo', [R]],
    // order of appearance
    ['first https://github.com/z/z then https://github.com/a/a', ['https://github.com/z/z', 'https://github.com/a/a']],
    // split URLs are not joined and leave no garbage
    ['https://github.com/ owner/repo', []],
    ['https://github.com/owner/\nrepo', []],
    ['https://git\nhub.com/owner/repo', []],
    // mentions and look-alikes
    ['We host everything on GitHub and github.com.', []],
    ['Open to contributions via GitHub pull requests.', []],
    ['Contact someone@github.com.', []],
    ['https://gist.github.com/owner/0123abcd', []],
    ['Project page: https://owner.github.io/repo/.', []],
    ['https://github.com.evil.example/owner/repo', []],
    ['doi: https://doi.org/10.1000/github.com/owner/repo', []],
    ['arXiv:2401.00001, https://arxiv.org/abs/2401.00001', []],
    ['javascript:alert(1) on github', []],
    ['ftp://github.com/owner/repo', []],
    ['https://github.com/sponsors/x and https://github.com/orgs/y/z', []],
    ['', []],
  ])('%j', (text, expected) => {
    expect(findRepoUrls(text)).toEqual(expected);
  });
});

describe('pickCodeLink', () => {
  const abs = 'Code at https://github.com/c/d and https://github.com/e/f.';
  const hf = 'https://github.com/a/b';
  it.each<[string, Parameters<typeof pickCodeLink>[0], CodeLink | null]>([
    ['HF repo wins over abstract', { githubRepo: hf, githubStars: 12, abstract: abs }, { url: hf, source: 'hf', stars: 12 }],
    ['zero stars kept', { githubRepo: hf, githubStars: 0 }, { url: hf, source: 'hf', stars: 0 }],
    ['null stars dropped', { githubRepo: hf, githubStars: null }, { url: hf, source: 'hf' }],
    ['missing stars', { githubRepo: hf }, { url: hf, source: 'hf' }],
    ['NaN stars dropped', { githubRepo: hf, githubStars: NaN }, { url: hf, source: 'hf' }],
    ['Infinity stars dropped', { githubRepo: hf, githubStars: Infinity }, { url: hf, source: 'hf' }],
    ['negative stars dropped', { githubRepo: hf, githubStars: -1 }, { url: hf, source: 'hf' }],
    ['HF repo normalised', { githubRepo: 'http://www.github.com/a/b/tree/main', githubStars: 3 }, { url: hf, source: 'hf', stars: 3 }],
    ['null HF repo -> first abstract repo', { githubRepo: null, githubStars: 5, abstract: abs }, { url: 'https://github.com/c/d', source: 'abstract' }],
    ['empty HF repo -> abstract', { githubRepo: '', abstract: abs }, { url: 'https://github.com/c/d', source: 'abstract' }],
    ['non-repo HF value -> abstract', { githubRepo: 'https://example.org', abstract: abs }, { url: 'https://github.com/c/d', source: 'abstract' }],
    ['javascript: HF value -> abstract', { githubRepo: 'javascript:alert(1)', abstract: abs }, { url: 'https://github.com/c/d', source: 'abstract' }],
    ['nothing', {}, null],
    ['all null', { githubRepo: null, githubStars: null, abstract: null }, null],
    ['abstract without repo', { abstract: 'Project page: https://x.github.io/y/' }, null],
    ['non-repo HF value, no abstract', { githubRepo: 'https://github.com/owner' }, null],
  ])('%s', (_name, input, expected) => {
    expect(pickCodeLink(input)).toStrictEqual(expected);
  });
});

describe('safeHttpsUrl', () => {
  it.each<[string | null | undefined, string | null]>([
    ['https://example.org/page', 'https://example.org/page'],
    ['http://example.org/x?y=1#z', 'https://example.org/x?y=1#z'],
    ['HTTPS://Example.ORG', 'https://example.org/'],
    ['  https://owner.github.io/p/  ', 'https://owner.github.io/p/'],
    ['https://www.askchem.org', 'https://www.askchem.org/'],
    ['https://huggingface.co/spaces/Jiaqi-hkust/Robust-U1', 'https://huggingface.co/spaces/Jiaqi-hkust/Robust-U1'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['javascript://example.org/%0aalert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox(1)', null],
    ['file:///etc/passwd', null],
    ['ftp://example.org/x', null],
    ['mailto:a@example.org', null],
    ['/relative/path', null],
    ['relative/path', null],
    ['//evil.example/x', null],
    ['example.org', null],
    ['www.example.org/page', null],
    ['https://', null],
    ['https://exa mple.org', null],
    ['https://user:pass@evil.example/', null],
    ['https://huggingface.co@evil.example/', null],
    ['not a url', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j -> %s', (raw, expected) => {
    expect(safeHttpsUrl(raw)).toBe(expected);
  });
});

describe('repoDisplayName', () => {
  it.each<[string, string]>([
    ['https://github.com/Owner/Repo', 'Owner/Repo'],
    ['https://gitlab.com/group/sub/project', 'group/sub/project'],
    ['https://codeberg.org/owner/repo', 'owner/repo'],
    ['https://github.com/owner/repo/tree/main', 'owner/repo'],
  ])('%s -> %s', (url, expected) => {
    expect(repoDisplayName(url)).toBe(expected);
  });
});

interface CorpusCase {
  id: string;
  fixture: string;
  abstract: string;
  expected: string[];
  githubRepo?: string;
  note?: string;
}
const cases: CorpusCase[] = corpus.cases;

describe('corpus of real abstracts (tests/unit/links-corpus.json)', () => {
  it('is not empty and every expected URL is https', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) for (const url of c.expected) expect(url.startsWith('https://')).toBe(true);
  });

  it.each(cases)('$id: findRepoUrls', (c) => {
    expect(findRepoUrls(c.abstract)).toEqual(c.expected);
  });

  it.each(cases)('$id: pickCodeLink', (c) => {
    const link = pickCodeLink({ githubRepo: c.githubRepo, abstract: c.abstract });
    if (c.githubRepo) expect(link).toMatchObject({ url: c.githubRepo, source: 'hf' });
    else if (c.expected.length) expect(link).toStrictEqual({ url: c.expected[0], source: 'abstract' });
    else expect(link).toBeNull();
  });

  it('reports agreement between abstract repos and HF githubRepo (informational)', () => {
    const withHf = cases.filter((c) => c.githubRepo);
    const withBoth = withHf.filter((c) => findRepoUrls(c.abstract).length > 0);
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const firstAgrees = withBoth.filter((c) => same(findRepoUrls(c.abstract)[0], normaliseRepoUrl(c.githubRepo!)!));
    const anyAgrees = withBoth.filter((c) =>
      findRepoUrls(c.abstract).some((u) => same(u, normaliseRepoUrl(c.githubRepo!)!)),
    );
    const abstractOnly = cases.filter((c) => !c.githubRepo && findRepoUrls(c.abstract).length > 0);
    const hfOnly = withHf.length - withBoth.length;
    console.log(
      `[links corpus] ${cases.length} abstracts; ${withHf.length} have HF githubRepo; ` +
        `${withBoth.length} have both: first abstract repo agrees ${firstAgrees.length}/${withBoth.length}, ` +
        `any abstract repo agrees ${anyAgrees.length}/${withBoth.length}; ` +
        `HF-only ${hfOnly}; abstract-only ${abstractOnly.length} (${abstractOnly.map((c) => c.id).join(', ')})`,
    );
    expect(anyAgrees.length).toBeLessThanOrEqual(withBoth.length);
  });
});
