import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Spawned, startProcess } from '../e2e/processes.ts';

const WORKER_DIR = fileURLToPath(new URL('../../../worker', import.meta.url));

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
  // Its compiled bundle, as `npm start` runs it (`npm test` builds it first).
  return startProcess('worker', process.execPath, ['dist/index.mjs'], {
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
