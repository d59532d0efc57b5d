import { describe, it, expect } from 'vitest';
import { topicTags, paperTags, type Tag } from '../../lib/tags/match';
import { TOPICS } from '../../lib/tags/taxonomy';
import evalSet from './tags-eval.json';

interface EvalPaper {
  id: string;
  title: string;
  abstract: string;
  topics: string[];
}
const papers = evalSet.papers as EvalPaper[];

const labels = (tags: Tag[]) => tags.map((t) => t.label);
/** Labels tagged from the title alone. */
const fromTitle = (title: string) => labels(topicTags(title, undefined, 99));

describe('taxonomy', () => {
  it('has unique ids and labels, short labels, and non-empty phrase lists', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(TOPICS.map((t) => t.id)).size).toBe(TOPICS.length);
    expect(new Set(TOPICS.map((t) => t.label.toLowerCase())).size).toBe(TOPICS.length);
    for (const t of TOPICS) {
      expect(t.label.split(' ').length, t.label).toBeLessThanOrEqual(2);
      expect(t.phrases.length, t.id).toBeGreaterThan(0);
    }
  });
});

describe('topicTags: word boundaries and acronyms', () => {
  it('matches acronyms case-sensitively as whole words', () => {
    expect(fromTitle('Scaling RL for Long-Horizon Tasks')).toContain('RL');
    expect(fromTitle('Robust URL Parsing in an Open World')).not.toContain('RL');
    expect(fromTitle('Rl and rl are not the acronym')).not.toContain('RL');
    expect(fromTitle('A GAN for Faces')).toContain('Image Gen');
    expect(fromTitle('Organ Transplant Outcomes')).not.toContain('Image Gen');
    expect(fromTitle('Fine-tuning SAM for Cell Images')).toContain('Vision');
    expect(fromTitle('The Same Model, Twice')).not.toContain('Vision');
  });

  it('does not read an acronym inside a longer one', () => {
    const tags = fromTitle('Evaluating MLLMs on Charts');
    expect(tags).toContain('Multimodal');
    expect(tags).not.toContain('LLM');
    expect(fromTitle('RLHF Without Tears')).not.toContain('RL');
    expect(fromTitle('RLHF Without Tears')).toContain('Alignment');
  });

  it('accepts acronym plurals and version suffixes', () => {
    expect(fromTitle('When LLMs Disagree')).toContain('LLM');
    expect(fromTitle('Probing Qwen3 and Llama-3.1')).toContain('LLM');
    expect(fromTitle('GPTQ Revisited')).not.toContain('LLM');
  });

  it('matches phrases only at word boundaries', () => {
    expect(fromTitle('Reagent Screening Agenda')).not.toContain('Agents');
    expect(fromTitle('A Videography Handbook')).not.toContain('Video');
    expect(fromTitle('Mechanical Robotization')).not.toContain('Robotics');
  });

  it('applies exclusions', () => {
    expect(fromTitle('Multimodal Large Language Models for Charts')).not.toContain('LLM');
    expect(fromTitle('Music Information Retrieval at Scale')).not.toContain('Retrieval');
    expect(fromTitle('Autonomous Vehicle Safety Testing')).not.toContain('Safety');
    expect(fromTitle('Phone Segmentation from Speech')).not.toContain('Vision');
    expect(fromTitle('Jailbreak Safety for Chatbots')).toContain('Safety');
  });
});

describe('topicTags: hyphen, space and plural tolerance', () => {
  it('treats hyphens and spaces alike, and a hyphen as optional', () => {
    for (const t of ['Chain-of-Thought Prompting', 'Chain of Thought Prompting', 'chain-of thought prompting']) {
      expect(fromTitle(t), t).toContain('Reasoning');
    }
    for (const t of ['Multi-modal Pretraining', 'Multi modal Pretraining', 'Multimodal Pretraining']) {
      expect(fromTitle(t), t).toContain('Multimodal');
    }
    for (const t of ['Text-to-Image Models', 'Text to Image Models']) {
      expect(fromTitle(t), t).toContain('Image Gen');
    }
    expect(fromTitle('Mixture-of-Experts at Scale')).toEqual(fromTitle('Mixture of Experts at Scale'));
  });

  it('matches plurals of the last word', () => {
    expect(fromTitle('LLM-Based Agents')).toContain('Agents');
    expect(fromTitle('An Agent That Browses')).toContain('Agents');
    expect(fromTitle('Latent Diffusion Models')).toContain('Diffusion');
    expect(fromTitle('Sparse Autoencoders for Steering')).toContain('Interpretability');
  });

  it('supports stem prefixes', () => {
    for (const t of ['Quantized Transformers', 'Quantization at 2 Bits', 'Quantizing Everything']) {
      expect(fromTitle(t), t).toContain('Efficiency');
    }
  });
});

