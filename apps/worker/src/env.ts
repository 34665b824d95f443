import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/tenfold'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Namespaces every Redis key of the queue; web and worker must agree. */
  QUEUE_PREFIX: z.string().min(1).default('tenfold'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  WORKER_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
  /** Wall time for one model on one test split, load included. */
  SCORING_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(120_000),
  SCORING_MEMORY_MB: z.coerce.number().int().min(128).default(2_048),
  /** Intra-op threads per scoring process; one is robust when several jobs run at once. */
  SCORING_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  /** Checked before the packaged dataset sources (see packages/datasets). */
  TENFOLD_DATASETS_DIR: z.string().min(1).optional(),
  /** Scratch space for scoring processes; each job gets a subfolder removed afterwards. */
  TENFOLD_WORK_DIR: z.string().min(1).default(join(tmpdir(), 'tenfold-worker')),
});

export type WorkerEnv = z.infer<typeof envSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid worker environment: ${problems}`);
  }
  return parsed.data;
}
