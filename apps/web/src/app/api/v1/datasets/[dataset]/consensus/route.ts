import { isDatasetId } from '@tenfold/datasets/catalog';
import { apiError } from '@/server/api-v1/api-error';
import { apiRoute } from '@/server/api-v1/api-route';
import { identifyViewer } from '@/server/api-v1/authenticate';
import { parseQuery } from '@/server/api-v1/parse-query';
import { consensusQuerySchema } from '@/server/api-v1/schemas';
import { exportImageConsensus } from '@/server/consensus/export-image-consensus';
import { formatConsensusCsv } from '@/server/consensus/format-consensus-csv';
import { getRequestDb } from '@/server/db';
import { getCachedConsensus } from '@/server/queries/get-cached-consensus';

type Context = { params: Promise<{ dataset: string }> };

/**
 * GET /api/v1/datasets/{dataset}/consensus?format=json|csv: every test image seen through every
 * public model (right answers, the most common wrong one, the strong models' vote), to cite.
 */
export const GET = apiRoute(
  'GET /api/v1/datasets/[dataset]/consensus',
  async (request: Request, context: Context): Promise<Response> => {
    const viewer = await identifyViewer(request);
    if (!viewer.ok) return viewer.response;
    const { dataset } = await context.params;
    if (!isDatasetId(dataset))
      return apiError(404, 'not_found', 'No dataset with this name: use mnist or fashion-mnist.');
    const query = parseQuery(request, consensusQuerySchema);
    if (!query.ok) return query.response;
    const db = await getRequestDb();
    const { format } = query.data;
    const body = await getCachedConsensus(db, `v1:${dataset}:${format}`, async () => {
      const consensus = await exportImageConsensus(db, dataset);
      return format === 'csv' ? formatConsensusCsv(consensus) : JSON.stringify(consensus);
    });
    return new Response(body, {
      headers: {
        'Cache-Control': 'public, max-age=60',
        'Content-Disposition': `inline; filename="tenfold-${dataset}-consensus.${format}"`,
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
      },
    });
  },
);
