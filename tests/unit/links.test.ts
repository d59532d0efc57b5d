import { describe, it, expect } from 'vitest';
import {
  findRepoUrls,
  normaliseRepoUrl,
  repoDisplayName,
  safeHttpsUrl,
} from '../../lib/links/code-links';
import { classifyUrl, extractLinks, paperLinks, type LinkKind, type PaperLink } from '../../lib/links/classify';
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

/** The card's primary Code link: the first code link of paperLinks (what card-view shows). */
function primaryCode(p: Parameters<typeof paperLinks>[0]) {
  const code = paperLinks(p).find((l) => l.kind === 'code');
  if (!code) return null;
  return { url: code.url, source: code.source, ...(code.stars !== undefined && { stars: code.stars }) };
}

describe('the primary Code link', () => {
  const abs = 'Code at https://github.com/c/d and https://github.com/e/f.';
  const hf = 'https://github.com/a/b';
  it.each<[string, Parameters<typeof paperLinks>[0], ReturnType<typeof primaryCode>]>([
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
    expect(primaryCode(input)).toStrictEqual(expected);
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

type Found = Omit<PaperLink, 'source'>;
const code = (url: string): Found => ({ kind: 'code', url, label: 'Code' });
const project = (url: string): Found => ({ kind: 'project', url, label: 'Project page' });
const demo = (url: string): Found => ({ kind: 'demo', url, label: 'Demo' });
const data = (url: string): Found => ({ kind: 'data', url, label: 'Dataset' });
const models = (url: string, label = 'Models'): Found => ({ kind: 'models', url, label });

describe('classifyUrl: kind by host', () => {
  it.each<[string, LinkKind | null, Found | null]>([
    // code hosts (normalised by normaliseRepoUrl; owner/repo case kept, http upgraded)
    ['http://github.com/Owner/Repo.git', null, code('https://github.com/Owner/Repo')],
    ['https://github.com/owner/repo/tree/main/src#readme', null, code(R)],
    ['https://gitlab.com/g/sub/p/-/tree/main', null, code('https://gitlab.com/g/sub/p')],
    ['https://codeberg.org/owner/repo', null, code('https://codeberg.org/owner/repo')],
    ['https://bitbucket.org/owner/repo/src/master/', null, code('https://bitbucket.org/owner/repo')],
    ['github.com/owner/repo', null, code(R)],
    // Hugging Face
    ['https://huggingface.co/spaces/Jiaqi-hkust/Robust-U1', null, demo('https://huggingface.co/spaces/Jiaqi-hkust/Robust-U1')],
    ['https://huggingface.co/spaces/o/s?logs=build', null, demo('https://huggingface.co/spaces/o/s')],
    ['https://owner-space.hf.space', null, demo('https://owner-space.hf.space/')],
    ['https://huggingface.co/datasets/o/n', null, data('https://huggingface.co/datasets/o/n')],
    ['https://huggingface.co/datasets/o/n/tree/main', null, data('https://huggingface.co/datasets/o/n')],
    ['https://huggingface.co/datasets/o/n/viewer/default/train', null, data('https://huggingface.co/datasets/o/n')],
    ['https://hf.co/datasets/o/n', null, data('https://huggingface.co/datasets/o/n')],
    ['https://huggingface.co/datasets/squad', null, data('https://huggingface.co/datasets/squad')],
    ['https://huggingface.co/o/m', null, models('https://huggingface.co/o/m')],
    ['https://huggingface.co/models/o/m', null, models('https://huggingface.co/o/m')],
    ['https://huggingface.co/o/Qwen2.5-7B/blob/main/README.md', null, models('https://huggingface.co/o/Qwen2.5-7B')],
    ['https://huggingface.co/collections/P1n3/sdg', null, models('https://huggingface.co/collections/P1n3/sdg', 'Collection')],
    ['https://huggingface.co/BAAI', 'models', models('https://huggingface.co/BAAI')],
    ['https://huggingface.co/blog/nvidia/speed-bench', 'project', project('https://huggingface.co/blog/nvidia/speed-bench')],
    ['https://hf.co/blog/x#y', 'project', project('https://huggingface.co/blog/x')],
    ['https://www.huggingface.co/o/m', null, models('https://huggingface.co/o/m')],
    // project-page hosts
    ['https://ShadowDancer-1.github.io', null, project('https://shadowdancer-1.github.io/')],
    ['http://owner.github.io/p/#results', null, project('https://owner.github.io/p/')],
    ['https://group.gitlab.io/p/', null, project('https://group.gitlab.io/p/')],
    ['https://sites.google.com/view/proj', null, project('https://sites.google.com/view/proj')],
    ['sites.google.com/view/proj', null, project('https://sites.google.com/view/proj')],
    ['https://magiclab-nus.github.io/LIT/?v=37955c5', null, project('https://magiclab-nus.github.io/LIT/?v=37955c5')],
    // other pages: only with a cue
    ['https://example.org/p?utm_source=arxiv&lang=en&fbclid=x', 'project', project('https://example.org/p?lang=en')],
    ['https://example.org/p?utm_source=arxiv', 'project', project('https://example.org/p')],
    ['www.example.org', 'project', project('https://www.example.org/')],
    ['https://gitee.com/owner/repo', 'code', code('https://gitee.com/owner/repo')],
    ['https://zenodo.org/records/123', 'data', data('https://zenodo.org/records/123')],
    ['https://demo.example.org/', 'demo', demo('https://demo.example.org/')],
    ['https://example.org/page', null, null],
    ['https://gist.github.com/owner/0123abcd', null, null],
    ['example.org/page', 'project', null],
    // never links of a paper
    ['https://arxiv.org/abs/2401.00001', 'project', null],
    ['https://export.arxiv.org/abs/2401.00001', 'project', null],
    ['https://doi.org/10.5334/tismir.333', 'project', null],
    ['https://dx.doi.org/10.1145/3292500.3330701', 'project', null],
    ['https://huggingface.co/papers/2401.00001', 'models', null],
    ['https://huggingface.co', 'models', null],
    ['https://huggingface.co/spaces/o', null, null],
    ['https://github.com', 'code', null],
    ['https://github.com/owner', 'code', null],
    ['javascript:alert(1)', 'project', null],
    ['javascript://example.org/%0aalert(1)', 'project', null],
    ['data:text/html,<script>alert(1)</script>', 'project', null],
    ['ftp://example.org/code.zip', 'code', null],
    ['mailto:someone@example.org', 'project', null],
    ['https://user:pass@example.org/', 'project', null],
    ['https://example.org:8443/', 'project', null],
    ['http://192.168.0.1/demo', 'demo', null],
    ['https://localhost/demo', 'demo', null],
    ['', 'project', null],
  ])('%j (cue %s)', (raw, cue, expected) => {
    expect(classifyUrl(raw, cue)).toStrictEqual(expected);
  });
});

describe('extractLinks', () => {
  it.each<[string, Found[]]>([
    // repositories, normalised the same way as findRepoUrls
    ['Code at https://github.com/Owner/Repo.git.', [code('https://github.com/Owner/Repo')]],
    ['Code: https://github.com/owner/repo/tree/main/src, data soon.', [code(R)]],
    ['Code and models are available at\nhttps://github.com/owner/repo.', [code(R)]],
    ['(Code: https://github.com/owner/repo).', [code(R)]],
    ['代码：https://github.com/owner/repo。', [code(R)]],
    // LaTeX artefacts
    ['\\url{https://github.com/owner/my\\_repo}', [code('https://github.com/owner/my_repo')]],
    ['\\href{https://github.com/a/b}{https://github.com/a/b}', [code('https://github.com/a/b')]],
    ['Project page: textbf{https://owner.github.io/page/}', [project('https://owner.github.io/page/')]],
    ['Our project page is available https://owner.github.io/page/{here}.', [project('https://owner.github.io/page/')]],
    ['available at: https://owner.github.io/ Proj-Page/', [project('https://owner.github.io/Proj-Page/')]],
    ['see https://owner.github.io/ and the code', [project('https://owner.github.io/')]],
    ['Code: https://github.com/ owner/repo', []],
    // known hosts need no cue
    ['Page can be found at https://ali-videoai.github.io/tora_video.', [project('https://ali-videoai.github.io/tora_video')]],
    ['Code and dataset are available in this GitHub repo: https://x.github.io/y.', [project('https://x.github.io/y')]],
    ['weights can be found at https://huggingface.co/csc-unipd/lilybert), a', [models('https://huggingface.co/csc-unipd/lilybert')]],
    [
      '(https://huggingface.co/datasets/BAAI/CCI3-HQ), a\n(CCI3.0)(https://huggingface.co/datasets/BAAI/CCI3-Data), developed',
      [data('https://huggingface.co/datasets/BAAI/CCI3-HQ'), data('https://huggingface.co/datasets/BAAI/CCI3-Data')],
    ],
    ['A demo: https://huggingface.co/spaces/o/s and hf.co/datasets/o/d.', [demo('https://huggingface.co/spaces/o/s'), data('https://huggingface.co/datasets/o/d')]],
    ['Project page: sites.google.com/view/proj.', [project('https://sites.google.com/view/proj')]],
    // other pages: the cue words just before the link decide
    ['Project page: https://example.org/proj/', [project('https://example.org/proj/')]],
    ['Our website: http://example.org/x.', [project('https://example.org/x')]],
    ['Homepage: https://example.org', [project('https://example.org/')]],
    ['The leaderboard is at https://lb.example.org.', [project('https://lb.example.org/')]],
    ['Try the demo at https://demo.example.org', [demo('https://demo.example.org/')]],
    ['Our dataset is released at https://zenodo.org/records/123.', [data('https://zenodo.org/records/123')]],
    ['Weights: https://example.org/ckpt', [models('https://example.org/ckpt')]],
    ['Code: https://aka.ms/echoverse', [code('https://aka.ms/echoverse')]],
    ['Code and data: https://example.org/', [project('https://example.org/')]],
    ['Project page: https://example.org/p?utm_source=arxiv#top', [project('https://example.org/p')]],
    [
      'Code: https://github.com/a/b; project page: https://example.org/p, results at https://example.org/r.',
      [code('https://github.com/a/b'), project('https://example.org/p')],
    ],
    ['The code is great. Please check http://berkeley-humanoid.com for more details.', []],
    ['AskChem is live at https://askchem.org.', []],
    // deduplicated (trailing slash, case, www), first spelling kept
    ['https://x.github.io/p and https://X.github.io/p/', [project('https://x.github.io/p')]],
    ['Website: https://www.example.org/a, also the web page https://example.org/a/', [project('https://www.example.org/a')]],
    ['Site: https://example.org/a', []],
    // negatives: e-mails, DOIs, arXiv, bare hosts, unsafe schemes
    ['Contact someone@example.org or someone@github.com.', []],
    ['Code: owner@x.github.io', []],
    ['doi: 10.1145/3292500.3330701', []],
    ['Project page: https://doi.org/10.5334/tismir.333', []],
    ['Paper: https://arxiv.org/abs/2401.00001, arXiv:2401.00001.', []],
    ['Code: https://export.arxiv.org/abs/2401.00001', []],
    ['Models: https://huggingface.co/papers/2401.00001', []],
    ['We host everything on GitHub (github.com) and https://github.com/.', []],
    ['Code: https://github.com/owner', []],
    ['Code: https://github.com/sponsors/x', []],
    ['Demo: javascript:alert(document.cookie)', []],
    ['Project page: javascript://example.org/%0aalert(1)', []],
    ['Code: ftp://example.org/code.zip', []],
    ['Project page: https://user:pass@example.org/', []],
    ['Website: https://example.org:8443/', []],
    ['Website: http://192.168.0.1/', []],
    ['Code: gist.github.com/owner/0123abcd', []],
    ['', []],
  ])('%j', (text, expected) => {
    expect(extractLinks(text)).toStrictEqual(expected);
  });
});

describe('paperLinks', () => {
  const gh = 'https://github.com/a/b';
  const pp = 'https://a.github.io/b/';
  const hf = (l: Found, stars?: number): PaperLink => ({ ...l, source: 'hf', ...(stars === undefined ? {} : { stars }) });
  const ab = (l: Found): PaperLink => ({ ...l, source: 'abstract' });
  it.each<[string, Parameters<typeof paperLinks>[0], PaperLink[]]>([
    [
      'HF repo (with stars), HF project page, then the abstract',
      { githubRepo: gh, githubStars: 12, projectPage: pp, abstract: 'Code: https://github.com/c/d. Dataset: https://huggingface.co/datasets/e/f' },
      [hf(code(gh), 12), hf(project(pp)), ab(code('https://github.com/c/d')), ab(data('https://huggingface.co/datasets/e/f'))],
    ],
    [
      'abstract links already given by HF are not repeated',
      { githubRepo: gh, githubStars: 3, projectPage: 'https://a.github.io/b', abstract: 'https://github.com/A/B.git and https://a.github.io/b/.' },
      [hf(code(gh), 3), hf(project('https://a.github.io/b'))],
    ],
    ['zero stars kept', { githubRepo: gh, githubStars: 0 }, [hf(code(gh), 0)]],
    ['null stars', { githubRepo: gh, githubStars: null }, [hf(code(gh))]],
    ['NaN stars dropped', { githubRepo: gh, githubStars: NaN }, [hf(code(gh))]],
    ['negative stars dropped', { githubRepo: gh, githubStars: -1 }, [hf(code(gh))]],
    ['HF repo normalised and upgraded', { githubRepo: 'http://www.github.com/a/b/tree/main' }, [hf(code(gh))]],
    ['HF repo that is not a repository is dropped', { githubRepo: 'https://github.com/a', abstract: 'Code: https://github.com/c/d' }, [ab(code('https://github.com/c/d'))]],
    ['javascript: HF values are dropped', { githubRepo: 'javascript:alert(1)', projectPage: 'javascript:alert(1)' }, []],
    ['projectPage equal to githubRepo: one Code link', { githubRepo: gh, githubStars: 17, projectPage: gh }, [hf(code(gh), 17)]],
    ['projectPage that is another repository is Code (no stars)', { githubRepo: gh, githubStars: 5, projectPage: 'https://github.com/c/d' }, [hf(code(gh), 5), hf(code('https://github.com/c/d'))]],
    ['projectPage repository without githubRepo', { projectPage: 'https://github.com/c/d', githubStars: 9 }, [hf(code('https://github.com/c/d'))]],
    ['DOI projectPage dropped', { githubRepo: gh, projectPage: 'https://doi.org/10.5334/tismir.333' }, [hf(code(gh))]],
    ['arXiv projectPage dropped', { projectPage: 'https://arxiv.org/abs/2401.00001' }, []],
    ['Space projectPage is a Demo', { projectPage: 'https://huggingface.co/spaces/o/s' }, [hf(demo('https://huggingface.co/spaces/o/s'))]],
    ['dataset projectPage', { projectPage: 'https://huggingface.co/datasets/Krystalan/EvoBrowseComp' }, [hf(data('https://huggingface.co/datasets/Krystalan/EvoBrowseComp'))]],
    ['collection projectPage', { projectPage: 'https://huggingface.co/collections/P1n3/sdg' }, [hf(models('https://huggingface.co/collections/P1n3/sdg', 'Collection'))]],
    ['HF blog projectPage', { projectPage: 'https://huggingface.co/blog/nvidia/speed-bench' }, [hf(project('https://huggingface.co/blog/nvidia/speed-bench'))]],
    ['package page projectPage', { projectPage: 'https://pypi.org/project/qstvec/' }, [hf(project('https://pypi.org/project/qstvec/'))]],
    ['blog post projectPage', { projectPage: 'https://www.lesswrong.com/posts/n5htoDGvKKJFAjji2' }, [hf(project('https://www.lesswrong.com/posts/n5htoDGvKKJFAjji2'))]],
    ['nothing', {}, []],
    ['all null', { githubRepo: null, githubStars: null, projectPage: null, abstract: null }, []],
  ])('%s', (_name, input, expected) => {
    expect(paperLinks(input)).toStrictEqual(expected);
  });
});

interface CorpusCase {
  id: string;
  /** a file of /work/shared/fixtures/hf/ ... */
  fixture?: string;
  /** ... or the public repository file the abstract was copied from */
  source?: { repository: string; path: string; commit: string };
  abstract: string;
  /** repository URLs in the abstract (findRepoUrls) */
  expected: string[];
  /** every link of the paper (paperLinks): kind and normalised URL, in order */
  links: { kind: string; url: string }[];
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  note?: string;
}
const cases: CorpusCase[] = corpus.cases;
const HTTP_RE = /https?:\/\//;
const KINDS = new Set(['code', 'demo', 'project', 'data', 'models']);

describe('corpus of real abstracts (tests/unit/links-corpus.json)', () => {
  it('has at least 60 real abstracts with links, each with its provenance', () => {
    expect(cases.filter((c) => HTTP_RE.test(c.abstract)).length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      const provenance = c.fixture ?? (c.source && `${c.source.repository}/${c.source.path}@${c.source.commit}`);
      expect(provenance, c.id).toMatch(c.fixture ? /\.json$/ : /^[\w.-]+\/[\w.-]+\/.+@[0-9a-f]{40}$/);
    }
  });

  it('every expected URL is https and every kind is known', () => {
    for (const c of cases) {
      for (const url of [...c.expected, ...c.links.map((l) => l.url)]) expect(url.startsWith('https://')).toBe(true);
      for (const l of c.links) expect(KINDS.has(l.kind)).toBe(true);
    }
  });

  it.each(cases)('$id: paperLinks kinds and URLs', (c) => {
    const links = paperLinks(c);
    expect(links.map(({ kind, url }) => ({ kind, url }))).toEqual(c.links);
    for (const l of links) {
      expect(l.source).toBe(l.url === normaliseRepoUrl(c.githubRepo ?? '') || l.url === classifyUrl(c.projectPage ?? '', 'project')?.url ? 'hf' : 'abstract');
      if (l.stars !== undefined) expect(l.stars).toBe(c.githubStars);
    }
  });

  it('is 100 % right for paperLinks and findRepoUrls (summary)', () => {
    const wrong = cases.filter(
      (c) =>
        JSON.stringify(paperLinks(c).map(({ kind, url }) => ({ kind, url }))) !== JSON.stringify(c.links) ||
        JSON.stringify(findRepoUrls(c.abstract)) !== JSON.stringify(c.expected),
    );
    const byKind = new Map<string, number>();
    for (const c of cases) for (const l of c.links) byKind.set(l.kind, (byKind.get(l.kind) ?? 0) + 1);
    console.log(
      `[links corpus] ${cases.length} abstracts, ${cases.filter((c) => HTTP_RE.test(c.abstract)).length} with a URL; ` +
        `${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}; right ${cases.length - wrong.length}/${cases.length}`,
    );
    expect(wrong.map((c) => c.id)).toEqual([]);
  });

  it.each(cases)('$id: findRepoUrls', (c) => {
    expect(findRepoUrls(c.abstract)).toEqual(c.expected);
  });

  it.each(cases)('$id: primary Code link', (c) => {
    const link = primaryCode({ githubRepo: c.githubRepo, abstract: c.abstract });
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

describe('HF githubRepo values that are not repositories', () => {
  it.each([
    ['a look-alike host', 'https://github.com.evil.example/a/b'],
    ['an unknown host', 'https://evil.example/a/b'],
    ['a bare github.com', 'https://github.com/'],
  ])('%s never becomes the Code link', (_name, githubRepo) => {
    const links = paperLinks({ githubRepo, githubStars: 5 });
    expect(links.filter((l) => l.kind === 'code')).toEqual([]);
  });
});
