/**
 * Built-in topic taxonomy for tagging papers from their title and abstract.
 *
 * Pattern syntax (compiled once by `match.ts`):
 * - `phrases`: case-insensitive whole words. A space or hyphen inside a phrase
 *   matches any run of spaces/hyphens, and a hyphen may also be absent
 *   ("multi-modal" matches "multimodal"). The last word also matches its plural
 *   ("agent" → "agents", "policy" → "policies"). A trailing `*` matches any word
 *   ending ("quantiz*" → "quantization", "quantized"), a leading `*` any name
 *   prefix ("*bench" → "KernelBench", "MMDG-Bench").
 * - `acronyms`: case-sensitive whole words with an optional plural `s`, so "RL"
 *   never matches inside "URL"/"world" and "SAM" never matches "same". A trailing
 *   `*` allows a version suffix ("Qwen*" → "Qwen3", "Qwen2.5"), but not a modality
 *   suffix: "Qwen2.5-VL", "Qwen-Image" name other models than "Qwen".
 * - `titleOnly`: phrases that only count in the title. "Dataset" in a title
 *   announces one; "datasets" in an abstract is usually the evaluation setup.
 * - `exclude`: case-insensitive phrases (same syntax as `phrases`); a phrase or
 *   acronym hit that starts inside an excluded span is ignored for this topic.
 * - A leading `!` marks a decisive phrase or acronym: a paper names it only when
 *   the topic is its own ("flow matching", "world model", "online RL"), so one
 *   abstract mention is enough. Other terms need a second term, a title hit,
 *   repetition, or a `context` topic.
 * - `context`: see below. Used sparingly: on the labelled set, one abstract
 *   mention is as often a passing one as not, for most terms.
 *
 * Order matters only to break score ties: specific topics come first, broad
 * ones (LLM, Benchmark, Dataset) last, so the few chips shown are informative.
 */
export interface Topic {
  id: string;
  /** Short (1–2 words): rendered as a small chip. */
  label: string;
  phrases: string[];
  acronyms?: string[];
  /** Like `phrases`, but only counted in the title: in abstracts they are routine. */
  titleOnly?: string[];
  /**
   * Singular phrases counted in the abstract only where the authors announce them as
   * their contribution, in the same sentence and shortly after "we introduce / present /
   * propose / construct / release…" ("We introduce PALATE, a scalable RPA benchmark").
   * Then one is decisive. Elsewhere ("results on the X benchmark") they do not count.
   */
  claims?: string[];
  exclude?: string[];
  /**
   * Phrases that mark an abstract sentence as using the topic on the way, not studying it:
   * a term of the topic in the same sentence does not count ("a pipeline of continual
   * pre-training, supervised fine-tuning and reinforcement learning": RL as one stage).
   */
  asides?: string[];
  /**
   * Ids of topics that give a weak mention its meaning: when the paper is tagged
   * with one of them, a single abstract term is enough ("reinforcement learning"
   * once in a Robotics paper: the controller is trained with RL).
   */
  context?: string[];
}

