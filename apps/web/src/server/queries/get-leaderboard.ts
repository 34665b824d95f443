import 'server-only';
import { type DatasetId, datasetEnumFromId } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';
import { rankedSubmissionsWhere } from './public-submissions.ts';
import { type RankedModel, rankModels } from './rank-models.ts';

export type LeaderboardEntry = RankedModel;

/**
 * One row per public model: its best scored submission on the dataset, ties to the earlier one.
 * A submission counts with its newest evaluation (a rescore under a new scorer version replaces
 * the old number rather than competing with it).
 */
export async function getLeaderboard(
  db: Db,
  datasetId: DatasetId,
  options: { limit?: number } = {},
): Promise<LeaderboardEntry[]> {
  const submissions = await db.submission.findMany({
    where: rankedSubmissionsWhere(datasetEnumFromId(datasetId)),
    select: {
      id: true,
      createdAt: true,
      modelId: true,
      model: { select: { name: true } },
      submitter: { select: { name: true } },
      evaluations: {
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { accuracy: true, accuracyCiLow: true, accuracyCiHigh: true },
      },
    },
  });
  const scored = submissions.flatMap((submission) => {
    const evaluation = submission.evaluations[0];
    if (!evaluation) return [];
    return [
      {
        submissionId: submission.id,
        modelId: submission.modelId,
        modelName: submission.model.name,
        submitterName: submission.submitter.name,
        accuracy: evaluation.accuracy,
        accuracyCiLow: evaluation.accuracyCiLow,
        accuracyCiHigh: evaluation.accuracyCiHigh,
        submittedAt: submission.createdAt,
      },
    ];
  });
  return rankModels(scored).slice(0, options.limit ?? 100);
}
