import { notFound } from '@/server/api-v1/api-error';
import { apiRoute } from '@/server/api-v1/api-route';
import { identifyViewer } from '@/server/api-v1/authenticate';
import { getApiEvaluation } from '@/server/api-v1/find-api-evaluation';
import { getRequestDb } from '@/server/db';
import { isResourceId } from '@/server/http/is-resource-id';

/** GET /api/v1/evaluations/{id}: one scoring run's numbers, per-class metrics and confusion matrix. */
export const GET = apiRoute(
  'GET /api/v1/evaluations/[id]',
  async (request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
    const viewer = await identifyViewer(request);
    if (!viewer.ok) return viewer.response;
    const { id } = await context.params;
    const evaluation = isResourceId(id) ? await getApiEvaluation(await getRequestDb(), id, viewer.value) : null;
    if (!evaluation) return notFound('evaluation');
    return Response.json({ evaluation }, { headers: { 'Cache-Control': 'no-store' } });
  },
);
