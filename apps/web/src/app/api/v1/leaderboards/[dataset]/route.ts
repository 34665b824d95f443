import { SCORER_VERSION } from '@tenfold/contract';
import { isDatasetId } from '@tenfold/datasets/catalog';
import { paginate } from '@/server/api-v1/paginate';
import { parseQuery } from '@/server/api-v1/parse-query';
import { leaderboardQuerySchema } from '@/server/api-v1/schemas';
import { serializeLeaderboard } from '@/server/api-v1/serialize-leaderboard';
import { getRequestDb } from '@/server/db';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { sortLeaderboard } from '@/server/leaderboard/select-leaderboard-page';
import { getCachedLeaderboardDerived } from '@/server/queries/get-cached-leaderboard';

/** GET /api/v1/leaderboards/{dataset}: one page of the public board, sorted and filtered as on the site. */
export const GET = withRoute(
  { name: 'GET /api/v1/leaderboards/[dataset]', shape: 'v1', auth: 'optional', params: ['dataset'] },
  async (request, { params: { dataset } }) => {
    if (!isDatasetId(dataset)) {
      return refuse(404, 'No leaderboard with this name: use mnist, fashion-mnist or mnist-vs-fashion.');
    }
    const query = parseQuery(request, leaderboardQuerySchema);
    if (!query.ok) return query;
    const db = await getRequestDb();
    const body = await getCachedLeaderboardDerived(db, dataset, `v1:page:${JSON.stringify(query.data)}`, (entries) => {
      const { data, pagination } = paginate(sortLeaderboard(entries, query.data), query.data);
      return JSON.stringify({ dataset, scorerVersion: SCORER_VERSION, data: serializeLeaderboard(data), pagination });
    });
    return new Response(body, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
  },
);
