import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { apiError } from '@/server/api-v1/api-error';
import { apiRoute } from '@/server/api-v1/api-route';
import { requireActor } from '@/server/api-v1/authenticate';
import type { ApiMe } from '@/server/api-v1/schemas';

/** GET /api/v1/me: who the token (or session) belongs to; the CLI's login checks a token with it. */
export const GET = apiRoute('GET /api/v1/me', async (request: Request): Promise<Response> => {
  const actor = await requireActor(request);
  if (!actor.ok) return actor.response;
  const user = await getDb(getEnv().DATABASE_URL).user.findUnique({
    where: { id: actor.value.userId },
    select: { id: true, name: true, email: true, role: true },
  });
  if (!user) return apiError(401, 'unauthorized', 'This account no longer exists.');
  const me: ApiMe = user;
  return Response.json(me, { headers: { 'Cache-Control': 'no-store' } });
});