describe('topicTags: scoring', () => {
  it('tags from a single title hit', () => {
    expect(labels(topicTags('Diffusion for Everything', 'We study a thing.'))).toEqual(['Diffusion']);
  });

  it('ignores a single passing abstract mention', () => {
    expect(topicTags('A Study', 'We compare against a reinforcement learning baseline.')).toEqual([]);
  });

  it('tags from two distinct abstract phrases', () => {
    const tags = topicTags('A Study', 'We train with reinforcement learning using GRPO.');
    expect(labels(tags)).toEqual(['RL']);
    expect(tags[0]).toEqual({ label: 'RL', source: 'topic', why: 'abstract: "reinforcement learning", "GRPO"' });
  });

  it('tags a term that keeps recurring in the abstract', () => {
    const abstract = 'Video is hard. We model video. Our video model beats video baselines.';
    expect(labels(topicTags('A Study', abstract))).toEqual(['Video']);
  });

  it('only counts title-only phrases in the title', () => {
    expect(fromTitle('KernelBench-X: Evaluating Kernels')).toContain('Benchmark');
    expect(fromTitle('A Dataset of Piano Performances')).toContain('Dataset');
    const abstract = 'We evaluate on six benchmarks and three datasets, including Terminal-Bench, a benchmark suite.';
    expect(labels(topicTags('A Method', abstract, 99))).not.toContain('Dataset');
  });

  it('ranks title hits above abstract-only hits', () => {
    const tags = topicTags(
      'Video Generation with Transformers',
      'We use a diffusion model with flow matching, and denoising.',
      99,
    );
    expect(labels(tags)).toEqual(['Video', 'Diffusion']);
    expect(tags[0].why).toBe('title: "Video"');
    expect(tags[1].why).toBe('abstract: "diffusion", "flow matching"');
  });

  it('orders by score, then by taxonomy order (specific before broad)', () => {
    // Both are single title hits (3 points); Agents precedes LLM in the taxonomy.
    expect(labels(topicTags('LLM Agents'))).toEqual(['Agents', 'LLM']);
    // Two distinct title terms (6) beat one (3).
    expect(labels(topicTags('LLM Tool Calling with Large Language Models'))[0]).toBe('LLM');
  });

  it('respects max (default 3)', () => {
    const title = 'Multimodal LLM Agents for Robot Video Diffusion Safety';
    expect(topicTags(title, undefined, 99).length).toBeGreaterThan(3);
    expect(topicTags(title).length).toBe(3);
    expect(topicTags(title, undefined, 1)).toEqual(topicTags(title, undefined, 99).slice(0, 1));
    expect(topicTags(title, undefined, 0)).toEqual([]);
  });

  it('handles empty input', () => {
    expect(topicTags('')).toEqual([]);
    expect(topicTags('', '')).toEqual([]);
  });

  it('builds no RegExp per call', () => {
    const Original = globalThis.RegExp;
    let made = 0;
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args) {
        made++;
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        made++;
        return Reflect.apply(target, self, args);
      },
    });
    try {
      for (const p of papers.slice(0, 20)) {
        topicTags(p.title, p.abstract);
        paperTags({ title: p.title, abstract: p.abstract, aiKeywords: ['reinforcement learning', 'foo'] });
      }
    } finally {
      globalThis.RegExp = Original;
    }
    expect(made).toBe(0);
  });
});

