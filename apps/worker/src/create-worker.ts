import { RESCORE_ITEM_JOB, rescoreJobSchema, SCORING_QUEUE, type ScoringJobData, scoreJobSchema } from '@tenfold/queue';
import { DelayedError, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { processRescoreJob } from './rescore/process-job.ts';
import type { JobDeps } from './run-claimed-job.ts';
import { processScoreJob } from './submission/process-job.ts';

export type CreateWorkerOptions = {
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** BullMQ's job lock; the stalled-job check runs at the same interval. */
  lockDurationMs: number;
  deps: JobDeps;
};

/**
 * BullMQ gives up on a job that stalled more often than this. The submission's attempts counter
 * in PostgreSQL is what limits retries; this only bounds redeliveries of one Redis job.
 */
const MAX_STALLED_REDELIVERIES = 5;

/**
 * The BullMQ consumer of the scoring queue. Inference runs in a child process per job
 * (see @tenfold/scoring), so this process's event loop stays free to renew job locks.
 */
export function createWorker(options: CreateWorkerOptions): Worker<ScoringJobData> {
  return new Worker<ScoringJobData>(
    SCORING_QUEUE,
    async (job, token, signal) => {
      // BullMQ aborts `signal` only on worker.cancelAllJobs(), which index.ts calls at shutdown.
      const attempt = { maxAttempts: job.opts.attempts ?? 1, shutdownSignal: signal };
      const outcome =
        job.name === RESCORE_ITEM_JOB
          ? await processRescoreJob(options.deps, { ...rescoreJobSchema.parse(job.data), ...attempt })
          : await processScoreJob(options.deps, { ...scoreJobSchema.parse(job.data), ...attempt });
      // Neither moves count as a failed attempt of the Redis job.
      if (outcome.kind === 'handed-back') {
        await job.moveToWait(token);
        throw new WaitingError();
      }
      if (outcome.kind === 'busy') {
        await job.moveToDelayed(outcome.retryAt, token);
        throw new DelayedError();
      }
      return outcome.kind;
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval: options.lockDurationMs,
      maxStalledCount: MAX_STALLED_REDELIVERIES,
    },
  );
}
