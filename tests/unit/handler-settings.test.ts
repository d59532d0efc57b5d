// The background's handler remembers the settings between questions (a page load asks with its
// cards): every way settings are written through it must be seen by the next question.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TriageDB } from '@/lib/db';
import { makeBackup } from '@/lib/library/backup';
import type { Request } from '@/lib/messages';
import { handleRequest, type HandlerDeps } from '@/lib/papers/handler';
import { createPaperService } from '@/lib/papers/service';
import { readSettings } from '@/lib/settings-store';

const ID = '2407.21783';
const PAPER = { id: ID, title: 'Latent Diffusion for Video', abstract: 'A video diffusion model.', authors: ['Ada Lovelace'], aiKeywords: [] };
let db: TriageDB;
let deps: HandlerDeps;
let n = 0;

beforeEach(() => {
  db = openDb(`handler-settings-${Math.random()}`);
  deps = { db, papers: createPaperService(db), enrich: { lookup: async () => ({ known: [], fetching: [] }) }, onStates: () => {}, newId: () => `r${++n}` };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const muted = async () => {
  const reply = await handleRequest(deps, { type: 'getStates', ids: [ID], papers: [PAPER] } satisfies Request, 'content');
  return reply.ok ? reply.facets?.[ID]?.muted?.reason : 'error';
};
const fromOptions = (msg: Request) => handleRequest(deps, msg, 'extension-page');

describe('settings remembered by the handler', () => {
  it('follows setSettings, muteTag, deleteRule and an applied backup', async () => {
    expect(await muted()).toBeUndefined(); // read (and remembered) here
    await fromOptions({ type: 'setSettings', patch: { rules: [{ id: 'k', action: 'mute', match: { type: 'keyword', value: 'video', field: 'any' }, enabled: true }] } });
    expect(await muted()).toBe('muted: "video" in title');
    await fromOptions({ type: 'setSettings', patch: { rules: [] } });
    expect(await muted()).toBeUndefined();

    const mute = await handleRequest(deps, { type: 'muteTag', tag: 'Diffusion' }, 'content');
    expect(await muted()).toBe('muted: tag Diffusion');
    await handleRequest(deps, { type: 'deleteRule', id: mute.ok ? mute.ruleId! : '' }, 'content');
    expect(await muted()).toBeUndefined();

    // A backup carrying a mute rule, applied: the next question sees it.
    const settings = { ...(await readSettings(db)), rules: [{ id: 'b', action: 'mute' as const, match: { type: 'author' as const, value: 'Ada Lovelace' }, enabled: true }] };
    const text = JSON.stringify(makeBackup({ papers: [], seen: [], settings }, Date.now()));
    const applied = await fromOptions({ type: 'importBackup', text, apply: true });
    expect(applied.ok).toBe(true);
    expect(await muted()).toBe('muted: author Ada Lovelace');
  });
});