describe('paperTags', () => {
  const abstract = 'We align diffusion models with preference optimization and a reward model.';

  it('puts topic tags first, then HF keywords', () => {
    const aiKeywords = ['Quadratic Programming', 'EMA smoothing'];
    const tags = paperTags({ title: 'Diffusion RL', abstract, aiKeywords });
    // Diffusion is in title and abstract (3 + 1), RL in the title only (3).
    expect(tags).toEqual([
      { label: 'Diffusion', source: 'topic', why: 'title: "Diffusion"; abstract: "diffusion"' },
      { label: 'RL', source: 'topic', why: 'title: "RL"' },
      { label: 'Alignment', source: 'topic', why: 'abstract: "preference optimization", "reward model"' },
      { label: 'Quadratic Programming', source: 'hf', why: 'HF keywords' },
      { label: 'EMA smoothing', source: 'hf', why: 'HF keywords' },
    ]);
  });

  it('adds at most 2 HF keywords and respects max', () => {
    const aiKeywords = ['alpha', 'beta', 'gamma', 'delta'];
    expect(paperTags({ title: 'Untaggable', aiKeywords }).map((t) => t.label)).toEqual(['alpha', 'beta']);
    expect(paperTags({ title: 'Diffusion RL', abstract, aiKeywords }).length).toBe(5);
    expect(labels(paperTags({ title: 'Diffusion RL', abstract, aiKeywords }, 4))).toEqual([
      'Diffusion', 'RL', 'Alignment', 'alpha',
    ]);
    expect(labels(paperTags({ title: 'Diffusion RL', abstract, aiKeywords }, 2))).toEqual(['Diffusion', 'RL']);
    expect(paperTags({ title: 'Diffusion RL', aiKeywords }, 0)).toEqual([]);
  });

  it('uses at most 3 topic tags so HF keywords keep their slots', () => {
    const tags = paperTags({ title: 'Multimodal LLM Agents for Robot Video Diffusion', aiKeywords: ['alpha'] });
    expect(tags.filter((t) => t.source === 'topic').length).toBe(3);
    expect(tags[3]).toEqual({ label: 'alpha', source: 'hf', why: 'HF keywords' });
  });

  it('trims keywords and drops empty, over-long and duplicate ones', () => {
    const aiKeywords = ['', '   ', 'x'.repeat(41), '  Skill Curation ', 'skill curation', 'Skill  curation', 'Memory'];
    expect(labels(paperTags({ title: 'Untaggable', aiKeywords }))).toEqual(['Skill Curation', 'Memory']);
    expect(labels(paperTags({ title: 'Untaggable', aiKeywords: ['y'.repeat(40)] }))).toEqual(['y'.repeat(40)]);
  });

  it('skips keywords that repeat a shown topic', () => {
    const aiKeywords = ['rl', 'Reinforcement Learning', 'GRPO', 'diffusion models', 'reward balancing'];
    // "rl" = label; "Reinforcement Learning"/"GRPO" = RL's own terms; "diffusion models" is
    // kept because Diffusion is not among the shown topics.
    expect(labels(paperTags({ title: 'Scaling RL', aiKeywords }))).toEqual([
      'RL', 'diffusion models', 'reward balancing',
    ]);
    // Title-only terms count too: "Benchmarks" restates the Benchmark chip.
    expect(labels(paperTags({ title: 'A Benchmark', aiKeywords: ['Benchmarks', 'agents'] }))).toEqual([
      'Benchmark', 'agents',
    ]);
  });

  it('works without abstract or keywords', () => {
    expect(paperTags({ title: 'Diffusion RL' })).toEqual(topicTags('Diffusion RL'));
    expect(paperTags({ title: '' })).toEqual([]);
  });
});

describe('evaluation on real labelled papers', () => {
  const byLabel = new Map(TOPICS.map((t) => [t.label, t.id]));

  it('is a real, well-formed labelled set', () => {
    expect(papers.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(TOPICS.map((t) => t.id));
    for (const p of papers) {
      expect(p.title.length, p.id).toBeGreaterThan(0);
      expect(p.abstract.length, p.id).toBeGreaterThan(100);
      for (const id of p.topics) expect(ids.has(id), `${p.id}: ${id}`).toBe(true);
    }
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
  });

  it('reaches micro precision ≥ 0.9 and recall ≥ 0.7', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const perTopic = new Map<string, { tp: number; fp: string[]; fn: string[] }>();
    const stats = (id: string) => {
      let s = perTopic.get(id);
      if (!s) perTopic.set(id, (s = { tp: 0, fp: [], fn: [] }));
      return s;
    };
    for (const p of papers) {
      const got = new Set(topicTags(p.title, p.abstract, 99).map((t) => byLabel.get(t.label)!));
      const gold = new Set(p.topics);
      for (const id of got) {
        if (gold.has(id)) {
          tp++;
          stats(id).tp++;
        } else {
          fp++;
          stats(id).fp.push(p.id);
        }
      }
      for (const id of gold) {
        if (!got.has(id)) {
          fn++;
          stats(id).fn.push(p.id);
        }
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const lines = [...perTopic]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, s]) => {
        const list = (xs: string[]) => xs.join(' ') || '-';
        return `  ${id.padEnd(17)} tp ${String(s.tp).padStart(2)}  fp ${list(s.fp)}  fn ${list(s.fn)}`;
      });
    console.log(
      `tags eval: ${papers.length} papers, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(tp ${tp}, fp ${fp}, fn ${fn})\n${lines.join('\n')}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.7);
  });
});

// Timing is printed, never asserted: a loaded CI machine must not fail a test on time
// (`npm run bench` measures it).
describe('performance', () => {
  it('tags 1000 papers (time printed)', () => {
    const inputs = Array.from({ length: 1000 }, (_, i) => {
      const p = papers[i % papers.length];
      // Vary the text so nothing can be served from a cache.
      return { title: `${p.title} ${i}`, abstract: `${p.abstract} (${i})` };
    });
    topicTags(inputs[0].title, inputs[0].abstract); // warm up
    const start = performance.now();
    let n = 0;
    for (const p of inputs) n += topicTags(p.title, p.abstract).length;
    const ms = performance.now() - start;
    console.log(`tags perf: 1000 papers in ${ms.toFixed(1)} ms (${n} tags)`);
    expect(n).toBeGreaterThan(1000);
  });
});
