import { getApiEvaluation } from '@/server/api-v1/find-api-evaluation';
import { notFound } from '@/server/api-v1/not-found';
import { getRequestDb } from '@/server/db';
import { isResourceId } from '@/server/http/is-resource-id';
import { withRoute } from '@/server/http/with-route';

/** GET /api/v1/evaluations/{id}: one scoring run's numbers, per-class metrics and confusion matrix. */
export const GET = withRoute(
  { name: 'GET /api/v1/evaluations/[id]', shape: 'v1', auth: 'optional', params: ['id'] },
  async (_request, { actor, params: { id } }) => {
    const evaluation = isResourceId(id) ? await getApiEvaluation(await getRequestDb(), id, actor) : null;
    if (!evaluation) return notFound('evaluation');
    return Response.json({ evaluation }, { headers: { 'Cache-Control': 'no-store' } });
  },
);
