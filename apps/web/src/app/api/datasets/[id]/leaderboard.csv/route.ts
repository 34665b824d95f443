import { isDatasetId } from '@tenfold/datasets/catalog';
import { getRequestDb } from '@/server/db';
import { jsonError } from '@/server/http/json-error';
import { encodeExport, respondWithExport } from '@/server/leaderboard/encode-export';
import { formatLeaderboardCsv } from '@/server/leaderboard/format-leaderboard-csv';
import { getCachedLeaderboardDerived } from '@/server/queries/get-cached-leaderboard';

type Context = { params: Promise<{ id: string }> };

/** GET /api/datasets/[id]/leaderboard.csv: the whole public leaderboard, in rank order. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  if (!isDatasetId(id)) return jsonError(404, 'No dataset with this id.');
  const encoded = await getCachedLeaderboardDerived(await getRequestDb(), id, 'csv:all', (entries) =>
    encodeExport(formatLeaderboardCsv(entries)),
  );
  return respondWithExport(request, encoded, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="tenfold-${id}-leaderboard.csv"`,
  });
}
