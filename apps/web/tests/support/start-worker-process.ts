import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Spawned, startProcess } from '../e2e/processes.ts';

const WORKER_DIR = fileURLToPath(new URL('../../../worker', import.meta.url));

/** The worker's compiled bundle, which `npm start` runs (`npm test` builds it before the tests). */
export function compiledWorkerEntry(): string {
  const entry = join(WORKER_DIR, 'dist/index.mjs');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: build the worker first (npx turbo run build --filter=@tenfold/worker).`);
  }
  return entry;
}

/**
 * The real worker (apps/worker, as `npm start` runs it) on a test's database and queue prefix;
 * WEB_URL, where a web app runs beside it, so its cached pages hear of the results.
 */
export function startWorkerProcess(env: {
  DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  WEB_URL?: string;
}): Spawned {
  return startProcess('worker', process.execPath, [compiledWorkerEntry()], {
    cwd: WORKER_DIR,
    env: {
      ...process.env,
      ...env,
      WORKER_CONCURRENCY: '1',
      WORKER_ID: `test-worker-${process.pid}`,
      JOB_HEARTBEAT_MS: '200',
      STALE_AFTER_MS: '5000',
      TENFOLD_WORK_DIR: mkdtempSync(join(tmpdir(), 'tenfold-rescore-worker-')),
    },
  });
}
