import { isDatasetId } from '@tenfold/datasets/catalog';
import { getRequestDb } from '@/server/db';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { encodeExport, respondWithExport } from '@/server/leaderboard/encode-export';
import { parseLeaderboardQuery, toLeaderboardSearch } from '@/server/leaderboard/leaderboard-query';
import { selectLeaderboardPage } from '@/server/leaderboard/select-leaderboard-page';
import { getCachedLeaderboardDerived } from '@/server/queries/get-cached-leaderboard';

const TIE_RULE =
  'tied with the entry above when their 95% Wilson intervals overlap; tieRank is 1 + the number of entries whose interval lies wholly above';
const HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=60' };

/**
 * GET /api/datasets/[id]/leaderboard.json: the whole public leaderboard in rank order (the
 * export). With `?page=N` (and the page's sort, dir, format, size) it answers what the page
 * shows instead: 50 entries and the paging facts, a small body for clients that poll.
 */
export const GET = withRoute(
  { name: 'GET /api/datasets/[id]/leaderboard.json', shape: 'api', auth: 'none', params: ['id'] },
  async (request, { params: { id } }) => {
    if (!isDatasetId(id)) return refuse(404, 'No dataset with this id.');
    const db = await getRequestDb();
    const params = new URL(request.url).searchParams;
    if (params.has('page')) {
      const query = parseLeaderboardQuery(Object.fromEntries(params));
      const body = await getCachedLeaderboardDerived(db, id, `json:page${toLeaderboardSearch(query)}`, (entries) =>
        JSON.stringify({ dataset: id, tieRule: TIE_RULE, ...selectLeaderboardPage(entries, query) }),
      );
      return new Response(body, { headers: HEADERS });
    }
    const encoded = await getCachedLeaderboardDerived(db, id, 'json:all', (entries) =>
      encodeExport(JSON.stringify({ dataset: id, tieRule: TIE_RULE, entries })),
    );
    return respondWithExport(request, encoded, { 'Content-Type': 'application/json' });
  },
);
