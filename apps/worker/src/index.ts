// The worker process: reads env once, connects to PostgreSQL and Redis, re-enqueues orphaned
// submissions, consumes the scoring queue, and shuts down gracefully on SIGTERM / SIGINT.
import { getDb } from '@tenfold/db';
import { createRedisConnection, createScoringQueue } from '@tenfold/queue';
import { createWorker } from './create-worker.ts';
import { readEnv } from './env.ts';
import { createScoringInputsLoader } from './load-scoring-inputs.ts';
import { requeueOrphans } from './requeue-orphans.ts';

const env = readEnv();
const db = getDb(env.DATABASE_URL);
const connection = createRedisConnection(env.REDIS_URL, { role: 'worker' });
const queue = createScoringQueue(connection, env.QUEUE_PREFIX);

const worker = createWorker({
  connection,
  prefix: env.QUEUE_PREFIX,
  concurrency: env.WORKER_CONCURRENCY,
  deps: {
    db,
    workerId: env.WORKER_ID,
    loadScoringInputs: createScoringInputsLoader({ dataDir: env.TENFOLD_DATASETS_DIR }),
    scoring: {
      limits: { wallTimeMs: env.SCORING_TIMEOUT_MS, memoryMb: env.SCORING_MEMORY_MB },
      workDir: env.TENFOLD_WORK_DIR,
      threads: env.SCORING_THREADS,
    },
  },
});

worker.on('completed', (job, outcome) => console.log(`[worker] ${job.id}: ${outcome}`));
worker.on('failed', (job, error) => console.error(`[worker] ${job?.id}: attempt failed: ${error.message}`));
worker.on('error', (error) => console.error(`[worker] ${error.message}`));

const requeued = await requeueOrphans(db, queue);
console.log(
  `[worker] ${env.WORKER_ID} consuming queue "${env.QUEUE_PREFIX}" with concurrency ${env.WORKER_CONCURRENCY}; ${requeued} queued submission(s) (re)enqueued`,
);

let isShuttingDown = false;
async function shutdown(signal: string) {
  if (isShuttingDown) return;
  isShuttingDown = true;
  console.log(`[worker] ${signal}: finishing running jobs, then exiting`);
  // close() waits for active jobs to finish, so no result is half-written.
  await worker.close();
  await queue.close();
  connection.disconnect();
  await db.$disconnect();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
