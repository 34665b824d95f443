import 'server-only';
import { LABEL_ERROR_AGREEMENT, LABEL_ERROR_MIN_STRONG_MODELS } from '@tenfold/boards';
import { type DatasetId, datasetEnumFromId } from '@tenfold/datasets/catalog';
import { type Db, Prisma } from '@tenfold/db';

export const LABEL_ERROR_LIMIT = 120;

export type LikelyLabelError = {
  imageIndex: number;
  label: number;
  /** The class the strong models agree on instead. */
  strongClass: number;
  strongVotes: number;
  strongCount: number;
  correctCount: number;
  modelsCounted: number;
  /** Signed-in users' "the label looks wrong" on this image, reviewed or not. */
  flagCount: number;
  /** Of those, the flags an admin reviewed and agreed with. */
  agreedCount: number;
  isFlaggedByViewer: boolean;
};

/** The rule below as SQL over `"ImageConsensus" c`, shared with the count on the dataset card. */
export const likelyLabelErrorSql = Prisma.sql`c."strongTopClass" <> c.label
  AND c."strongCount" >= ${LABEL_ERROR_MIN_STRONG_MODELS}
  AND c."strongTopCount" >= ${LABEL_ERROR_AGREEMENT}::float8 * c."strongCount"`;

/**
 * Images whose official label the strongest models contradict: at least LABEL_ERROR_AGREEMENT
 * of at least LABEL_ERROR_MIN_STRONG_MODELS strong models answer one other class. Strongest
 * agreement first. The labels themselves are never changed; scores stay on the official split.
 */
export async function getLikelyLabelErrors(
  db: Db,
  datasetId: DatasetId,
  viewerId: string | null,
): Promise<LikelyLabelError[]> {
  const dataset = datasetEnumFromId(datasetId);
  return db.$queryRaw<LikelyLabelError[]>`
    SELECT c."imageIndex", c.label, c."strongTopClass" AS "strongClass", c."strongTopCount" AS "strongVotes",
      c."strongCount", c."correctCount", c."modelsCounted",
      (SELECT count(*)::int FROM "LabelFlag" f WHERE f.dataset = c.dataset AND f."imageIndex" = c."imageIndex") AS "flagCount",
      (SELECT count(*)::int FROM "LabelFlag" f WHERE f.dataset = c.dataset AND f."imageIndex" = c."imageIndex"
        AND f."reviewOutcome" = 'agreed') AS "agreedCount",
      EXISTS (SELECT 1 FROM "LabelFlag" f WHERE f.dataset = c.dataset AND f."imageIndex" = c."imageIndex"
        AND f."userId" = ${viewerId}) AS "isFlaggedByViewer"
    FROM "ImageConsensus" c
    WHERE c.dataset = ${dataset}::"Dataset" AND ${likelyLabelErrorSql}
    ORDER BY c."strongTopCount"::float8 / c."strongCount" DESC, c."correctCount" ASC, c."imageIndex" ASC
    LIMIT ${LABEL_ERROR_LIMIT}`;
}

/** How many images meet the rule, and how many models the consensus counts. */
export async function countLikelyLabelErrors(
  db: Db,
  datasetId: DatasetId,
): Promise<{ modelsCounted: number; likelyErrors: number }> {
  const [row] = await db.$queryRaw<{ modelsCounted: number | null; likelyErrors: number }[]>`
    SELECT max(c."modelsCounted")::int AS "modelsCounted",
      (count(*) FILTER (WHERE ${likelyLabelErrorSql}))::int AS "likelyErrors"
    FROM "ImageConsensus" c WHERE c.dataset = ${datasetEnumFromId(datasetId)}::"Dataset"`;
  return { modelsCounted: row?.modelsCounted ?? 0, likelyErrors: row?.likelyErrors ?? 0 };
}
