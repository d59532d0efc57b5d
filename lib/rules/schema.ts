// User rules (options page): tag, mute and highlight rules, validated with zod before they are
// stored. zod/mini: used by the background and extension pages only, never by the content script
// (which receives rules already validated and compiles them with lib/rules/engine.ts).
//
// The messages are the ones the options page shows next to the field, so they speak to the user.
// A regex is refused with checkRegex's words (lib/rules/safe-regex.ts): the same check runs in the
// options page before sending, in the background before storing, and in the engine before running.
import { z } from '../zod';
import { MAX_REGEX_LENGTH, checkRegex } from './safe-regex';

export const RULE_ACTIONS = ['tag', 'mute', 'highlight'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/** Where a keyword or regex is looked for. */
export const RuleField = z.enum(['title', 'abstract', 'any'], { error: 'Look in the title, the abstract or either' });

const hasLetterOrDigit = (s: string) => /[\p{L}\p{N}]/u.test(s);

export const RuleMatch = z.discriminatedUnion(
  'type',
  [
    /** Whole words, case-insensitive; a space or hyphen matches either, or none ("state space" = "state-space"). */
    z.strictObject({
      type: z.literal('keyword'),
      value: z.string().check(
        z.trim(),
        z.minLength(1, 'Type a keyword'),
        z.maxLength(200, 'A keyword is at most 200 characters'),
        z.refine(hasLetterOrDigit, 'A keyword needs a letter or a digit'),
      ),
      field: z._default(RuleField, 'any'),
    }),
    /** A JavaScript regex (source + flags), refused when it could take too long (see safe-regex.ts). */
    z
      .strictObject({
        type: z.literal('regex'),
        source: z.string().check(z.minLength(1, 'Type a pattern'), z.maxLength(MAX_REGEX_LENGTH, `A pattern is at most ${MAX_REGEX_LENGTH} characters`)),
        flags: z._default(z.string().check(z.regex(/^[imsu]*$/, 'Flags can only be i, m, s and u'), z.maxLength(4, 'Flags can only be i, m, s and u')), 'i'),
        field: z._default(RuleField, 'any'),
      })
      .check(
        z.superRefine((m, ctx) => {
          // Said once: a pattern or flags already refused above are not checked again.
          if (typeof m.source !== 'string' || !m.source || m.source.length > MAX_REGEX_LENGTH) return;
          if (typeof m.flags !== 'string' || !/^[imsu]{0,4}$/.test(m.flags)) return;
          const problem = checkRegex(m.source, m.flags);
          if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['source'] });
        }),
      ),
    /** A tag the paper carries (topic, HF keyword, user or manual tag), case-insensitive. */
    z.strictObject({
      type: z.literal('tag'),
      value: z.string().check(z.trim(), z.minLength(1, 'Type a tag'), z.maxLength(80, 'A tag is at most 80 characters')),
    }),
    /** An author's name, case- and accent-insensitive: the whole name, or whole words of it. */
    z.strictObject({
      type: z.literal('author'),
      value: z.string().check(
        z.trim(),
        z.minLength(1, "Type an author's name"),
        z.maxLength(200, 'A name is at most 200 characters'),
        z.refine(hasLetterOrDigit, 'A name needs a letter'),
      ),
    }),
  ],
  { error: 'Match on a keyword, a regex, a tag or an author' },
);
export type RuleMatch = z.infer<typeof RuleMatch>;

export const Rule = z
  .strictObject({
    id: z.string().check(z.minLength(1, 'A rule needs an id'), z.maxLength(64, 'A rule id is at most 64 characters')),
    action: z.enum(RULE_ACTIONS, { error: 'A rule tags, mutes or highlights' }),
    match: RuleMatch,
    /** The tag a 'tag' rule gives. */
    tag: z.optional(z.string().check(z.trim(), z.minLength(1, 'Type the tag to give'), z.maxLength(40, 'A tag is at most 40 characters'))),
    /** Chip/accent colour, #rrggbb. */
    color: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb'))),
    enabled: z._default(z.boolean(), true),
  })
  .check(
    z.superRefine((r, ctx) => {
      if (r.action === 'tag' && !r.tag) ctx.addIssue({ code: 'custom', message: 'Type the tag to give', path: ['tag'] });
    }),
  );
export type Rule = z.infer<typeof Rule>;

export const MAX_RULES = 500;

export const RuleList = z.array(Rule).check(
  z.maxLength(MAX_RULES, `At most ${MAX_RULES} rules`),
  z.superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: 'Two rules share an id', path: [i, 'id'] });
      seen.add(r.id);
    });
  }),
);
