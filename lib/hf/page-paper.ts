// A paper as the page's embedded JSON describes it, once read (lib/hf/embedded.ts reads it, in the
// background). No zod here: the content script merges what several islands say of one paper.

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

/** Merges two sightings of the same paper: fields already known win, missing ones are filled in. */
export function mergeSightings(a: PagePaper, b: PagePaper): PagePaper {
  const out: PagePaper = { ...a };
  for (const key of Object.keys(b) as (keyof PagePaper)[]) {
    const have = out[key];
    const isEmpty = have === undefined || (Array.isArray(have) && have.length === 0);
    if (isEmpty) (out as unknown as Record<string, unknown>)[key] = b[key];
  }
  return out;
}
