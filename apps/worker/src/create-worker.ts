import { SCORING_QUEUE, type ScoreJob, scoreJobSchema } from '@tenfold/queue';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { processScoreJob, type ScoreJobDeps } from './process-score-job.ts';

export type CreateWorkerOptions = {
  connection: Redis;
  prefix: string;
  concurrency: number;
  deps: ScoreJobDeps;
};

/**
 * The BullMQ consumer of the scoring queue. Inference runs in a child process per job
 * (see @tenfold/scoring), so this process's event loop stays free to renew job locks.
 */
export function createWorker(options: CreateWorkerOptions): Worker<ScoreJob> {
  return new Worker<ScoreJob>(
    SCORING_QUEUE,
    async (job) => {
      const { submissionId } = scoreJobSchema.parse(job.data);
      return processScoreJob(options.deps, {
        submissionId,
        // attemptsMade counts earlier failed attempts; this run is the next one.
        attempt: job.attemptsMade + 1,
        maxAttempts: job.opts.attempts ?? 1,
      });
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency },
  );
}
