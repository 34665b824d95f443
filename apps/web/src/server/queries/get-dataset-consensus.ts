import 'server-only';
import { topVote } from '@tenfold/boards';
import { type DatasetId, datasetEnumFromId } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';

export const HARDEST_IMAGE_COUNT = 48;

export type ConsensusImage = {
  imageIndex: number;
  label: number;
  /** The most common answer of all counted models (the label itself when most are right). */
  majorityClass: number | null;
  majorityCount: number;
  correctCount: number;
  modelsCounted: number;
};

export type DatasetConsensus = {
  modelsCounted: number;
  strongCount: number;
  updatedAt: Date | null;
  /** Fewest models right first; ties in test-set order. */
  hardest: ConsensusImage[];
  /** Summed over every counted model: 10x10, row = true class, column = predicted, row-major. */
  confusion: number[];
};

/**
 * The consensus page's numbers, from the materialised ImageConsensus table only: its cost does
 * not grow with the number of models (the predictions are tallied when evaluations land).
 */
export async function getDatasetConsensus(db: Db, datasetId: DatasetId): Promise<DatasetConsensus> {
  const dataset = datasetEnumFromId(datasetId);
  const [hardestRows, cells, summary] = await Promise.all([
    db.imageConsensus.findMany({
      where: { dataset, modelsCounted: { gt: 0 } },
      orderBy: [{ correctCount: 'asc' }, { imageIndex: 'asc' }],
      take: HARDEST_IMAGE_COUNT,
      select: { imageIndex: true, label: true, votes: true, correctCount: true, modelsCounted: true },
    }),
    db.$queryRaw<{ label: number; predicted: number; count: number }[]>`
      SELECT c.label, (t.k - 1)::int AS predicted, sum(t.v)::int AS count
      FROM "ImageConsensus" c, unnest(c.votes) WITH ORDINALITY AS t(v, k)
      WHERE c.dataset = ${dataset}::"Dataset"
      GROUP BY c.label, t.k`,
    db.imageConsensus.aggregate({
      where: { dataset },
      _max: { modelsCounted: true, strongCount: true, updatedAt: true },
    }),
  ]);
  const confusion = new Array<number>(100).fill(0);
  for (const cell of cells) confusion[cell.label * 10 + cell.predicted] = cell.count;
  return {
    modelsCounted: summary._max.modelsCounted ?? 0,
    strongCount: summary._max.strongCount ?? 0,
    updatedAt: summary._max.updatedAt ?? null,
    hardest: hardestRows.map((row) => {
      const majority = topVote(row.votes);
      return {
        imageIndex: row.imageIndex,
        label: row.label,
        majorityClass: majority.topClass,
        majorityCount: majority.topCount,
        correctCount: row.correctCount,
        modelsCounted: row.modelsCounted,
      };
    }),
    confusion,
  };
}
