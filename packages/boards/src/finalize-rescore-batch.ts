import type { Db } from '@tenfold/db';
import { readNewRanks, writeNewRanks } from './write-new-ranks.ts';

/**
 * Ends a RUNNING batch whose items are all final: freezes each item's new board position (the
 * boards as they are now) and marks the batch DONE, in one transaction conditional on the batch
 * still RUNNING, so two workers ending its last two items at once write once. The worker calls it
 * after every item it ends, the reconciler for batches a crash left open; a cancelled batch is
 * not touched (its ranks were frozen when it was cancelled). Returns true when this call ended
 * the batch.
 */
export async function finalizeRescoreBatch(db: Db, batchId: string): Promise<boolean> {
  const open = await db.rescoreItem.count({ where: { batchId, status: { in: ['QUEUED', 'RUNNING'] } } });
  if (open > 0) return false;
  const batch = await db.rescoreBatch.findUnique({ where: { id: batchId }, select: { status: true } });
  if (batch?.status !== 'RUNNING') return false;
  const newRanks = await readNewRanks(db, batchId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.rescoreBatch.updateMany({
      where: { id: batchId, status: 'RUNNING' },
      data: { status: 'DONE', finishedAt: new Date() },
    });
    if (count === 0) return false;
    await writeNewRanks(tx, batchId, newRanks);
    return true;
  });
}
