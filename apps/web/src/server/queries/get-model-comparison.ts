import 'server-only';
import { type LeaderboardEntry, NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from '@tenfold/boards';
import type { DatasetId } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';
import { getTestSplit } from '@/server/datasets/get-test-split';
import { comparePredictions, type Disagreement } from '@/server/stats/compare-predictions';
import { type McNemarResult, mcnemarTest } from '@/server/stats/mcnemar-test';
import { getCachedLeaderboard } from './get-cached-leaderboard.ts';

export const MAX_COMPARED = 4;
const EXAMPLE_LIMIT = 24;
/** The picker lists this many models by rank (plus any already picked): 10,000 options would be a page of its own. */
const PICKER_LIMIT = 200;

export type ComparedModel = LeaderboardEntry & { perClassRecall: number[]; confusionMatrix: number[] };

export type ComparedPair = {
  first: number;
  second: number;
  disagreement: Disagreement;
  mcnemar: McNemarResult;
};

export type ModelComparison = {
  models: ComparedModel[];
  pairs: ComparedPair[];
  choices: { modelId: string; modelName: string; tieRank: number; isTiedWithAbove: boolean }[];
};

/**
 * 2 to 4 public models on one dataset, each at its leaderboard submission: per-class recall,
 * confusion matrices, and for every pair McNemar's test and the images only one gets right.
 * Models not on the public board are dropped, so a private id reveals nothing.
 */
export async function getModelComparison(db: Db, datasetId: DatasetId, modelIds: string[]): Promise<ModelComparison> {
  const board = await getCachedLeaderboard(db, datasetId);
  const byModel = new Map(board.map((entry) => [entry.modelId, entry]));
  const picked = [...new Set(modelIds)].flatMap((id) => byModel.get(id) ?? []).slice(0, MAX_COMPARED);
  const choices = [...board.slice(0, PICKER_LIMIT), ...picked.filter((entry) => entry.rank > PICKER_LIMIT)].map(
    (entry) => ({
      modelId: entry.modelId,
      modelName: entry.modelName,
      tieRank: entry.tieRank,
      isTiedWithAbove: entry.isTiedWithAbove,
    }),
  );
  if (picked.length < 2) return { models: [], pairs: [], choices };

  const evaluations = await db.evaluation.findMany({
    where: { submissionId: { in: picked.map((entry) => entry.submissionId) } },
    orderBy: NEWEST_EVALUATIONS_FIRST,
    select: { submissionId: true, scorerVersion: true, predictions: true, perClassRecall: true, confusionMatrix: true },
  });
  const inForce = new Map(
    picked.map((entry) => [
      entry.submissionId,
      pickEvaluationInForce(evaluations.filter((evaluation) => evaluation.submissionId === entry.submissionId)),
    ]),
  );
  const labels = (await getTestSplit(datasetId)).labels;
  const models = picked.flatMap((entry) => {
    const evaluation = inForce.get(entry.submissionId);
    return evaluation ? [{ entry, evaluation }] : [];
  });

  const pairs: ComparedPair[] = [];
  for (let first = 0; first < models.length; first += 1) {
    for (let second = first + 1; second < models.length; second += 1) {
      const a = models[first]?.evaluation.predictions as Uint8Array;
      const b = models[second]?.evaluation.predictions as Uint8Array;
      const disagreement = comparePredictions(a, b, labels, EXAMPLE_LIMIT);
      pairs.push({
        first,
        second,
        disagreement,
        mcnemar: mcnemarTest(disagreement.onlyFirstRight, disagreement.onlySecondRight),
      });
    }
  }
  return {
    models: models.map(({ entry, evaluation }) => ({
      ...entry,
      perClassRecall: evaluation.perClassRecall,
      confusionMatrix: evaluation.confusionMatrix,
    })),
    pairs,
    choices,
  };
}
