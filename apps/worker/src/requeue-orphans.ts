import type { Db } from '@tenfold/db';
import { enqueueScoring, type ScoringQueue } from '@tenfold/queue';

/** A running submission whose worker has not written progress for this long has lost its worker. */
const STALE_HEARTBEAT_MS = 5 * 60_000;

/**
 * PostgreSQL is the source of truth: every submission it calls QUEUED gets a job (enqueueing
 * is idempotent per submission), and RUNNING ones whose worker went silent are queued again.
 * Covers a web app that crashed between writing the row and enqueueing, and a Redis that lost
 * its data. Returns how many submissions were (re)enqueued.
 */
export async function requeueOrphans(db: Db, queue: ScoringQueue, now = new Date()): Promise<number> {
  await db.submission.updateMany({
    where: { status: 'RUNNING', heartbeatAt: { lt: new Date(now.getTime() - STALE_HEARTBEAT_MS) } },
    data: { status: 'QUEUED', statusReason: 'Queued again: the worker scoring it stopped responding.' },
  });
  const queued = await db.submission.findMany({
    where: { status: 'QUEUED' },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  for (const { id } of queued) await enqueueScoring(queue, { submissionId: id });
  return queued.length;
}
