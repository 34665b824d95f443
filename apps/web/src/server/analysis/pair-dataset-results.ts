import type { LeaderboardEntry } from '@tenfold/boards';

export type DatasetPair = {
  modelId: string;
  modelName: string;
  isBaseline: boolean;
  submitterName: string;
  mnist: { accuracy: number; tieRank: number; isTiedWithAbove: boolean; submissionId: string };
  fashion: { accuracy: number; tieRank: number; isTiedWithAbove: boolean; submissionId: string };
  /** MNIST accuracy minus Fashion-MNIST accuracy: how much the model loses on the harder dataset. */
  drop: number;
};

export const PAIR_SORT_KEYS = ['drop', 'mnist', 'fashion', 'model'] as const;
export type PairSortKey = (typeof PAIR_SORT_KEYS)[number];

/** Models on both public leaderboards, each with its best result on each, sorted by `sort` (smallest drop first by default). */
export function pairDatasetResults(
  mnist: LeaderboardEntry[],
  fashion: LeaderboardEntry[],
  sort: PairSortKey = 'drop',
  direction: 'asc' | 'desc' = sort === 'drop' || sort === 'model' ? 'asc' : 'desc',
): DatasetPair[] {
  const fashionByModel = new Map(fashion.map((entry) => [entry.modelId, entry]));
  const pairs = mnist.flatMap((entry): DatasetPair[] => {
    const other = fashionByModel.get(entry.modelId);
    if (!other) return [];
    return [
      {
        modelId: entry.modelId,
        modelName: entry.modelName,
        isBaseline: entry.isBaseline,
        submitterName: entry.submitterName,
        mnist: {
          accuracy: entry.accuracy,
          tieRank: entry.tieRank,
          isTiedWithAbove: entry.isTiedWithAbove,
          submissionId: entry.submissionId,
        },
        fashion: {
          accuracy: other.accuracy,
          tieRank: other.tieRank,
          isTiedWithAbove: other.isTiedWithAbove,
          submissionId: other.submissionId,
        },
        drop: entry.accuracy - other.accuracy,
      },
    ];
  });
  const value = (pair: DatasetPair): number | string =>
    sort === 'drop'
      ? pair.drop
      : sort === 'mnist'
        ? pair.mnist.accuracy
        : sort === 'fashion'
          ? pair.fashion.accuracy
          : pair.modelName.toLowerCase();
  const sign = direction === 'asc' ? 1 : -1;
  return pairs.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return x === y ? a.modelId.localeCompare(b.modelId) : (x < y ? -1 : 1) * sign;
  });
}
