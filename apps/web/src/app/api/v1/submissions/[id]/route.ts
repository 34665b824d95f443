import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { getApiSubmission } from '@/server/api-v1/find-api-submissions';
import { notFound } from '@/server/api-v1/not-found';
import { isResourceId } from '@/server/http/is-resource-id';
import { withRoute } from '@/server/http/with-route';

/** GET /api/v1/submissions/{id}: its state and, once scored, its evaluation. Polled by the CLI. */
export const GET = withRoute(
  { name: 'GET /api/v1/submissions/[id]', shape: 'v1', auth: 'optional', params: ['id'] },
  async (_request, { actor, params: { id } }) => {
    const env = getEnv();
    const submission = isResourceId(id)
      ? await getApiSubmission(getDb(env.DATABASE_URL), id, actor, env.APP_URL)
      : null;
    if (!submission) return notFound('submission');
    return Response.json({ submission }, { headers: { 'Cache-Control': 'no-store' } });
  },
);
