// Entry point for every message the background receives: sender check, zod parse, dispatch.
// Kept free of browser APIs so tests can drive it directly.
import { Request, type Reply } from '../messages';
import { pageKind } from '../hf/urls';
import type { PaperService } from './service';

export interface SenderInfo {
  /** The sending extension's id (runtime.MessageSender.id). */
  id?: string;
  /** The sending frame's URL. */
  url?: string;
  /** Set when a content script sent it. */
  tabUrl?: string;
}

/** Our own pages (popup) or our content script on a Hugging Face papers page; nothing else. */
export function isTrustedSender(sender: SenderInfo, ownId: string, ownOrigin: string): boolean {
  if (sender.id !== ownId) return false;
  const from = sender.url ?? sender.tabUrl ?? '';
  if (from.startsWith(ownOrigin)) return true;
  return pageKind(from) !== 'other';
}

export async function handleRequest(
  service: PaperService,
  raw: unknown,
  onChange: (states: Record<string, { starred: boolean; hidden: boolean }>) => void,
): Promise<Reply> {
  const parsed = Request.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: `invalid message: ${parsed.error.issues[0]?.message ?? 'unknown'}` };
  }
  const msg = parsed.data;
  switch (msg.type) {
    case 'getStates':
      return { ok: true, states: await service.getStates(msg.ids) };
    case 'setState': {
      const state = await service.setState(msg.id, msg.patch, msg.paper);
      const states = { [msg.id]: state };
      onChange(states);
      return { ok: true, states };
    }
  }
}
