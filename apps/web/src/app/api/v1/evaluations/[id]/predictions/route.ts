import { getEvaluationPredictions } from '@/server/api-v1/find-api-evaluation';
import { notFound } from '@/server/api-v1/not-found';
import { getTestSplit } from '@/server/datasets/get-test-split';
import { getRequestDb } from '@/server/db';
import { isResourceId } from '@/server/http/is-resource-id';
import { withRoute } from '@/server/http/with-route';

const OCTET_STREAM = 'application/octet-stream';

/**
 * GET /api/v1/evaluations/{id}/predictions: the predicted class of every test image, with the
 * true labels, as JSON; or, with `Accept: application/octet-stream`, the raw bytes (one per image).
 */
export const GET = withRoute(
  { name: 'GET /api/v1/evaluations/[id]/predictions', shape: 'v1', auth: 'optional', params: ['id'] },
  async (request, { actor, params: { id } }) => {
    const found = isResourceId(id) ? await getEvaluationPredictions(await getRequestDb(), id, actor) : null;
    if (!found) return notFound('evaluation');
    const headers = { 'Cache-Control': 'no-store', Vary: 'Accept' };
    if ((request.headers.get('accept') ?? '').toLowerCase().includes(OCTET_STREAM)) {
      return new Response(new Uint8Array(found.predictions), { headers: { ...headers, 'Content-Type': OCTET_STREAM } });
    }
    const { labels } = await getTestSplit(found.datasetId);
    return Response.json({ predictions: Array.from(found.predictions), labels: Array.from(labels) }, { headers });
  },
);
