import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { readJsonBody } from '@/server/http/read-json-body';
import { withRoute } from '@/server/http/with-route';
import { createApiToken, createApiTokenSchema } from '@/server/tokens/create-api-token';
import { listApiTokens } from '@/server/tokens/list-api-tokens';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/tokens: the caller's tokens (name, prefix, dates; never a secret). */
export const GET = withRoute({ name: 'GET /api/tokens', shape: 'api', auth: 'user' }, async (_request, { actor }) => {
  const tokens = await listApiTokens(getDb(getEnv().DATABASE_URL), actor.userId);
  return Response.json({ tokens }, { headers: NO_STORE });
});

/** POST /api/tokens `{ "name": string }`: a new token; its secret is in this response only. */
export const POST = withRoute(
  { name: 'POST /api/tokens', shape: 'api', auth: 'user', allowToken: false },
  async (request, { actor }) => {
    const body = await readJsonBody(request, createApiTokenSchema);
    if (!body.ok) return body;
    const result = await createApiToken(getDb(getEnv().DATABASE_URL), actor.userId, body.data);
    if (!result.ok) return result;
    return Response.json({ ...result.token, token: result.secret }, { status: 201, headers: NO_STORE });
  },
);
