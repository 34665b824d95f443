import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@tenfold/db/testing';
import { createRedisConnection, createScoringQueue, type PageChange, readPageChangeSecret } from '@tenfold/queue';
import { getFreePort, type Spawned, startProcess, stopProcess, waitForHttp } from './processes.ts';

export const WEB_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export type WebApp = {
  baseUrl: string;
  /** The environment `next start` runs with (also right for a worker beside it). */
  env: NodeJS.ProcessEnv;
  database: TestDatabase;
  web: Spawned;
  stop: () => Promise<void>;
};

/**
 * The production build of apps/web under `next start`, on a free port, with its own database,
 * Redis prefix and auth secret. Needs `next build` in apps/web first.
 */
export async function startWebApp(name: string, extraEnv: Record<string, string> = {}): Promise<WebApp> {
  if (!existsSync(join(WEB_DIR, '.next', 'BUILD_ID'))) {
    throw new Error('apps/web has no production build: run `npx next build` in apps/web before this test.');
  }
  const database = await createTestDatabase(name);
  const queuePrefix = `tenfold-e2e-${randomUUID()}`;
  const port = await getFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    BETTER_AUTH_SECRET: randomBytes(32).toString('base64'),
    APP_URL: baseUrl,
    // For a worker started with this environment: where it tells the web app about new results.
    WEB_URL: baseUrl,
    TENFOLD_ADMIN_EMAIL: '',
    ...extraEnv,
  };
  const nextBin = createRequire(join(WEB_DIR, 'package.json')).resolve('next/dist/bin/next');
  const web = startProcess(
    'next start',
    process.execPath,
    [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: WEB_DIR, env: { ...env, NODE_ENV: 'production' } },
  );
  const stop = async () => {
    await stopProcess(web);
    const connection = createRedisConnection(REDIS_URL, { role: 'producer' });
    const queue = createScoringQueue(connection, queuePrefix);
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    const keys = await connection.keys(`${queuePrefix}:*`);
    if (keys.length > 0) await connection.del(...keys);
    connection.disconnect();
    await database.drop();
  };
  try {
    await waitForHttp(`${baseUrl}/`, web, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, env, database, web, stop };
}

/**
 * What a worker does after it commits a result, for tests that write results straight into the
 * database: the web app drops the cached pages showing it (its internal page-changes route).
 */
export async function announcePageChange(app: WebApp, change: PageChange): Promise<void> {
  // 'worker': commands wait for the connection instead of failing before it is up.
  const connection = createRedisConnection(REDIS_URL, { role: 'worker' });
  try {
    const secret = await readPageChangeSecret(connection, app.env.QUEUE_PREFIX as string);
    const response = await fetch(`${app.baseUrl}/api/internal/page-changes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(change),
    });
    if (response.status !== 204) throw new Error(`page-changes: HTTP ${response.status} ${await response.text()}`);
  } finally {
    connection.disconnect();
  }
}
