import { type DatasetPair, pairDatasetResults } from '@/server/analysis/pair-dataset-results';
import { apiRoute } from '@/server/api-v1/api-route';
import { identifyViewer } from '@/server/api-v1/authenticate';
import { paginate } from '@/server/api-v1/paginate';
import { parseQuery } from '@/server/api-v1/parse-query';
import { type ApiDatasetPair, pairQuerySchema } from '@/server/api-v1/schemas';
import { getRequestDb } from '@/server/db';
import { getCachedLeaderboard } from '@/server/queries/get-cached-leaderboard';

function serializePair(pair: DatasetPair): ApiDatasetPair {
  return {
    modelId: pair.modelId,
    modelName: pair.modelName,
    isBaseline: pair.isBaseline,
    submitter: pair.submitterName,
    mnist: { accuracy: pair.mnist.accuracy, rank: pair.mnist.tieRank, submissionId: pair.mnist.submissionId },
    fashionMnist: {
      accuracy: pair.fashion.accuracy,
      rank: pair.fashion.tieRank,
      submissionId: pair.fashion.submissionId,
    },
    drop: pair.drop,
  };
}

/** GET /api/v1/leaderboards/mnist-vs-fashion: public models on both boards, with how much they drop on Fashion-MNIST. */
export const GET = apiRoute(
  'GET /api/v1/leaderboards/mnist-vs-fashion',
  async (request: Request): Promise<Response> => {
    const viewer = await identifyViewer(request);
    if (!viewer.ok) return viewer.response;
    const query = parseQuery(request, pairQuerySchema);
    if (!query.ok) return query.response;
    const db = await getRequestDb();
    const [mnist, fashion] = await Promise.all([
      getCachedLeaderboard(db, 'mnist'),
      getCachedLeaderboard(db, 'fashion-mnist'),
    ]);
    const pairs = pairDatasetResults(mnist, fashion, query.data.sort, query.data.dir);
    const { data, pagination } = paginate(pairs, query.data);
    return Response.json({ data: data.map(serializePair), pagination }, { headers: { 'Cache-Control': 'no-store' } });
  },
);
