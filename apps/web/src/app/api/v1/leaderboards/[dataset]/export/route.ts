import { SCORER_VERSION } from '@tenfold/contract';
import { isDatasetId } from '@tenfold/datasets/catalog';
import { z } from 'zod';
import { parseQuery } from '@/server/api-v1/parse-query';
import { serializeLeaderboard } from '@/server/api-v1/serialize-leaderboard';
import { getRequestDb } from '@/server/db';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { encodeExport, respondWithExport } from '@/server/leaderboard/encode-export';
import { formatLeaderboardCsv } from '@/server/leaderboard/format-leaderboard-csv';
import { getCachedLeaderboardDerived } from '@/server/queries/get-cached-leaderboard';

const exportQuerySchema = z.object({ format: z.enum(['json', 'csv'], 'Choose format json or csv.').default('json') });

/** GET /api/v1/leaderboards/{dataset}/export?format=json|csv: the whole public board in rank order. */
export const GET = withRoute(
  { name: 'GET /api/v1/leaderboards/[dataset]/export', shape: 'v1', auth: 'optional', params: ['dataset'] },
  async (request, { params: { dataset } }) => {
    if (!isDatasetId(dataset)) return refuse(404, 'No leaderboard with this name: use mnist or fashion-mnist.');
    const query = parseQuery(request, exportQuerySchema);
    if (!query.ok) return query;
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
