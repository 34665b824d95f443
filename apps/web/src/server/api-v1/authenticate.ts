import 'server-only';
import type { Actor } from '@/server/auth/authenticate-request';
import { guardApiRequest } from '@/server/auth/guard-api-request';
import { identifyApiViewer } from '@/server/auth/identify-api-viewer';
import { reshapeRefusal } from './api-error.ts';

export type Authorised<T> = { ok: true; value: T } | { ok: false; response: Response };

/** guardApiRequest (CSRF, token or session, rate limit) with its refusals in the /api/v1 shape. */
export async function requireActor(request: Request): Promise<Authorised<Actor>> {
  const guard = await guardApiRequest(request);
  if (!guard.ok) return { ok: false, response: await reshapeRefusal(guard.response) };
  return { ok: true, value: guard.actor };
}

/** identifyApiViewer for public reads: anonymous is fine, a bad token is refused. */
export async function identifyViewer(request: Request): Promise<Authorised<Actor | null>> {
  const identified = await identifyApiViewer(request);
  if (!identified.ok) return { ok: false, response: await reshapeRefusal(identified.response) };
  return { ok: true, value: identified.viewer };
}
