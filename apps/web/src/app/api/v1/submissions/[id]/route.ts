import { getDb } from '@tenfold/db';
import { getEnv } from '@/env';
import { notFound } from '@/server/api-v1/api-error';
import { apiRoute } from '@/server/api-v1/api-route';
import { identifyViewer } from '@/server/api-v1/authenticate';
import { getApiSubmission } from '@/server/api-v1/find-api-submissions';
import { isResourceId } from '@/server/http/is-resource-id';

/** GET /api/v1/submissions/{id}: its state and, once scored, its evaluation. Polled by the CLI. */
export const GET = apiRoute(
  'GET /api/v1/submissions/[id]',
  async (request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
    const viewer = await identifyViewer(request);
    if (!viewer.ok) return viewer.response;
    const { id } = await context.params;
    const env = getEnv();
    const submission = isResourceId(id)
      ? await getApiSubmission(getDb(env.DATABASE_URL), id, viewer.value, env.APP_URL)
      : null;
    if (!submission) return notFound('submission');
    return Response.json({ submission }, { headers: { 'Cache-Control': 'no-store' } });
  },
);
