// User rules (options page): tag, mute and highlight rules, validated with zod before they are
// stored. Full zod: used by the background and extension pages only, never by the content script
// (which receives rules already validated and compiles them with lib/rules/engine.ts).
import { z } from 'zod';

export const RULE_ACTIONS = ['tag', 'mute', 'highlight'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/** Where a keyword or regex is looked for. */
export const RuleField = z.enum(['title', 'abstract', 'any']);

export const RuleMatch = z.discriminatedUnion('type', [
  /** Word-boundary, case-insensitive phrase. */
  z.strictObject({ type: z.literal('keyword'), value: z.string().trim().min(1).max(200), field: RuleField.default('any') }),
  /** A JavaScript regex (source + flags). */
  z.strictObject({
    type: z.literal('regex'),
    source: z.string().min(1).max(300),
    flags: z.string().regex(/^[imsu]*$/).max(4).default('i'),
    field: RuleField.default('any'),
  }),
  /** A tag the paper carries (topic, HF keyword, user or manual tag), case-insensitive. */
  z.strictObject({ type: z.literal('tag'), value: z.string().trim().min(1).max(80) }),
  /** An author's name, case- and accent-insensitive. */
  z.strictObject({ type: z.literal('author'), value: z.string().trim().min(1).max(200) }),
]);
export type RuleMatch = z.infer<typeof RuleMatch>;

export const Rule = z.strictObject({
  id: z.string().min(1).max(64),
  action: z.enum(RULE_ACTIONS),
  match: RuleMatch,
  /** The tag a 'tag' rule gives. */
  tag: z.string().trim().min(1).max(40).optional(),
  /** Chip/accent colour, #rrggbb. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  enabled: z.boolean().default(true),
});
export type Rule = z.infer<typeof Rule>;

export const RuleList = z.array(Rule).max(500);
