import 'server-only';
import { jsonError } from '@/server/http/json-error';
import { type GuardResult, guardApiRequest } from './guard-api-request.ts';

/**
 * guardApiRequest, then role ADMIN: every /api/admin endpoint. Browser sessions only, not API
 * tokens: a leaked token then cannot moderate, rescore or change roles.
 */
export async function guardAdminRequest(request: Request): Promise<GuardResult> {
  const guard = await guardApiRequest(request, { allowToken: false });
  if (!guard.ok || guard.actor.role === 'ADMIN') return guard;
  return { ok: false, status: 403, response: jsonError(403, 'Only admins can do this.') };
}
