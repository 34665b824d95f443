import 'server-only';
import { type GuardResult, guardApiRequest } from '@/server/auth/guard-api-request';
import { jsonError } from '@/server/http/json-error';

/** guardApiRequest, then role ADMIN: every rescoring endpoint is for admins only. */
export async function guardAdminRequest(request: Request): Promise<GuardResult> {
  const guard = await guardApiRequest(request);
  if (!guard.ok || guard.actor.role === 'ADMIN') return guard;
  return { ok: false, status: 403, response: jsonError(403, 'Only admins can rescore.') };
}
