import { isDatasetId } from '@tenfold/datasets/catalog';
import { getRequestDb } from '@/server/db';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { encodeExport, respondWithExport } from '@/server/leaderboard/encode-export';
import { formatLeaderboardCsv } from '@/server/leaderboard/format-leaderboard-csv';
import { getCachedLeaderboardDerived } from '@/server/queries/get-cached-leaderboard';

/** GET /api/datasets/[id]/leaderboard.csv: the whole public leaderboard, in rank order. */
export const GET = withRoute(
  { name: 'GET /api/datasets/[id]/leaderboard.csv', shape: 'api', auth: 'none', params: ['id'] },
  async (request, { params: { id } }) => {
    if (!isDatasetId(id)) return refuse(404, 'No dataset with this id.');
    const encoded = await getCachedLeaderboardDerived(await getRequestDb(), id, 'csv:all', (entries) =>
      encodeExport(formatLeaderboardCsv(entries)),
    );
    return respondWithExport(request, encoded, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="tenfold-${id}-leaderboard.csv"`,
    });
  },
);
