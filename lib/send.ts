// Extension pages' side of the protocol: a request whose reply never comes (no background, an
// extension update) answers as an error reply, which the pages show like any other. No zod here:
// the popup does not load it.
import type { Reply, Request } from './messages';

export function sendSafely(send: (request: Request) => Promise<Reply>, request: Request): Promise<Reply> {
  return send(request).catch((e: unknown): Reply => ({ ok: false, error: String(e) }));
}
