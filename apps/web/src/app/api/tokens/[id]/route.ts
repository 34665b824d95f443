import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { isResourceId } from '@/server/http/is-resource-id';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { revokeApiToken } from '@/server/tokens/revoke-api-token';

/** DELETE /api/tokens/[id]: revokes one of the caller's own tokens (from a browser session). */
export const DELETE = withRoute(
  { name: 'DELETE /api/tokens/[id]', shape: 'api', auth: 'user', allowToken: false, params: ['id'] },
  async (_request, { actor, params: { id } }) => {
    if (!isResourceId(id)) return refuse(404, 'You have no token with this id.');
    const result = await revokeApiToken(getDb(getEnv().DATABASE_URL), actor.userId, id);
    return result.ok ? new Response(null, { status: 204 }) : result;
  },
);
