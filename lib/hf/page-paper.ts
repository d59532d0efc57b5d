// A paper as the page's embedded JSON describes it, once read (lib/hf/embedded.ts reads it, in the
// background). Apart from embedded.ts, so that the content script can name the type without zod.

export interface PagePaper {
  id: string;
  title?: string;
  abstract?: string;
  authors: string[];
  publishedAt?: string;
  upvotes?: number;
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  aiKeywords: string[];
}
