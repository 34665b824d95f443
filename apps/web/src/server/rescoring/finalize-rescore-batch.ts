import 'server-only';
import type { Db } from '@tenfold/db';
import { readNewRanks, writeNewRanks } from './write-new-ranks.ts';

/**
 * Ends a RUNNING batch whose items are all final: freezes each item's new board position and
 * marks the batch DONE, in one transaction conditional on the batch still RUNNING (so two
 * viewers finalizing at once write once). The console calls it whenever it shows a running batch
 * (its page polls every two seconds), because board positions are the web app's to compute.
 * Returns true when this call ended the batch.
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
