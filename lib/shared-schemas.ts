// Schemas that both what the background is sent (lib/messages.ts) and what a backup holds
// (lib/library/backup.ts) check the same way: one rule each, in a module of their own, so that the
// backup's code (the library page writes backups, the background reads them) needs none of the
// message schemas.
import { isArxivId } from './hf/urls';
import { safeHttpsUrl } from './links/code-links';
import { z } from './zod';

export const arxivId = z.string().check(z.refine(isArxivId, 'not an arXiv id'));

/** Only https links are ever stored or rendered: the same rule as the page's (lib/links). */
export const httpsUrl = z.pipe(
  z.string().check(
    z.maxLength(2048),
    z.refine((s) => s.startsWith('https://') && safeHttpsUrl(s) !== null, 'not a safe https URL'),
  ),
  z.transform((s) => safeHttpsUrl(s)!), // stored in canonical form, never as sent
);
