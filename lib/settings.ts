// User settings: their schema and defaults. Stored by the background in the `settings` table, one
// row per key; pushed to open Hugging Face tabs when they change.
import { z } from './zod';
import { RuleList } from './rules/schema';

/** Keyboard triage actions on listing pages, and their default keys. */
export const KEY_ACTIONS = ['next', 'prev', 'star', 'hide', 'open', 'code', 'tags', 'undo', 'help'] as const;
export type KeyAction = (typeof KEY_ACTIONS)[number];
export const DEFAULT_KEYS: Record<KeyAction, string> = {
  next: 'j',
  prev: 'k',
  star: 's',
  hide: 'h',
  open: 'o',
  code: 'c',
  tags: 't',
  undo: 'u',
  help: '?',
};

/** One printable character per action (no modifiers), all different. */
const Keys = z
  .strictObject(Object.fromEntries(KEY_ACTIONS.map((a) => [a, z.string().check(z.length(1))])) as Record<KeyAction, z.ZodMiniString<string>>)
  .check(z.refine((k) => new Set(Object.values(k)).size === KEY_ACTIONS.length, 'two actions share a key'));

export const Settings = z.object({
  /** Ask huggingface.co's API for code links the page does not show. */
  enrichment: z.boolean(),
  /** The user's tag, mute and highlight rules. */
  rules: RuleList,
  /** Built-in topics the user turned off (by label). */
  disabledTopics: z.array(z.string().check(z.maxLength(80))).check(z.maxLength(200)),
  /** Toolbar badge: starred papers not yet read. */
  badge: z.boolean(),
  /** Dim cards of papers seen on an earlier visit. */
  dimSeen: z.boolean(),
  /** Keyboard triage on listing pages. */
  keyboard: z.boolean(),
  keys: Keys,
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  enrichment: true,
  rules: [],
  disabledTopics: [],
  badge: true,
  dimSeen: true,
  keyboard: true,
  keys: DEFAULT_KEYS,
};

export const SettingsPatch = z.partial(z.strictObject(Settings.shape));
export type SettingsPatch = z.infer<typeof SettingsPatch>;
