import 'server-only';
import { STRONG_MODEL_COUNT } from '@tenfold/boards';
import { type DatasetId, datasetEnumFromId } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';
import type { ApiConsensusExport } from '@/server/api-v1/schemas';

/**
 * The whole per-image consensus of a dataset in test-set order, as /api/v1 serves it (typed by
 * its zod schema, so the body and the OpenAPI document cannot drift). 10,000 rows, read from the
 * materialised table: the cost does not grow with the number of models.
 */
export async function exportImageConsensus(db: Db, datasetId: DatasetId): Promise<ApiConsensusExport> {
  const rows = await db.imageConsensus.findMany({
    where: { dataset: datasetEnumFromId(datasetId) },
    orderBy: { imageIndex: 'asc' },
    select: {
      imageIndex: true,
      label: true,
      votes: true,
      modelsCounted: true,
      correctCount: true,
      topWrongClass: true,
      topWrongCount: true,
      strongCount: true,
      strongTopClass: true,
      strongTopCount: true,
      updatedAt: true,
    },
  });
  const updatedAt = rows.reduce<Date | null>(
    (latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest),
    null,
  );
  return {
    dataset: datasetId,
    modelsCounted: rows[0]?.modelsCounted ?? 0,
    strongModels: STRONG_MODEL_COUNT,
    updatedAt: updatedAt?.toISOString() ?? null,
    data: rows.map(({ updatedAt: _, ...row }) => ({
      ...row,
      agreement: row.modelsCounted === 0 ? 0 : row.correctCount / row.modelsCounted,
    })),
  };
}