export const TOPICS: readonly Topic[] = [
  {
    id: 'alignment',
    label: 'Alignment',
    phrases: [
      'preference optimization', 'preference optimisation', 'human preference', 'preference alignment',
      'preference data', 'reward model', 'reward modeling', 'human feedback', 'constitutional',
      'value alignment', 'alignment training', 'safety alignment', 'misalignment', 'aligned model',
      'aligning diffusion model', 'aligning language model', 'aligning large language model', 'reward hacking',
      'reward fine-tuning', 'preference learning', 'bradley-terry', 'sycophan*', 'superalignment', 'alignment tax',
    ],
    acronyms: ['RLHF', 'RLAIF', 'DPO', 'KTO', 'ORPO', 'SimPO'],
  },
  {
    id: 'rl',
    label: 'RL',
    phrases: [
      'reinforcement learning', 'inverse reinforcement learning', 'policy optimization', 'policy optimisation',
      'policy gradient', 'verifiable reward', 'actor-critic', 'q-learning', 'reward shaping', 'trust region',
      '!online RL', '!RL training', '!RL fine-tuning', '!reinforcement learning fine-tuning',
      '!RL post-training', '!reinforcement learning stage', '!offline RL', '!model-based RL', 'markov decision process',
      'value function', 'advantage estimat*',
    ],
    acronyms: [
      'RL', 'IRL', 'RLVR', 'GRPO', 'PPO', 'DAPO', 'MARL', 'DQN', 'SAC', 'TRPO', 'MDP', 'RLOO', 'REINFORCE', 'DDPG',
    ],
    context: ['agents', 'robotics', 'reasoning'],
    // RL named as one stage of a training recipe.
    asides: ['supervised fine-tuning', 'SFT', 'pre-training', 'cold start'],
  },
  {
    id: 'reasoning',
    label: 'Reasoning',
    phrases: [
      'reasoning', 'chain-of-thought', 'reasoning model', 'test-time scaling', 'deductive',
      'logical reasoning', 'latent reasoning', 'mathematical reasoning', 'math reasoning', 'thinking',
      'test-time compute', 'reasoning trace', 'process reward', 'overthinking', 'self-consistency', 'self-reflection',
    ],
    acronyms: ['CoT'],
    // Evaluating on reasoning benchmarks is routine, not the topic.
    exclude: ['reasoning benchmark'],
  },
  {
    id: 'math',
    label: 'Math',
    phrases: [
      'mathematician', 'theorem proving', 'theorem prover', 'math reasoning', 'mathematical reasoning',
      'olympiad', 'math word problem', 'autoformalization', 'formal proof', 'mathematical discovery',
      'math problem', 'competition math', 'formal theorem', 'geometry problem',
    ],
    acronyms: ['Lean*', 'miniF2F'],
  },
  {
    id: 'code',
    label: 'Code',
    phrases: [
      'code generation', 'coding', 'software engineering', 'program synthesis', 'code completion',
      'code repair', 'code llm', 'code model', 'coding agent', 'kernel generation',
      'repository-level', 'machine learning engineering', 'programming', 'gpu kernel', 'code agent', 'bug fix*',
      'unit test', 'software development', 'code editing', 'code review', 'text-to-SQL', 'compiler',
    ],
    acronyms: ['SWE-bench', 'HumanEval', 'MBPP', 'LiveCodeBench'],
    // Evaluating on coding benchmarks is routine, not the topic.
    exclude: [
      'quadratic programming', 'linear programming', 'dynamic programming', 'integer programming',
      'coding benchmark', 'code benchmark',
    ],
  },
  {
    id: 'agents',
    label: 'Agents',
    phrases: [
      'agent', 'agentic', 'tool use', 'tool calling', 'function calling', 'tool learning',
      'web agent', 'gui agent', 'computer-use', 'multi-agent', 'deep research', 'deep search',
      'web navigation', 'web browsing', 'browsing agent', 'tool-augmented', 'tool retrieval', 'tool catalog',
    ],
    acronyms: ['MCP'],
    // Non-LLM senses of "agent": RL/traffic actors.
    exclude: ['multi-agent reinforcement learning', 'agent type', 'traffic agent', 'multi-agent simulator'],
  },
  {
    id: 'retrieval',
    label: 'Retrieval',
    phrases: [
      'retrieval', 'retrieval-augmented', 'retriever', 'reranking', 'reranker', 'dense retrieval',
      'information retrieval', 'search engine', 'embedding model', 'vector search', 'nearest neighbor search',
      'web search', 'search agent', 'agentic search', 'literature search', 'deep search', 'deep research',
      'approximate nearest neighbor', 'vector index', 'nearest-neighbor retrieval', 'image retrieval',
    ],
    acronyms: ['RAG', 'BM25', 'Faiss', 'FAISS', 'kNN', 'IVF'],
    exclude: ['music information retrieval'],
  },
  {
    id: 'long-context',
    label: 'Long Context',
    phrases: [
      'long context', 'context window', 'context length', 'long sequence', 'million tokens',
      'long input', 'needle in a haystack', 'length extrapolation', 'long document', 'context extension',
      'position interpolation',
    ],
    acronyms: ['LongBench'],
  },
  {
    id: 'efficiency',
    label: 'Efficiency',
    phrases: [
      'quantiz*', 'quantis*', 'pruning', 'knowledge distillation', 'step distillation',
      'diffusion distillation', 'few-step', 'model compression', 'token compression', 'token pruning',
      'sparse attention', 'kv cache', 'speculative decoding', 'inference cost', 'efficient inference',
      'inference efficiency', 'training efficiency', 'speedup', 'memory-efficient', 'memory footprint',
      'on-device', 'edge device', 'lightweight student', 'flops savings', 'low-bit',
      'acceleration', 'memory consumption', 'memory reduction', 'inference speed', 'throughput',
      'quadratic cost', 'quadratic complexity', 'linear complexity', 'efficient training', 'accelerating training',
      'token merging', 'early exit', 'mixed-precision', 'binariz*', 'sparsity',
    ],
    acronyms: ['FlashAttention*', 'FP8', 'INT8', 'INT4'],
    // "Efficient ..." in a title announces the topic; in abstracts it is routine praise.
    titleOnly: ['efficient', 'efficiently', 'faster'],
    exclude: ['hardware acceleration'],
  },
  {
    id: 'safety',
    label: 'Safety',
    phrases: [
      'safety', 'jailbreak*', 'red teaming', 'harmful', 'content moderation', 'adversarial attack',
      'backdoor', 'unsafe', 'toxicity', 'guardrail', 'misuse', 'prompt injection', 'attack success rate',
      'misalignment', 'blackmail', 'adversarial robustness', 'security', 'vulnerabilit*', 'malicious',
      'watermark*', 'deepfake', 'refusal',
    ],
    // Physical/road safety is not AI safety.
    exclude: ['vehicle safety', 'driving safety', 'road safety'],
  },
  {
    id: 'medical',
    label: 'Medical',
    phrases: [
      'medical', 'clinical', 'clinician', 'biomedical', 'medicine', 'healthcare', 'patient',
      'radiology', 'pathology', 'surgical', 'dermatology', 'electronic health record', 'disease',
      'x-ray', 'ct scan', 'hospital', 'mental health',
    ],
    acronyms: ['EHR', 'MRI', 'ECG', 'EEG'],
  },
  {
    id: 'science',
    label: 'Science',
    phrases: [
      'chemistry', 'chemical', 'molecul*', 'protein', 'drug discovery', 'drug design', 'materials science',
      'physics', 'quantum', 'biology', 'biological', 'genomic*', 'life science', 'climate',
      'weather', 'scientific discovery', 'ai for science', 'scientific literature', 'quantum circuit',
      'quantum simulat*', 'quantum chemistry', 'quantum computing', 'single-cell', 'gene expression',
      'partial differential equation', 'fluid dynamics', 'neuroscience', 'astronom*', 'materials discovery',
      'crystal structure', 'earth science',
    ],
    acronyms: ['DNA', 'RNA', 'PDE'],
    exclude: ['physics engine', 'physics-based', 'physics simulat*'],
  },
  {
    id: 'audio',
    label: 'Speech/Audio',
    phrases: [
      'speech', 'audio', 'music', 'spoken', 'voice', 'text-to-speech', 'speaker', 'acoustic',
      'piano', 'sound event', 'sound source', 'phonetic', 'phonological',
    ],
    acronyms: ['ASR', 'TTS', 'MIDI'],
  },
  {
    id: 'world-model',
    label: 'World Models',
    phrases: [
      '!world model', '!world action model', 'world simulator', 'interactive video generation',
      'action-conditioned video', 'learned simulator', 'neural simulator', 'playable', 'game engine', 'dynamics model',
    ],
    acronyms: ['WAM', 'Genie*'],
  },
  {
    id: 'video',
    label: 'Video',
    phrases: ['video', 'text-to-video', 'frame interpolation', 'temporal consistency', 'video world model'],
    acronyms: ['VOS'],
    // A monocular video as the input of 3D reconstruction is not video work.
    exclude: ['monocular video'],
    context: ['multimodal', 'audio', 'world-model'],
    // Video listed among input modalities.
    asides: ['modalities'],
  },
  {
    id: 'image-gen',
    label: 'Image Gen',
    phrases: [
      'image generation', 'text-to-image', 'image synthesis', 'image editing', 'inpainting',
      'outpainting', 'image generator', 'generated image', 'style transfer', 'stable diffusion',
      'image fidelity', 'visual fidelity', 'generative adversarial network', 'subject-driven', 'virtual try-on',
      'image tokenizer', 'visual tokenizer',
    ],
    acronyms: ['T2I', 'FID', 'gFID', 'SDXL', 'GAN', 'FLUX*', 'SD3*', 'DALL-E*'],
  },
  {
    id: 'flow-matching',
    label: 'Flow Matching',
    phrases: [
      '!flow matching', '!rectified flow', 'flow-based generative model', 'continuous normalizing flow',
      'velocity field', 'stochastic interpolant', 'mean flow', 'flow-based',
    ],
    acronyms: ['CFM', 'MeanFlow', 'ReFlow'],
  },
  {
    id: 'diffusion',
    label: 'Diffusion',
    phrases: [
      'diffusion', 'flow matching', 'denoising', 'score matching', 'rectified flow', 'consistency model',
      'latent diffusion', 'stable diffusion', 'score-based', 'diffusion transformer',
    ],
    acronyms: ['DiT', 'DDPM', 'DDIM'],
    exclude: ['information diffusion', 'knowledge diffusion'],
  },
  {
    id: '3d',
    label: '3D',
    phrases: [
      '3d', 'gaussian splatting', 'point cloud', 'neural radiance field', 'mesh', 'novel view synthesis',
      'multi-view', 'avatar', '3d reconstruction', 'neural field', 'structure-from-motion', 'voxel',
      'signed distance function',
    ],
    acronyms: ['NeRF', '3DGS', 'SMPL', 'SMPL-X', 'SLAM', 'LiDAR'],
  },
  {
    id: 'robotics',
    label: 'Robotics',
    phrases: [
      'robot', 'robotic', 'robotics', 'humanoid', 'embodied', 'locomotion', 'grasp*', 'sim-to-real',
      'vision-language-action', 'quadcopter', 'drone', 'dexterous', 'legged', 'robot manipulation',
      'robotic manipulation', 'manipulation task', 'imitation learning', 'behavior cloning', 'visuomotor',
      'action chunk', 'teleoperation', 'gripper', 'end-effector', 'quadruped',
    ],
    acronyms: ['VLA', 'UAV'],
  },
  {
    id: 'driving',
    label: 'Driving',
    phrases: [
      'autonomous driving', 'driving', 'self-driving', 'autonomous vehicle', 'traffic', 'pedestrian',
      'dash-cam', 'motion planning', 'trajectory prediction',
    ],
    acronyms: ['NAVSIM', 'nuScenes', 'BEV', 'CARLA', 'Waymo'],
  },
  {
    id: 'multimodal',
    label: 'Multimodal',
    phrases: [
      'multi-modal', 'vision-language', 'omni-modal', 'visual question answering', 'image-text',
      'audio-visual', 'cross-modal', 'image captioning', 'video captioning', 'mixed-modal',
      'visual reasoning', 'qwen-vl', 'qwen2-vl', 'qwen2.5-vl', 'qwen3-vl', 'qwen2.5-omni', 'qwen3-omni',
    ],
    acronyms: ['VLM', 'MLLM', 'LVLM', 'VQA', 'LLaVA*', 'InternVL*'],
    // Pixel-level fusion of sensor modalities (e.g. infrared + visible) is low-level vision.
    exclude: ['multi-modal image fusion'],
  },
  {
    id: 'vision',
    label: 'Vision',
    phrases: [
      'object detection', 'segmentation', 'depth estimation', 'pose estimation', 'image classification',
      'action recognition', 'computer vision', 'visual representation', 'optical flow', 'dense prediction',
      'image recognition', 'remote sensing', 'super-resolution', 'image restoration', 'image fusion',
      'text recognition', 'vision foundation model', 'visual foundation model', 'object tracking',
      'visual perception', 'keypoint', 'surface normal', 'bounding box', 'matting', 'saliency',
      'face recognition', 're-identification', 'visual tracking',
    ],
    acronyms: ['ViT', 'OCR', 'SAM', 'SAM2', 'COCO'],
    // Non-visual segmentation.
    exclude: ['phone segmentation', 'speech segmentation', 'word segmentation', 'text segmentation'],
  },
  {
    id: 'graph',
    label: 'Graph',
    phrases: [
      'graph neural network', 'knowledge graph', 'graph learning', 'node classification', 'link prediction',
      'graph transformer', 'molecular graph', 'graph representation',
    ],
    acronyms: ['GNN', 'GCN'],
  },
  {
    id: 'time-series',
    label: 'Time Series',
    phrases: ['time series', 'forecasting', 'temporal forecasting', 'spatio-temporal forecasting'],
  },
  {
    id: 'recsys',
    label: 'RecSys',
    phrases: ['recommendation', 'recommender', 'collaborative filtering', 'click-through', 'user modeling'],
    acronyms: ['CTR'],
  },
  {
    id: 'multilingual',
    label: 'Multilingual',
    phrases: [
      'multilingual', 'machine translation', 'translation', 'cross-lingual', 'low-resource language',
      'bilingual', 'german', 'arabic', 'indic', 'hindi', 'japanese', 'korean', 'speech translation',
      'non-english', 'code-switching', 'african language',
    ],
    // Language names that are mostly evaluation splits (English, Chinese) are left out.
    exclude: ['image-to-image translation'],
  },
  {
    id: 'interpretability',
    label: 'Interpretability',
    phrases: [
      'interpretability', 'mechanistic*', 'probing', 'activation steering', 'steering vector',
      'sparse autoencoder', 'knowledge circuit', 'circuit discovery', 'activation patching',
      'causal intervention', 'logit lens', 'internal representation', 'neuron', 'explainab*',
      'feature attribution', 'superposition', 'attention head', 'representation engineering', 'linear probe',
    ],
    acronyms: ['SAE'],
    exclude: ['quantum circuit', 'peaked circuit'],
  },
  {
    id: 'theory',
    label: 'Theory',
    phrases: [
      'theoretical analysis', 'we prove', 'convergence analysis', 'generalization bound', 'sample complexity',
      'regret bound', 'provabl*', 'theoretically', 'convergence guarantee', 'lower bound', 'upper bound',
      'minimax optimal', 'minimax rate', 'minimax lower bound', 'pac-bayes*', 'information-theoretic',
      'learning theory', 'expressive power',
    ],
  },
  {
    id: 'architecture',
    label: 'Architecture',
    phrases: [
      'mixture-of-experts', 'linear attention', 'state space model', 'mamba', 'attention mechanism',
      'residual stream', 'attention residual', 'expert routing', 'router', 'transformer architecture',
      'hybrid architecture', 'sparse attention', 'grouped query attention', 'embedding layer',
      'positional encoding', 'position embedding', 'kolmogorov-arnold network', 'recurrent neural network',
    ],
    acronyms: ['MoE', 'SSM', 'GQA', 'RoPE', 'RNN'],
  },
  {
    id: 'hallucination',
    label: 'Hallucination',
    phrases: [
      'hallucinat*', 'factuality', 'factual consistency', 'factual error', 'faithfulness', 'unfaithful',
      'groundedness', 'fact-check*', 'confabulation', 'misinformation',
    ],
  },
  {
    id: 'privacy',
    label: 'Privacy',
    phrases: [
      'privacy', 'differential privacy', 'differentially private', 'federated learning', 'membership inference',
      'machine unlearning', 'unlearning', 'training data extraction', 'de-anonymiz*', 'anonymiz*',
      'personally identifiable',
      'obfuscation',
    ],
    acronyms: ['PII', 'DP-SGD'],
  },
  {
    id: 'fairness',
    label: 'Fairness',
    phrases: [
      'fairness', 'demographic bias', 'social bias', 'gender bias', 'racial bias', 'stereotyp*', 'debiasing',
      'bias mitigation', 'protected attribute', 'cultural bias', 'demographic group',
    ],
  },
  {
    id: 'continual',
    label: 'Continual Learning',
    phrases: [
      '!continual learning', '!lifelong learning', 'catastrophic forgetting', 'class-incremental',
      'task-incremental', 'domain-incremental', 'incremental learning', 'continual pre-training', 'forgetting',
      'backward-compatible', 'compatible representation', 'continual adaptation',
    ],
  },
  {
    id: 'self-supervised',
    label: 'Self-Supervised',
    phrases: [
      'self-supervised', 'contrastive learning', 'contrastive loss', 'representation learning',
      'masked autoencoder', 'masked image modeling', 'pretext task', 'unlabeled data', 'contrastive pre-training',
      'video MAE', 'joint-embedding predictive',
    ],
    // Not "MAE" alone: mean absolute error.
    acronyms: ['JEPA', 'V-JEPA', 'VideoMAE', 'SimCLR', 'MoCo', 'BYOL', 'DINO*', 'iBOT', 'SSL'],
  },
  {
    id: 'optimization',
    label: 'Optimization',
    phrases: [
      'optimizer', 'learning rate', 'learning-rate schedule', 'weight decay', 'stochastic gradient descent',
      'gradient descent', 'second-order optimization', 'loss landscape', 'training dynamics', 'training stability',
      'convergence rate', 'sharpness-aware', 'adaptive gradient', 'hyperparameter transfer',
    ],
    acronyms: ['SGD', 'Adam', 'AdamW', 'Muon', 'Shampoo', 'muP'],
  },
  {
    id: 'fine-tuning',
    label: 'Fine-Tuning',
    phrases: [
      'parameter-efficient fine-tuning', 'low-rank adaptation', 'adapter', 'prompt tuning', 'prefix tuning',
      'model merging',
      'knowledge injection', 'catastrophic forgetting', 'fine-tuning method', 'full fine-tuning',
    ],
    acronyms: ['LoRA', 'QLoRA', 'DoRA', '!PEFT'],
    titleOnly: ['fine-tuning', 'finetuning'],
  },
  {
    id: 'few-shot',
    label: 'Few-Shot',
    phrases: [
      'few-shot', 'zero-shot', 'one-shot learning', 'in-context learning', 'open-vocabulary', 'meta-learning',
      'novel categories', 'novel classes', 'unseen categories', 'unseen classes', 'k-shot',
    ],
  },
  {
    id: 'benchmark',
    label: 'Benchmark',
    phrases: [
      'benchmarking', '!a benchmark', '!new benchmark', '!benchmark suite', '!comprehensive benchmark',
      '!unified benchmark', 'evaluation suite', 'evaluation benchmark', 'evaluation framework',
      '!benchmark study', 'leaderboard',
    ],
    // "*bench" = named benchmarks ("KernelBench-X", "MMDG-Bench"); in abstracts
    // those are mostly the ones a paper evaluates on.
    titleOnly: ['benchmark', '*bench'],
    claims: ['benchmark', '*bench'],
    exclude: ['workbench', 'no benchmark', 'without a benchmark'],
  },
  {
    id: 'dataset',
    label: 'Dataset',
    phrases: [
      'a dataset', '!new dataset', 'large-scale dataset', 'curated dataset', 'a corpus', 'data curation',
      '!dataset consisting', 'dataset of', 'our dataset', 'proposed dataset',
    ],
    titleOnly: ['dataset', 'corpus'],
  },
  {
    id: 'llm',
    label: 'LLM',
    phrases: [
      'large language model', 'language model', 'language modeling', 'instruction tuning',
      'next-token prediction', 'perplexity', 'on-policy distillation', 'on-policy self-distillation',
      'mid-training', 'speculative decoding', 'scaling law', 'trillion token',
    ],
    // Model families and LLM-only evaluation suites show LLM experiments.
    acronyms: [
      'LLM', 'Llama*', 'LLaMA*', 'Qwen*', 'Mistral', 'Mixtral', 'Gemma*', 'Pythia', 'OLMo*', 'DeepSeek*',
      'Chinchilla', 'MMLU', 'GSM8K', 'GPQA',
    ],
    // One mention of an LLM in a paper on agents, reasoning, RL, long context or model
    // architecture: the system studied is an LLM (an Agents paper built on "an LLM").
    context: ['reasoning', 'alignment', 'long-context', 'architecture', 'hallucination'],
    // Vision-/multimodal LMs belong to Multimodal.
    exclude: [
      'multi-modal large language model', 'omni-modal large language model', 'vision-language model',
      'vision foundation model', 'visual foundation model',
    ],
  },
];

/** Topic labels in taxonomy order (the options page's on/off list; `disabledTopics` holds these). */
export const TOPIC_LABELS: readonly string[] = TOPICS.map((t) => t.label);
