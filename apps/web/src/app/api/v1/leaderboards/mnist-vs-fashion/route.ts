import { type DatasetPair, pairDatasetResults } from '@/server/analysis/pair-dataset-results';
import { paginate } from '@/server/api-v1/paginate';
import { parseQuery } from '@/server/api-v1/parse-query';
import { type ApiDatasetPair, pairQuerySchema } from '@/server/api-v1/schemas';
import { getRequestDb } from '@/server/db';
import { withRoute } from '@/server/http/with-route';
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
export const GET = withRoute(
  { name: 'GET /api/v1/leaderboards/mnist-vs-fashion', shape: 'v1', auth: 'optional' },
  async (request) => {
    const query = parseQuery(request, pairQuerySchema);
    if (!query.ok) return query;
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
