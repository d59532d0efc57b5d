// User settings: their schema and defaults. Stored by the background in the `settings` table.
import { z } from 'zod';

export const Settings = z.object({
  /** Ask huggingface.co's API for code links the page does not show. */
  enrichment: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { enrichment: true };

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
