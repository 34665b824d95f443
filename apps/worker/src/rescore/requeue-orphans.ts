import { finalizeRescoreBatch } from '@tenfold/boards';
import { type Db, RescoreBatchStatus, RescoreItemStatus } from '@tenfold/db';
import { ensureRescoreJob, type ScoringQueue } from '@tenfold/queue';
import type { ReconcileOptions } from '../submission/requeue-orphans.ts';
import { itemCancelled, itemQueuedAgain, whereItemStale } from './item-status.ts';

const CHECK_CHUNK = 200;

export type RescoreReconcileSummary = { requeued: number; cancelled: number; enqueued: number; finalized: number };

/**
 * requeueOrphans for rescore items: ends items of cancelled batches that no live worker holds,
 * puts RUNNING items with a stale heartbeat back to QUEUED, gives every QUEUED item of a
 * running batch a job Redis will run, and ends running batches whose items are all final (their
 * last worker died between ending the item and ending the batch). Conditional or idempotent at
 * every step, like its twin.
 */
export async function requeueOrphanRescores(
  db: Db,
  queue: ScoringQueue,
  options: ReconcileOptions,
): Promise<RescoreReconcileSummary> {
  const now = options.now ?? new Date();
  const stale = whereItemStale(new Date(now.getTime() - options.staleAfterMs));
  const cancelled = await db.rescoreItem.updateMany({
    where: {
      batch: { status: { not: RescoreBatchStatus.RUNNING } },
      OR: [{ status: RescoreItemStatus.QUEUED }, stale],
    },
    data: itemCancelled(now),
  });
  const requeued = await db.rescoreItem.updateMany({
    where: stale,
    data: itemQueuedAgain('Queued again: the worker rescoring it stopped responding.'),
  });
  const queued = await db.rescoreItem.findMany({
    where: { status: RescoreItemStatus.QUEUED, batch: { status: RescoreBatchStatus.RUNNING } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  let enqueued = 0;
  // A batch may hold 10,000 items: look them up a chunk at a time rather than one by one.
  for (let start = 0; start < queued.length; start += CHECK_CHUNK) {
    const added = await Promise.all(
      queued.slice(start, start + CHECK_CHUNK).map(({ id }) => ensureRescoreJob(queue, id)),
    );
    enqueued += added.filter(Boolean).length;
  }
  const finished = await db.rescoreBatch.findMany({
    where: {
      status: RescoreBatchStatus.RUNNING,
      items: { none: { status: { in: [RescoreItemStatus.QUEUED, RescoreItemStatus.RUNNING] } } },
    },
    select: { id: true },
  });
  let finalized = 0;
  for (const { id } of finished) if (await finalizeRescoreBatch(db, id)) finalized += 1;
  return { requeued: requeued.count, cancelled: cancelled.count, enqueued, finalized };
}
