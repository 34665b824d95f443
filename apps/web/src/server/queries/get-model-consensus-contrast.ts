import 'server-only';
import { type DatasetId, datasetEnumFromId } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';
import { getCachedConsensus } from './get-cached-consensus.ts';

export const CONTRAST_IMAGE_LIMIT = 24;

export type ContrastImage = {
  imageIndex: number;
  label: number;
  predicted: number;
  othersRight: number;
  others: number;
};

export type ModelConsensusContrast = {
  /** Right where most other counted models are wrong, rarest first. */
  rareHits: ContrastImage[];
  /** Wrong where most other counted models are right, commonest first. */
  rareMisses: ContrastImage[];
  rareHitCount: number;
  rareMissCount: number;
  others: number;
};

/**
 * A counted model's predictions against everybody else's: the consensus table minus the model's
 * own vote. Null for a model that does not vote on the dataset (private, hidden, disqualified,
 * not scored), since "most models" then means something else than on the public pages.
 */
export async function getModelConsensusContrast(
  db: Db,
  modelId: string,
  datasetId: DatasetId,
): Promise<ModelConsensusContrast | null> {
  const dataset = datasetEnumFromId(datasetId);
  const member = await db.consensusMember.findUnique({ where: { dataset_modelId: { dataset, modelId } } });
  if (!member) return null;
  const [evaluation, rows] = await Promise.all([
    db.evaluation.findUnique({ where: { id: member.evaluationId }, select: { predictions: true } }),
    // The same for every model page of the dataset until the next sync.
    getCachedConsensus(db, `columns:${datasetId}`, () =>
      db.imageConsensus.findMany({
        where: { dataset },
        orderBy: { imageIndex: 'asc' },
        select: { imageIndex: true, label: true, correctCount: true, modelsCounted: true },
      }),
    ),
  ]);
  if (!evaluation) return null;
  const rareHits: ContrastImage[] = [];
  const rareMisses: ContrastImage[] = [];
  for (const row of rows) {
    const predicted = evaluation.predictions[row.imageIndex] as number;
    const isRight = predicted === row.label;
    const others = row.modelsCounted - 1;
    const othersRight = row.correctCount - (isRight ? 1 : 0);
    if (others <= 0) continue;
    const image = { imageIndex: row.imageIndex, label: row.label, predicted, othersRight, others };
    if (isRight && othersRight * 2 < others) rareHits.push(image);
    if (!isRight && othersRight * 2 > others) rareMisses.push(image);
  }
  rareHits.sort((a, b) => a.othersRight - b.othersRight || a.imageIndex - b.imageIndex);
  rareMisses.sort((a, b) => b.othersRight - a.othersRight || a.imageIndex - b.imageIndex);
  const others = (rows[0]?.modelsCounted ?? 1) - 1;
  return {
    rareHits: rareHits.slice(0, CONTRAST_IMAGE_LIMIT),
    rareMisses: rareMisses.slice(0, CONTRAST_IMAGE_LIMIT),
    rareHitCount: rareHits.length,
    rareMissCount: rareMisses.length,
    others,
  };
}
