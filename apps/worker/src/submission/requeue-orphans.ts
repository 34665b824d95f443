import { type Db, SubmissionStatus, settleOrphanedSubmissions } from '@tenfold/db';
import { ensureScoringJob, type ScoringQueue } from '@tenfold/queue';

export type ReconcileOptions = {
  /** A RUNNING row whose heartbeat is older than this has lost its worker. */
  staleAfterMs: number;
  now?: Date;
};

export type ReconcileSummary = {
  /** Stale RUNNING submissions put back to QUEUED. */
  requeued: number;
  /** Cancellations requested for submissions no live worker holds, now CANCELLED. */
  cancelled: number;
  /** QUEUED submissions that had no job Redis would run, and got one. */
  enqueued: number;
};

/** WorkerHeartbeat rows of processes silent this long are forgotten (they were killed). */
const FORGET_WORKER_AFTER_MS = 24 * 3600_000;

/**
 * PostgreSQL is the source of truth; this makes Redis and the RUNNING rows agree with it, so that
 * nothing waits forever. Safe to run from every worker at once: each step is a conditional
 * update or an idempotent enqueue (the job id is the submission id). Covers a web app that
 * crashed between writing the row and enqueueing, a Redis that lost its data, a job BullMQ gave
 * up on, and a worker that died while scoring.
 */
export async function requeueOrphans(
  db: Db,
  queue: ScoringQueue,
  options: ReconcileOptions,
): Promise<ReconcileSummary> {
  const now = options.now ?? new Date();
  const settled = await settleOrphanedSubmissions(db, new Date(now.getTime() - options.staleAfterMs), now);
  const queued = await db.submission.findMany({
    where: { status: SubmissionStatus.QUEUED },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  let enqueued = 0;
  for (const { id } of queued) {
    if (await ensureScoringJob(queue, { submissionId: id })) enqueued++;
  }
  await db.workerHeartbeat.deleteMany({
    where: { lastSeenAt: { lt: new Date(now.getTime() - FORGET_WORKER_AFTER_MS) } },
  });
  return { ...settled, enqueued };
}
