import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { guardApiRequest } from '@/server/auth/guard-api-request';
import { jsonError } from '@/server/http/json-error';
import { readJsonBody } from '@/server/http/read-json-body';
import { createApiToken, createApiTokenSchema } from '@/server/tokens/create-api-token';
import { listApiTokens } from '@/server/tokens/list-api-tokens';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/tokens: the caller's tokens (name, prefix, dates; never a secret). */
export async function GET(request: Request): Promise<Response> {
  const guard = await guardApiRequest(request);
  if (!guard.ok) return guard.response;
  const tokens = await listApiTokens(getDb(getEnv().DATABASE_URL), guard.actor.userId);
  return Response.json({ tokens }, { headers: NO_STORE });
}

/** POST /api/tokens `{ "name": string }`: a new token; its secret is in this response only. */
export async function POST(request: Request): Promise<Response> {
  const guard = await guardApiRequest(request, { allowToken: false });
  if (!guard.ok) return guard.response;
  const body = await readJsonBody(request, createApiTokenSchema);
  if (!body.ok) return jsonError(body.status, body.error);
  const result = await createApiToken(getDb(getEnv().DATABASE_URL), guard.actor.userId, body.data);
  if (!result.ok) return jsonError(result.status, result.error);
  return Response.json({ ...result.token, token: result.secret }, { status: 201, headers: NO_STORE });
}
