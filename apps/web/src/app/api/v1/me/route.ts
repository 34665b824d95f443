import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import type { ApiMe } from '@/server/api-v1/schemas';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';

/** GET /api/v1/me: who the token (or session) belongs to; the CLI's login checks a token with it. */
export const GET = withRoute({ name: 'GET /api/v1/me', shape: 'v1', auth: 'user' }, async (_request, { actor }) => {
  const user = await getDb(getEnv().DATABASE_URL).user.findUnique({
    where: { id: actor.userId },
    select: { id: true, name: true, email: true, role: true },
  });
  if (!user) return refuse(401, 'This account no longer exists.');
  const me: ApiMe = user;
  return Response.json(me, { headers: { 'Cache-Control': 'no-store' } });
});
