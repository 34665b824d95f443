import { getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import { formatRank } from '@tenfold/datasets/standing-words';
import { getRequestDb } from '@/server/db';
import { isResourceId } from '@/server/http/is-resource-id';
import { withRoute } from '@/server/http/with-route';
import { formatRankBadge } from '@/server/leaderboard/format-rank-badge';
import { getCachedLeaderboard } from '@/server/queries/get-cached-leaderboard';

/**
 * GET /api/models/[id]/badge.svg?dataset=mnist: the model's rank as an SVG badge for READMEs.
 * A model that is not on the public board (unknown, private, unscored) gets a grey "unranked"
 * badge rather than a 404, so a README never shows a broken image and nothing private leaks.
 */
export const GET = withRoute(
  { name: 'GET /api/models/[id]/badge.svg', shape: 'api', auth: 'none', params: ['id'] },
  async (request, { params: { id } }) => {
    const datasetParam = new URL(request.url).searchParams.get('dataset') ?? 'mnist';
    const datasetId = isDatasetId(datasetParam) ? datasetParam : 'mnist';
    const entry = isResourceId(id)
      ? (await getCachedLeaderboard(await getRequestDb(), datasetId)).find((candidate) => candidate.modelId === id)
      : undefined;
    const label = `Tenfold ${getDatasetInfo(datasetId).name}`;
    const message = entry
      ? `${(entry.accuracy * 100).toFixed(2)}% · rank ${formatRank(entry.tieRank, entry.isTiedWithAbove)}`
      : 'unranked';
    return new Response(formatRankBadge(label, message, entry ? 'ok' : 'none'), {
      headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
    });
  },
);
