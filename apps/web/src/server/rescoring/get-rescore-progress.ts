import 'server-only';
import type { Db, RescoreBatchStatus, RescoreItemStatus } from '@tenfold/db';

export type RescoreProgress = {
  id: string;
  status: RescoreBatchStatus;
  total: number;
  counts: Record<RescoreItemStatus, number>;
  /** Items in a final state (done, failed, cancelled). */
  finished: number;
  scorerVersion: string;
  createdAt: Date;
  finishedAt: Date | null;
};

const NO_COUNTS: Record<RescoreItemStatus, number> = { QUEUED: 0, RUNNING: 0, DONE: 0, FAILED: 0, CANCELLED: 0 };

/** Counts per item status. */
export async function getRescoreProgress(db: Db, batchId: string): Promise<RescoreProgress | null> {
  const batch = await db.rescoreBatch.findUnique({
    where: { id: batchId },
    select: { id: true, status: true, total: true, scorerVersion: true, createdAt: true, finishedAt: true },
  });
  if (!batch) return null;
  const groups = await db.rescoreItem.groupBy({ by: ['status'], where: { batchId }, _count: { _all: true } });
  const counts = { ...NO_COUNTS };
  for (const group of groups) counts[group.status] = group._count._all;
  return { ...batch, counts, finished: counts.DONE + counts.FAILED + counts.CANCELLED };
}
