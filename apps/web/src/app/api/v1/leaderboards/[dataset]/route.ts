import { SCORER_VERSION } from '@tenfold/contract';
import { isDatasetId } from '@tenfold/datasets/catalog';
import { apiError } from '@/server/api-v1/api-error';
import { apiRoute } from '@/server/api-v1/api-route';
import { identifyViewer } from '@/server/api-v1/authenticate';
import { paginate } from '@/server/api-v1/paginate';
import { parseQuery } from '@/server/api-v1/parse-query';
import { leaderboardQuerySchema } from '@/server/api-v1/schemas';
import { serializeLeaderboard } from '@/server/api-v1/serialize-leaderboard';
import { getRequestDb } from '@/server/db';
import { sortLeaderboard } from '@/server/leaderboard/select-leaderboard-page';
import { getCachedLeaderboardDerived } from '@/server/queries/get-cached-leaderboard';

type Context = { params: Promise<{ dataset: string }> };

/** GET /api/v1/leaderboards/{dataset}: one page of the public board, sorted and filtered as on the site. */
export const GET = apiRoute(
  'GET /api/v1/leaderboards/[dataset]',
  async (request: Request, context: Context): Promise<Response> => {
    // Public either way; a token is still checked, so a bad one is refused rather than ignored.
    const viewer = await identifyViewer(request);
    if (!viewer.ok) return viewer.response;
    const { dataset } = await context.params;
    if (!isDatasetId(dataset)) {
      return apiError(404, 'not_found', 'No leaderboard with this name: use mnist, fashion-mnist or mnist-vs-fashion.');
    }
    const query = parseQuery(request, leaderboardQuerySchema);
    if (!query.ok) return query.response;
    const db = await getRequestDb();
    const body = await getCachedLeaderboardDerived(db, dataset, `v1:page:${JSON.stringify(query.data)}`, (entries) => {
      const { data, pagination } = paginate(sortLeaderboard(entries, query.data), query.data);
      return JSON.stringify({ dataset, scorerVersion: SCORER_VERSION, data: serializeLeaderboard(data), pagination });
    });
    return new Response(body, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
  },
);
