import { isDatasetId } from '@tenfold/datasets/catalog';
import { getRequestDb } from '@/server/db';
import { jsonError } from '@/server/http/json-error';
import { encodeExport, respondWithExport } from '@/server/leaderboard/encode-export';
import { parseLeaderboardQuery, toLeaderboardSearch } from '@/server/leaderboard/leaderboard-query';
import { selectLeaderboardPage } from '@/server/leaderboard/select-leaderboard-page';
import { getCachedLeaderboardDerived } from '@/server/queries/get-cached-leaderboard';

type Context = { params: Promise<{ id: string }> };

const TIE_RULE =
  'tied with the entry above when their 95% Wilson intervals overlap; tieRank is 1 + the number of entries whose interval lies wholly above';
const HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=60' };

/**
 * GET /api/datasets/[id]/leaderboard.json: the whole public leaderboard in rank order (the
 * export). With `?page=N` (and the page's sort, dir, format, size) it answers what the page
 * shows instead: 50 entries and the paging facts, a small body for clients that poll.
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  if (!isDatasetId(id)) return jsonError(404, 'No dataset with this id.');
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
}
