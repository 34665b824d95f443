import 'server-only';
import { readNewRanks, writeNewRanks } from '@tenfold/boards';
import { removeRescoreJobs } from '@tenfold/queue';
import { recordAuditEntry } from '@/server/access/record-audit-entry';
import type { Actor } from '@/server/auth/authenticate-request';
import { type Refused, refuse } from '@/server/http/refusal';
import type { RescoreDeps } from './rescore-deps.ts';

export type CancelRescoreBatchResult = { ok: true; cancelledItems: number; doneItems: number } | Refused;

/**
 * Cancels a running batch: its QUEUED and RUNNING items become CANCELLED and the batch
 * CANCELLED, with the audit row, in one transaction; then the waiting jobs are removed. A
 * running item is stopped, not let finish: its worker's next heartbeat (0.5 s) matches nothing,
 * the scoring process is killed and no evaluation is written. What finished before keeps its
 * new evaluation, and its new board position is frozen here as for a batch that ran to the end.
 */
export async function cancelRescoreBatch(
  deps: RescoreDeps,
  actor: Actor,
  batchId: string,
): Promise<CancelRescoreBatchResult> {
  if (actor.role !== 'ADMIN') return refuse(403, 'Only admins can cancel rescoring.');
  const { db } = deps;
  const batch = await db.rescoreBatch.findUnique({ where: { id: batchId }, select: { status: true } });
  if (!batch) return refuse(404, 'No rescore batch with this id.');
  if (batch.status !== 'RUNNING') {
    return refuse(409, `This batch is ${batch.status.toLowerCase()} already.`);
  }
  const open = await db.rescoreItem.findMany({
    where: { batchId, status: { in: ['QUEUED', 'RUNNING'] } },
    select: { id: true },
  });
  const now = new Date();
  const result = await db.$transaction(
    async (tx) => {
      const { count } = await tx.rescoreBatch.updateMany({
        where: { id: batchId, status: 'RUNNING' },
        data: { status: 'CANCELLED', cancelledAt: now, finishedAt: now },
      });
      if (count === 0) return null;
      const cancelled = await tx.rescoreItem.updateMany({
        where: { batchId, status: { in: ['QUEUED', 'RUNNING'] } },
        data: { status: 'CANCELLED', statusReason: 'The batch was cancelled.', heartbeatAt: null, finishedAt: now },
      });
      const doneItems = await tx.rescoreItem.count({ where: { batchId, status: 'DONE' } });
      await recordAuditEntry(tx, actor, {
        action: 'rescore.cancel',
        targetType: 'RescoreBatch',
        targetId: batchId,
        details: { cancelledItems: cancelled.count, doneItems },
      });
      return { cancelledItems: cancelled.count, doneItems };
    },
    { timeout: 60_000 },
  );
  if (!result) return refuse(409, 'The batch changed state meanwhile: reload it.');
  // Every item is final now, so the board no longer moves because of this batch.
  const newRanks = await readNewRanks(db, batchId);
  await db.$transaction((tx) => writeNewRanks(tx, batchId, newRanks));
  await removeRescoreJobs(
    deps.queue,
    open.map((item) => item.id),
  ).catch((error: unknown) => {
    // The items are CANCELLED already and a worker skips final items: a leftover job is harmless.
    console.warn(`[tenfold] rescore batch ${batchId}: jobs not removed: ${error}`);
  });
  return { ok: true, ...result };
}
