// The settings a content script needs (rules, topics off, keys), mirrored by the background into
// the extension's own storage (browser.storage.local: not readable by web pages). A content script
// reads them there at document_start without waking the background's service worker, which may
// be asleep (MV3) and take a few hundred milliseconds to answer its first message.
// No zod here: content scripts import this file.
import type { Settings } from './settings';

export const PAGE_SETTINGS_KEY = 'pageSettings';

export type PageSettings = Pick<Settings, 'rules' | 'disabledTopics' | 'dimSeen' | 'keyboard' | 'keys'>;

export function pageSettingsOf(s: Settings): PageSettings {
  return { rules: s.rules, disabledTopics: s.disabledTopics, dimSeen: s.dimSeen, keyboard: s.keyboard, keys: s.keys };
}

/** What storage holds under the key, if it has the shape the background writes (else undefined). */
export function readPageSettings(stored: Record<string, unknown>): PageSettings | undefined {
  const v = stored[PAGE_SETTINGS_KEY] as Partial<PageSettings> | undefined;
  const ok =
    !!v && typeof v === 'object' && Array.isArray(v.rules) && Array.isArray(v.disabledTopics) &&
    typeof v.dimSeen === 'boolean' && typeof v.keyboard === 'boolean' && !!v.keys && typeof v.keys === 'object';
  return ok ? (v as PageSettings) : undefined;
}
