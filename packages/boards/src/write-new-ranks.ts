import { type Db, Prisma } from '@tenfold/db';
import { getBoardRanks } from './get-board-ranks.ts';

export type NewRanks = { itemIds: string[]; ranks: number[] };

/**
 * Every item's position on its board as it is now, the "after" of the report; items missing
 * from the result are on no board (not their model's entry, or the model is not public).
 */
export async function readNewRanks(db: Db, batchId: string): Promise<NewRanks> {
  const items = await db.rescoreItem.findMany({
    where: { batchId },
    select: { id: true, submissionId: true, submission: { select: { dataset: true } } },
  });
  const board = await getBoardRanks(
    db,
    items.map((item) => item.submission.dataset),
  );
  const result: NewRanks = { itemIds: [], ranks: [] };
  for (const item of items) {
    const rank = board.get(item.submissionId);
    if (rank === undefined) continue;
    result.itemIds.push(item.id);
    result.ranks.push(rank);
  }
  return result;
}

/** Freezes the ranks read by readNewRanks on the items: one UPDATE whatever the batch size. */
export async function writeNewRanks(tx: Prisma.TransactionClient, batchId: string, newRanks: NewRanks): Promise<void> {
  await tx.rescoreItem.updateMany({ where: { batchId, newRank: { not: null } }, data: { newRank: null } });
  if (newRanks.itemIds.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    UPDATE "RescoreItem" AS item SET "newRank" = v.rank
    FROM unnest(${newRanks.itemIds}::text[], ${newRanks.ranks}::int[]) AS v(id, rank)
    WHERE item.id = v.id`);
}
