import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { guardApiRequest } from '@/server/auth/guard-api-request';
import { isResourceId } from '@/server/http/is-resource-id';
import { jsonError } from '@/server/http/json-error';
import { revokeApiToken } from '@/server/tokens/revoke-api-token';

/** DELETE /api/tokens/[id]: revokes one of the caller's own tokens. */
export async function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const guard = await guardApiRequest(request, { allowToken: false });
  if (!guard.ok) return guard.response;
  const { id } = await context.params;
  if (!isResourceId(id)) return jsonError(404, 'You have no token with this id.');
  const result = await revokeApiToken(getDb(getEnv().DATABASE_URL), guard.actor.userId, id);
  if (!result.ok) return jsonError(result.status, result.error);
  return new Response(null, { status: 204 });
}
