// From what the page says about a paper to what a card shows and what a star saves.
import type { CardView } from '@/components/CardControls';
import type { PagePaper } from '../hf/embedded';
import { pickCodeLink, repoDisplayName, safeHttpsUrl } from '../links/code-links';
import type { PaperSnapshot } from '../messages';
import { paperTags } from '../tags/match';

export function cardView(paper: PagePaper): CardView {
  const title = paper.title ?? paper.id;
  const code = pickCodeLink({ githubRepo: paper.githubRepo, githubStars: paper.githubStars, abstract: paper.abstract });
  return {
    id: paper.id,
    title,
    tags: paperTags({ title, abstract: paper.abstract, aiKeywords: paper.aiKeywords }),
    links: {
      codeUrl: code?.url,
      codeName: code ? repoDisplayName(code.url) : undefined,
      codeStars: code?.stars,
      projectUrl: safeHttpsUrl(paper.projectPage) ?? undefined,
    },
  };
}

/** The record a star or hide stores (the background validates it again). */
export function snapshot(paper: PagePaper, view: CardView): PaperSnapshot {
  return {
    id: paper.id,
    title: view.title.slice(0, 1000),
    authors: paper.authors.slice(0, 100).map((a) => a.slice(0, 300)),
    abstract: paper.abstract?.slice(0, 20_000),
    publishedAt: paper.publishedAt?.slice(0, 64),
    codeUrl: view.links.codeUrl,
    codeStars: view.links.codeStars,
    projectUrl: view.links.projectUrl,
    tags: view.tags.slice(0, 20).map((t) => t.label.slice(0, 80)),
  };
}
