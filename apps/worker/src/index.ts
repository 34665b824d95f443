// The worker process: reads env once, connects to PostgreSQL and Redis, keeps its heartbeat,
// reconciles PostgreSQL with Redis at start-up and periodically, consumes the scoring queue, and
// on SIGTERM / SIGINT lets running jobs finish within a grace period or hands them back.
import { DATASETS } from '@tenfold/datasets';
import { getDb } from '@tenfold/db';
import { createRedisConnection, createScoringQueue } from '@tenfold/queue';
import { createScoringInputsLoader, disposeSpareSandboxes } from '@tenfold/scoring';
import { createPageChangeAnnouncer } from './announce-page-change.ts';
import { createWorker } from './create-worker.ts';
import { createDatasetAvailability } from './dataset-availability.ts';
import { readEnv } from './env.ts';
import { failOrphanedShiftedChecks } from './record-shifted-check.ts';
import { refreshImageConsensus } from './refresh-image-consensus.ts';
import { requeueOrphanRescores } from './rescore/requeue-orphans.ts';
import { runPeriodically } from './run-periodically.ts';
import { startWorkerHeartbeat } from './start-worker-heartbeat.ts';
import { requeueOrphans } from './submission/requeue-orphans.ts';
import { retryDatasetFailures } from './submission/retry-dataset-failures.ts';

/** After the grace period, how long handing back may take before the process exits anyway. */
const FORCE_EXIT_AFTER_MS = 15_000;

const env = readEnv();
const prefix = () => `${new Date().toISOString()} [worker ${env.WORKER_ID}]`;
const log = (message: string) => console.log(`${prefix()} ${message}`);
const logError = (context: string) => (error: unknown) =>
  console.error(`${prefix()} ${context}: ${error instanceof Error ? error.message : String(error)}`);

const db = getDb(env.DATABASE_URL);
const connection = createRedisConnection(env.REDIS_URL, { role: 'worker' });
const queue = createScoringQueue(connection, env.QUEUE_PREFIX);
const datasetOptions = { dataDir: env.TENFOLD_DATASETS_DIR, usePackagedSources: env.TENFOLD_DATASETS_PACKAGED };
const loadScoringInputs = createScoringInputsLoader(datasetOptions);
// Each dataset on its own: a missing one is said in the heartbeat and its jobs wait, while the
// other's are scored. Loaded before consuming, so the first job is as fast as the others and no
// job of a dataset that is there waits for the first heartbeat.
const datasets = createDatasetAvailability(datasetOptions);
await datasets.refresh();

let reportedProblems = '';
/** Says which datasets this worker cannot score, each time that changes. */
function reportDatasetProblems() {
  const problems = Object.entries(datasets.status().problems)
    .map(([dataset, why]) => `cannot score ${dataset}, its jobs wait for a worker that can: ${why}`)
    .join('; ');
  if (problems && problems !== reportedProblems) log(problems);
  reportedProblems = problems;
}

