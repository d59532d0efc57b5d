// Hugging Face's paper API, as the background reads it. One request per paper:
// GET https://huggingface.co/api/papers/<id> carries the code fields (githubRepo, githubStars,
// projectPage), HF's keywords, and the counts of models, datasets and Spaces citing the paper
// (numTotalModels, …), so /api/arxiv/<id>/repos is not needed for the compact "3 models" link.
import { z } from '../zod';

const count = z.catch(z.number().check(z.int(), z.nonnegative()), 0);
const optText = (max: number) => z.catch(z.nullish(z.string().check(z.maxLength(max))), undefined);

/** Tolerant: unknown fields ignored, a field of the wrong type dropped, never the whole answer. */
export const HfPaperApi = z.object({
  id: z.string(),
  githubRepo: optText(2048),
  githubStars: z.catch(z.nullish(z.number().check(z.int(), z.nonnegative())), undefined),
  projectPage: optText(2048),
  ai_keywords: z._default(z.catch(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)), []), []),
  numTotalModels: z._default(count, 0),
  numTotalDatasets: z._default(count, 0),
  numTotalSpaces: z._default(count, 0),
});
export type HfPaperApi = z.infer<typeof HfPaperApi>;

export const paperApiUrl = (id: string) => `https://huggingface.co/api/papers/${encodeURIComponent(id)}`;

/** What we keep from one answer (or from its absence). */
export interface Enrichment {
  id: string;
  /** 'found': the API knows code for the paper; 'none': it answered and knows none; 'error': no usable answer. */
  status: 'found' | 'none' | 'error';
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  aiKeywords: string[];
  models: number;
  datasets: number;
  spaces: number;
  fetchedAt: number;
}

export function toEnrichment(id: string, body: unknown, now: number): Enrichment {
  const parsed = HfPaperApi.safeParse(body);
  if (!parsed.success || parsed.data.id !== id) {
    return { id, status: 'error', aiKeywords: [], models: 0, datasets: 0, spaces: 0, fetchedAt: now };
  }
  const p = parsed.data;
  return {
    id,
    status: p.githubRepo ? 'found' : 'none',
    githubRepo: p.githubRepo ?? undefined,
    githubStars: p.githubStars ?? undefined,
    projectPage: p.projectPage ?? undefined,
    aiKeywords: p.ai_keywords,
    models: p.numTotalModels,
    datasets: p.numTotalDatasets,
    spaces: p.numTotalSpaces,
    fetchedAt: now,
  };
}
