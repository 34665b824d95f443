import { notFound } from '@/server/api-v1/api-error';
import { apiRoute } from '@/server/api-v1/api-route';
import { identifyViewer } from '@/server/api-v1/authenticate';
import { getEvaluationPredictions } from '@/server/api-v1/find-api-evaluation';
import { getTestSplit } from '@/server/datasets/get-test-split';
import { getRequestDb } from '@/server/db';
import { isResourceId } from '@/server/http/is-resource-id';

const OCTET_STREAM = 'application/octet-stream';

/**
 * GET /api/v1/evaluations/{id}/predictions: the predicted class of every test image, with the
 * true labels, as JSON; or, with `Accept: application/octet-stream`, the raw bytes (one per image).
 */
export const GET = apiRoute(
  'GET /api/v1/evaluations/[id]/predictions',
  async (request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
    const viewer = await identifyViewer(request);
    if (!viewer.ok) return viewer.response;
    const { id } = await context.params;
    const found = isResourceId(id) ? await getEvaluationPredictions(await getRequestDb(), id, viewer.value) : null;
    if (!found) return notFound('evaluation');
    const headers = { 'Cache-Control': 'no-store', Vary: 'Accept' };
    if ((request.headers.get('accept') ?? '').toLowerCase().includes(OCTET_STREAM)) {
      return new Response(new Uint8Array(found.predictions), { headers: { ...headers, 'Content-Type': OCTET_STREAM } });
    }
    const { labels } = await getTestSplit(found.datasetId);
    return Response.json({ predictions: Array.from(found.predictions), labels: Array.from(labels) }, { headers });
  },
);