const heartbeat = startWorkerHeartbeat(
  db,
  { workerId: env.WORKER_ID, concurrency: env.WORKER_CONCURRENCY },
  datasets,
  env.WORKER_HEARTBEAT_MS,
  {
    onChecked: async (becameScorable) => {
      reportDatasetProblems();
      if (!becameScorable.length) return;
      log(`can score ${becameScorable.join(', ')}`);
      const retried = await retryDatasetFailures(db, queue, becameScorable);
      if (retried.length)
        log(`queued again ${retried.length} submission(s) that had failed for a missing dataset file`);
    },
    onError: logError('heartbeat'),
  },
);
const announcePageChange = createPageChangeAnnouncer({
  webUrl: env.WEB_URL,
  redis: connection,
  prefix: env.QUEUE_PREFIX,
});
const reconciler = runPeriodically(
  async () => {
    const { requeued, cancelled, enqueued } = await requeueOrphans(db, queue, { staleAfterMs: env.STALE_AFTER_MS });
    if (requeued || cancelled || enqueued) {
      log(`reconciled: ${requeued} requeued from dead workers, ${cancelled} cancelled, ${enqueued} job(s) re-created`);
    }
    // The check runs inside the scoring's wall time; past that and a heartbeat, its worker is gone.
    const checks = await failOrphanedShiftedChecks(db, env.SCORING_TIMEOUT_MS + env.STALE_AFTER_MS);
    if (checks) log(`reconciled: ${checks} shifted-copy check(s) ended, their worker stopped`);
    const rescores = await requeueOrphanRescores(db, queue, { staleAfterMs: env.STALE_AFTER_MS });
    if (rescores.requeued || rescores.cancelled || rescores.enqueued || rescores.finalized) {
      log(
        `reconciled rescores: ${rescores.requeued} requeued, ${rescores.cancelled} cancelled, ${rescores.enqueued} job(s) re-created, ${rescores.finalized} batch(es) ended`,
      );
    }
    // The consensus follows every evaluation and moderation as it happens; this catches what a
    // failed or missed refresh left behind (a sync with nothing to do is one board query).
    for (const dataset of Object.values(DATASETS)) {
      if (!datasets.canScore(dataset.enumValue)) continue;
      const synced = await refreshImageConsensus(db, dataset.enumValue, announcePageChange);
      if (synced?.joined || synced?.left)
        log(`image consensus of ${dataset.id}: ${synced.joined} joined, ${synced.left} left`);
    }
  },
  env.RECONCILE_INTERVAL_MS,
  logError('reconciler'),
);

let isShuttingDown = false;
const worker = createWorker({
  connection,
  prefix: env.QUEUE_PREFIX,
  concurrency: env.WORKER_CONCURRENCY,
  lockDurationMs: env.WORKER_LOCK_MS,
  deps: {
    db,
    workerId: env.WORKER_ID,
    loadScoringInputs,
    datasets: { canScore: datasets.canScore, waitMs: env.WORKER_HEARTBEAT_MS },
    scoring: {
      limits: { wallTimeMs: env.SCORING_TIMEOUT_MS, memoryMb: env.SCORING_MEMORY_MB },
      workDir: env.TENFOLD_WORK_DIR,
      threads: env.SCORING_THREADS,
      keepWarm: true,
    },
    lease: { heartbeatMs: env.JOB_HEARTBEAT_MS, staleAfterMs: env.STALE_AFTER_MS },
    isDraining: () => isShuttingDown,
    announcePageChange,
  },
});
worker.on('active', (job) => log(`${job.id}: started`));
worker.on('completed', (job, outcome) => log(`${job.id}: ${outcome}`));
worker.on('failed', (job, error) => logError(`${job?.id}: attempt failed`)(error));
worker.on('stalled', (jobId) => log(`${jobId}: stalled, redelivered`));
worker.on('error', logError('queue'));
log(`consuming queue "${env.QUEUE_PREFIX}" with concurrency ${env.WORKER_CONCURRENCY}`);

async function shutdown(signal: string) {
  if (isShuttingDown) return;
  isShuttingDown = true;
  log(`${signal}: running jobs may finish within ${env.SHUTDOWN_GRACE_MS} ms, then they are handed back`);
  const handBack = setTimeout(() => {
    log('grace period over: handing running jobs back to the queue');
    worker.cancelAllJobs('shutdown');
  }, env.SHUTDOWN_GRACE_MS);
  // An unreachable Redis or PostgreSQL must not keep a stopping process alive forever; what it
  // could not hand back, the reconciler of another worker picks up.
  setTimeout(() => {
    logError('shutdown')('timed out');
    process.exit(1);
  }, env.SHUTDOWN_GRACE_MS + FORCE_EXIT_AFTER_MS).unref();
  // close() stops taking jobs and waits until each running one is recorded or handed back.
  await Promise.all([reconciler.stop(), worker.close()]);
  clearTimeout(handBack);
  await heartbeat.stop().catch(logError('heartbeat'));
  await disposeSpareSandboxes();
  await queue.close();
  connection.disconnect();
  await db.$disconnect();
  log('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
