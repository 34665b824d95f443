import { parseQuery } from '@/server/api-v1/parse-query';
import { type ApiComparedPair, compareQuerySchema } from '@/server/api-v1/schemas';
import { toMatrix } from '@/server/api-v1/serialize-evaluation';
import { serializeLeaderboard } from '@/server/api-v1/serialize-leaderboard';
import { getRequestDb } from '@/server/db';
import { refuse } from '@/server/http/refusal';
import { withRoute } from '@/server/http/with-route';
import { getCachedLeaderboard } from '@/server/queries/get-cached-leaderboard';
import { getModelComparison } from '@/server/queries/get-model-comparison';

/**
 * GET /api/v1/compare?dataset=&models=a,b[,c,d]: 2 to 4 public models at their board entries,
 * with per-class recall and, for every pair, McNemar's test on the images only one gets right.
 */
export const GET = withRoute({ name: 'GET /api/v1/compare', shape: 'v1', auth: 'optional' }, async (request) => {
  const query = parseQuery(request, compareQuerySchema);
  if (!query.ok) return query;
  const { dataset, models: modelIds } = query.data;
  const db = await getRequestDb();
  const onBoard = new Set((await getCachedLeaderboard(db, dataset)).map((entry) => entry.modelId));
  const missing = modelIds.filter((id) => !onBoard.has(id));
  if (missing.length > 0) {
    return refuse(
      404,
      `Not on the public ${dataset} leaderboard: ${missing.join(', ')}. Compare models that have a public scored submission on it.`,
      { fields: { models: `Unknown or not ranked on ${dataset}: ${missing.join(', ')}.` } },
    );
  }
  const comparison = await getModelComparison(db, dataset, modelIds);
  const entries = serializeLeaderboard(comparison.models);
  const models = comparison.models.map((model, index) => ({
    ...(entries[index] as (typeof entries)[number]),
    perClassRecall: model.perClassRecall,
    confusionMatrix: toMatrix(model.confusionMatrix),
  }));
  const pairs: ApiComparedPair[] = comparison.pairs.map((pair) => ({
    firstModelId: comparison.models[pair.first]?.modelId ?? '',
    secondModelId: comparison.models[pair.second]?.modelId ?? '',
    onlyFirstRight: pair.mcnemar.onlyFirstRight,
    onlySecondRight: pair.mcnemar.onlySecondRight,
    method: pair.mcnemar.method,
    statistic: pair.mcnemar.statistic,
    pValue: pair.mcnemar.pValue,
  }));
  return Response.json({ dataset, models, pairs }, { headers: { 'Cache-Control': 'no-store' } });
});
