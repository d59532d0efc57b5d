// The matcher's rules, one behaviour at a time. Precision/recall on real labelled papers:
// tags-eval.test.ts; timing: tests/bench/tags.bench.ts (never asserted here).
import { describe, it, expect } from 'vitest';
import { topicTags, paperTags, topicScores, type Tag, type TagSource } from '../../lib/tags/match';
import { TOPICS, TOPIC_LABELS } from '../../lib/tags/taxonomy';
import evalSet from './tags-eval.json';

const papers = evalSet.papers as { id: string; title: string; abstract: string }[];

const labels = (tags: Tag[]) => tags.map((t) => t.label);
/** Labels tagged from the title alone. */
const fromTitle = (title: string) => labels(topicTags(title, undefined, 99));

describe('taxonomy', () => {
  it('has about 40 topics with unique ids and labels, short labels, and non-empty phrase lists', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(38);
    expect(TOPICS.length).toBeLessThanOrEqual(45);
    expect(new Set(TOPICS.map((t) => t.id)).size).toBe(TOPICS.length);
    expect(new Set(TOPICS.map((t) => t.label.toLowerCase())).size).toBe(TOPICS.length);
    for (const t of TOPICS) {
      expect(t.label.split(' ').length, t.label).toBeLessThanOrEqual(2);
      expect(t.phrases.length, t.id).toBeGreaterThan(0);
      for (const c of t.context ?? []) expect(TOPICS.some((x) => x.id === c), `${t.id} → ${c}`).toBe(true);
    }
  });

  it('exports the labels in taxonomy order', () => {
    expect(TOPIC_LABELS).toEqual(TOPICS.map((t) => t.label));
  });

  it('covers the topics researchers look for', () => {
    for (const label of [
      'LLM', 'Reasoning', 'RL', 'Alignment', 'Diffusion', 'Flow Matching', 'Video', 'Image Gen', '3D', 'Robotics',
      'Speech/Audio', 'Multimodal', 'Agents', 'Retrieval', 'RecSys', 'Code', 'Efficiency', 'Safety', 'Benchmark',
      'Dataset', 'Few-Shot', 'Medical', 'Science', 'Theory', 'World Models', 'Hallucination', 'Fine-Tuning',
    ]) {
      expect(TOPIC_LABELS, label).toContain(label);
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
    expect(fromTitle('GANs Revisited')).toContain('Image Gen');
    expect(fromTitle('Why RLs Differ')).toContain('RL');
    expect(fromTitle('Probing Qwen3 and Llama-3.1')).toContain('LLM');
    expect(fromTitle('GPTQ Revisited')).not.toContain('LLM');
  });

  it('does not read a model family with a modality suffix as the text model', () => {
    expect(fromTitle('Qwen2.5-VL Reads Charts')).toEqual(['Multimodal']);
    expect(fromTitle('Editing with Qwen-Image')).not.toContain('LLM');
    expect(fromTitle('Distilling DeepSeek-R1 into Qwen3-8B')).toContain('LLM');
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
    expect(fromTitle('When No Benchmark Exists')).not.toContain('Benchmark');
    expect(fromTitle('Minimax Optimal Rates for Bandits')).toContain('Theory');
    expect(fromTitle('MiniMax Sparse Attention')).not.toContain('Theory');
  });

  it('keeps offsets right when lowercasing changes the length of the text', () => {
    // "İ" lowercases to two code units.
    const tags = topicTags('İİİ: Latent Diffusion for İstanbul', 'İİ flow matching İİ.', 99);
    expect(labels(tags)).toContain('Diffusion');
    expect(tags.find((t) => t.label === 'Flow Matching')?.why).toBe('abstract: "flow matching"');
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

  it('finds the new topics in titles, hyphenated or not', () => {
    const cases: [string, string][] = [
      ['Few-Shot Learning with Prototypes', 'Few-Shot'],
      ['Few Shot Learning with Prototypes', 'Few-Shot'],
      ['Zero-shot Transfer for Segmentation', 'Few-Shot'],
      ['Rectified Flow Transformers', 'Flow Matching'],
      ['Learning World Models from Video', 'World Models'],
      ['Mitigating Hallucinations in Captioning', 'Hallucination'],
      ['Federated Learning at the Edge', 'Privacy'],
      ['Measuring Gender Bias in Chatbots', 'Fairness'],
      ['Overcoming Catastrophic Forgetting', 'Continual Learning'],
      ['Masked Autoencoders Are Scalable Learners', 'Self-Supervised'],
      ['Muon Is Scalable for LLM Training', 'Optimization'],
      ['LoRA: Low-Rank Adaptation of Large Language Models', 'Fine-Tuning'],
    ];
    for (const [title, label] of cases) expect(fromTitle(title), title).toContain(label);
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

  it('tags from one decisive abstract term', () => {
    expect(labels(topicTags('A Study', 'We train the generator with flow matching.'))).toEqual(['Flow Matching']);
    expect(labels(topicTags('A Study', 'Policies are trained with online RL.'))).toEqual(['RL']);
    // A plain term stays a passing mention.
    expect(topicTags('A Study', 'Unlike reinforcement learning, we use no reward.')).toEqual([]);
  });

  it('lets a tagged topic give a weak mention its meaning', () => {
    const tags = topicTags('Humanoid Locomotion on Stairs', 'A controller trained with reinforcement learning.', 99);
    expect(labels(tags)).toEqual(['Robotics', 'RL']);
    expect(tags[1].why).toBe('abstract: "reinforcement learning"; with Robotics');
    // Without the context topic, the same mention is not enough.
    expect(labels(topicTags('Stairs', 'A controller trained with reinforcement learning.'))).toEqual([]);
  });

  it('exposes every topic with evidence and its score, below the threshold too', () => {
    const scores = topicScores('A Study', 'We compare against a reinforcement learning baseline.');
    expect(scores.map((s) => [TOPICS[s.topic].label, s.score, s.why])).toEqual([
      ['RL', 1, 'abstract: "reinforcement learning"'],
    ]);
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
    // Diffusion: three abstract terms (3); Flow Matching: one decisive term (2).
    expect(labels(tags)).toEqual(['Video', 'Diffusion', 'Flow Matching']);
    expect(tags[0].why).toBe('title: "Video"');
    expect(tags[1].why).toBe('abstract: "diffusion", "flow matching"');
    expect(tags[2].why).toBe('abstract: "flow matching"');
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

  it('takes an options object: max and disabled topics', () => {
    const title = 'Multimodal LLM Agents for Robot Video Diffusion Safety';
    const all = labels(topicTags(title, undefined, 99));
    expect(topicTags(title, undefined, { max: 2 })).toEqual(topicTags(title, undefined, 2));
    expect(topicTags(title, undefined, {})).toEqual(topicTags(title));
    const off = new Set([all[0], all[2]]);
    const tags = labels(topicTags(title, undefined, { max: 99, disabledTopics: off }));
    expect(tags).toEqual(all.filter((l) => !off.has(l)));
    // The next topics move up into the free slots.
    const firstThree = all.filter((l) => !off.has(l)).slice(0, 3);
    expect(labels(topicTags(title, undefined, { disabledTopics: off }))).toEqual(firstThree);
    // Labels, exactly as in TOPIC_LABELS.
    expect(labels(topicTags(title, undefined, { max: 99, disabledTopics: new Set(['robotics']) }))).toEqual(all);
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

describe('topicTags: claimed contributions', () => {
  const has = (title: string, abstract: string, label: string) =>
    topicTags(title, abstract, 41).some((t) => t.label === label);

  it('counts a benchmark the authors announce, in the same sentence', () => {
    const announced = 'We therefore introduce PALATE (a user-simulation protocol), a scalable RPA benchmark built on simulators.';
    expect(has('Person-Aligned User Simulation', announced, 'Benchmark')).toBe(true);
    expect(has('Knowledge Editing', 'We proposed HalluEditBench to test editing methods.', 'Benchmark')).toBe(true);
    const why = topicTags('Knowledge Editing', 'We proposed HalluEditBench to test editing.', 41)[0].why;
    expect(why).toContain('"HalluEditBench"');
  });

  it('ignores benchmarks a method is evaluated on, plurals and other sentences', () => {
    expect(has('A Method', 'We propose X. It is the best on the VBench benchmark.', 'Benchmark')).toBe(false);
    expect(has('A Method', 'We propose X, which wins on three benchmarks.', 'Benchmark')).toBe(false);
    expect(has('A Method', 'Results on KernelBench improve. We propose nothing.', 'Benchmark')).toBe(false);
    // Too far from the verb: a long method description is not an announcement.
    const far = 'We propose X, ' + 'a method that works well in many settings, '.repeat(5) + 'as the benchmark shows.';
    expect(has('A Method', far, 'Benchmark')).toBe(false);
  });
});

describe('topicTags: asides (a topic used on the way)', () => {
  const stage =
    'We train a web agent. The model is built with continual pre-training, supervised fine-tuning (SFT) and ' +
    'reinforcement learning with PPO. It browses websites to answer questions.';

  it('does not count a term in a sentence that names it as one training stage', () => {
    expect(labels(topicTags('A web assistant', stage, 99))).not.toContain('RL');
    expect(topicScores('A web assistant', stage).some((s) => TOPICS[s.topic].id === 'rl')).toBe(false);
  });

  it('counts the same terms in other sentences, and decisive terms anywhere', () => {
    const core = 'We study reinforcement learning for web agents. Our PPO variant stabilises training.';
    expect(labels(topicTags('A web assistant', core, 99))).toContain('RL');
    const decisive = 'After SFT, online RL improves the policy. It browses websites to answer questions.';
    expect(labels(topicTags('A web assistant', decisive, 99))).toContain('RL');
  });

  it('keeps title evidence whatever the abstract says', () => {
    expect(labels(topicTags('Reinforcement Learning for Web Agents', stage, 99))).toContain('RL');
  });

  it('does not count a video listed among input modalities', () => {
    const listed = 'Tasks span three input modalities (text, image, video). Videos show the page in motion.';
    expect(labels(topicTags('Web coding evaluation', listed, 99))).not.toContain('Video');
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

  it('takes an options object and never produces a disabled topic', () => {
    const aiKeywords = ['alpha', 'beta'];
    const p = { title: 'Diffusion RL', abstract, aiKeywords };
    expect(paperTags(p, { max: 4 })).toEqual(paperTags(p, 4));
    const withoutRl = ['Diffusion', 'Alignment', 'alpha', 'beta'];
    expect(labels(paperTags(p, { disabledTopics: new Set(['RL']) }))).toEqual(withoutRl);
    expect(labels(paperTags(p, { disabledTopics: new Set(TOPIC_LABELS) }))).toEqual(['alpha', 'beta']);
  });

  it('works without abstract or keywords', () => {
    expect(paperTags({ title: 'Diffusion RL' })).toEqual(topicTags('Diffusion RL'));
    expect(paperTags({ title: '' })).toEqual([]);
  });

  it('types user and manual tags with a colour', () => {
    const sources: TagSource[] = ['topic', 'hf', 'user', 'manual'];
    const tag: Tag = { label: 'To read', source: 'user', why: 'rule: title has "agent"', color: '#aa3300' };
    expect(sources).toContain(tag.source);
  });
});
