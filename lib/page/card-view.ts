// From what the page (and Hugging Face's API) say about a paper to what a card shows and what a
// star saves.
import type { CardView, LinkView } from '@/components/card-controls';
import type { PagePaper } from '../hf/page-paper';
import { paperUrl } from '../hf/urls';
import { paperLinks } from '../links/classify';
import { normaliseRepoUrl, repoDisplayName } from '../links/code-links';
import type { LinkInfo, PaperSnapshot } from '../messages';

/** What the card knows of the API's answer: the answer, and whether one is on its way. */
export interface ApiLinks {
  info?: LinkInfo;
  pending: boolean;
}

/** `tags`: the paper's facets' (computed by the background), as the card shows them. */
export function cardView(paper: PagePaper, api: ApiLinks, tags: CardView['tags']): CardView {
  return {
    id: paper.id,
    title: paper.title ?? paper.id,
    tags,
    links: linkView(paper, api),
  };
}

/** Hugging Face's keywords for the paper: the page's, else the API's. */
export function keywordsFor(paper: PagePaper, info: LinkInfo | undefined): readonly string[] {
  return paper.aiKeywords.length > 0 ? paper.aiKeywords : (info?.aiKeywords ?? []);
}

/**
 * Links in order of trust: HF's githubRepo (from the page, else from the API: the same field),
 * then repositories in the abstract; at most one Code link is primary, the rest sit behind "+N".
 */
function linkView(paper: PagePaper, { info, pending }: ApiLinks): LinkView {
  const fromPage = !!paper.githubRepo;
  const all = linksOf(paper, {
    githubRepo: paper.githubRepo ?? info?.githubRepo,
    githubStars: fromPage ? paper.githubStars : (info?.githubStars ?? undefined),
    projectPage: paper.projectPage ?? info?.projectPage,
  });
  const code = all.find((l) => l.kind === 'code');
  const project = all.find((l) => l.kind === 'project');
  const extra = all.filter((l) => l !== code && l !== project).map((l) => ({ label: l.label, url: l.url }));
  const citing = info ? citingText(info) : null;
  return {
    codeUrl: code?.url,
    codeName: code && normaliseRepoUrl(code.url) ? repoDisplayName(code.url) : undefined,
    codeStars: code?.stars,
    projectUrl: project?.url,
    extra,
    codeStatus: code ? undefined : pending ? 'checking' : info?.status === 'none' ? 'none' : 'unchecked',
    citing: citing ? { ...citing, url: paperUrl(paper.id) } : undefined,
  };
}

type LinkInput = { githubRepo?: string | null; githubStars?: number | null; projectPage?: string | null };
const lastLinks = new WeakMap<PagePaper, { input: LinkInput; links: ReturnType<typeof paperLinks> }>();

/**
 * paperLinks, remembered per paper: reading the abstract's links is the costly part, and a card is
 * drawn again (the API's answer arriving, a star) mostly with the same input.
 */
function linksOf(paper: PagePaper, input: LinkInput) {
  const last = lastLinks.get(paper);
  const same = last && (['githubRepo', 'githubStars', 'projectPage'] as const).every((k) => last.input[k] === input[k]);
  if (same) return last.links;
  const links = paperLinks({ ...input, abstract: paper.abstract });
  lastLinks.set(paper, { input, links });
  return links;
}

/** "3 models · 1 dataset · 2 Spaces", or null when nothing on Hugging Face cites the paper. */
export function citingText({ models, datasets, spaces }: Pick<LinkInfo, 'models' | 'datasets' | 'spaces'>) {
  const parts = [
    [models, 'model', 'models'],
    [datasets, 'dataset', 'datasets'],
    [spaces, 'Space', 'Spaces'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  if (parts.length === 0) return null;
  return { text: parts.join(' · '), label: `Cited on Hugging Face by ${parts.join(', ')}` };
}

/** Links longer than the background accepts (lib/messages.ts) are left out, not the whole snapshot. */
const storable = (url: string | undefined) => (url && url.length <= 2048 ? url : undefined);

/** The record a star or hide stores (the background validates it again). */
export function snapshot(paper: PagePaper, view: CardView): PaperSnapshot {
  return {
    id: paper.id,
    title: view.title.slice(0, 1000),
    authors: paper.authors.slice(0, 100).map((a) => a.slice(0, 300)),
    abstract: paper.abstract?.slice(0, 20_000),
    publishedAt: paper.publishedAt?.slice(0, 64),
    codeUrl: storable(view.links.codeUrl),
    codeStars: view.links.codeStars,
    projectUrl: storable(view.links.projectUrl),
    upvotes: paper.upvotes,
    // Manual tags are stored apart (PaperRow.manualTags); the snapshot carries the computed ones.
    tags: view.tags.filter((t) => t.source !== 'manual').slice(0, 20).map((t) => t.label.slice(0, 80)),
  };
}
