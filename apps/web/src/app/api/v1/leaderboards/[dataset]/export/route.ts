import { isDatasetId } from '@tenfold/datasets/catalog';
import { SCORER_VERSION } from '@tenfold/scoring/version';
import { z } from 'zod';
import { apiError } from '@/server/api-v1/api-error';
import { apiRoute } from '@/server/api-v1/api-route';
import { identifyViewer } from '@/server/api-v1/authenticate';
import { parseQuery } from '@/server/api-v1/parse-query';
import { serializeLeaderboard } from '@/server/api-v1/serialize-leaderboard';
import { getRequestDb } from '@/server/db';
import { encodeExport, respondWithExport } from '@/server/leaderboard/encode-export';
import { formatLeaderboardCsv } from '@/server/leaderboard/format-leaderboard-csv';
import { getCachedLeaderboardDerived } from '@/server/queries/get-cached-leaderboard';

type Context = { params: Promise<{ dataset: string }> };

const exportQuerySchema = z.object({ format: z.enum(['json', 'csv'], 'Choose format json or csv.').default('json') });

/** GET /api/v1/leaderboards/{dataset}/export?format=json|csv: the whole public board in rank order. */
export const GET = apiRoute(
  'GET /api/v1/leaderboards/[dataset]/export',
  async (request: Request, context: Context): Promise<Response> => {
    const viewer = await identifyViewer(request);
    if (!viewer.ok) return viewer.response;
    const { dataset } = await context.params;
    if (!isDatasetId(dataset))
      return apiError(404, 'not_found', 'No leaderboard with this name: use mnist or fashion-mnist.');
    const query = parseQuery(request, exportQuerySchema);
    if (!query.ok) return query.response;
    const db = await getRequestDb();
    const { format } = query.data;
    const encoded = await getCachedLeaderboardDerived(db, dataset, `v1:export:${format}`, (entries) =>
      encodeExport(
        format === 'csv'
          ? formatLeaderboardCsv(entries)
          : JSON.stringify({ dataset, scorerVersion: SCORER_VERSION, data: serializeLeaderboard(entries) }),
      ),
    );
    return respondWithExport(request, encoded, {
      'Content-Disposition': `attachment; filename="tenfold-${dataset}-leaderboard.${format}"`,
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
    });
  },
);
