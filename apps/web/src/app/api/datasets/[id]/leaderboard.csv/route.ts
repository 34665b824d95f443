import { isDatasetId } from '@tenfold/datasets/catalog';
import { getRequestDb } from '@/server/db';
import { jsonError } from '@/server/http/json-error';
import { formatLeaderboardCsv } from '@/server/leaderboard/format-leaderboard-csv';
import { getCachedLeaderboardDerived } from '@/server/queries/get-cached-leaderboard';

type Context = { params: Promise<{ id: string }> };

/** GET /api/datasets/[id]/leaderboard.csv: the whole public leaderboard, in rank order. */
export async function GET(_request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  if (!isDatasetId(id)) return jsonError(404, 'No dataset with this id.');
  const body = await getCachedLeaderboardDerived(await getRequestDb(), id, 'csv:all', (entries) =>
    formatLeaderboardCsv(entries),
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="tenfold-${id}-leaderboard.csv"`,
      'Cache-Control': 'public, max-age=60',
    },
  });
}
