import 'server-only';
import type { Refused } from '@/server/http/refusal';
import { type Actor, authenticateRequest } from './authenticate-request.ts';
import { guardApiRequest } from './guard-api-request.ts';

export type ApiViewer = { ok: true; viewer: Actor | null } | Refused;

/**
 * For reads anyone may make, where who asks decides what they see (private entries). A token
 * goes through the full guard (a bad one is refused, and token calls are rate limited); a
 * browser session is optional.
 */
export async function identifyApiViewer(request: Request): Promise<ApiViewer> {
  if (request.headers.has('authorization')) {
    const guard = await guardApiRequest(request);
    return guard.ok ? { ok: true, viewer: guard.actor } : guard;
  }
  const authentication = await authenticateRequest(request.headers);
  return { ok: true, viewer: authentication.kind === 'actor' ? authentication.actor : null };
}
