import { parseArgs } from 'node:util';
import { loadSplit } from '@tenfold/datasets';
import { disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import type { startProcess } from '../../apps/web/tests/e2e/processes.ts';
import { stopProcess } from '../../apps/web/tests/e2e/processes.ts';
// The e2e tests' seeder: one definition of a realistic synthetic board for tests and benchmark.
import { seedBoard } from '../../apps/web/tests/support/seed-board.ts';
import { measureHttpLoad } from '../support/measure-http-load.ts';
import { requireWebBuild, startBenchWebApp } from '../support/start-bench-web-app.ts';

async function main() {
  const { values } = parseArgs({
    options: { clients: { type: 'string', default: '50' }, seconds: { type: 'string', default: '20' } },
  });
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  requireWebBuild();
  const database = await createTestDatabase('bench_leaderboard');
  let web: ReturnType<typeof startProcess> | undefined;
  try {
    const db = getDb(database.databaseUrl);
    const mnist = await loadSplit('mnist', 'test');
    const started = performance.now();
    await seedBoard(db, { models: 5_000, submissionsPerModel: 2, labels: { mnist: mnist.labels } });
    const submissions = await db.submission.count();
    console.log(`seeded ${submissions} scored submissions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const model = await db.model.findFirstOrThrow({ select: { id: true }, orderBy: { createdAt: 'asc' } });
    await disconnectDb(database.databaseUrl);

    const app = await startBenchWebApp(database.databaseUrl);
    web = app.web;
    const { baseUrl } = app;
    type Measured = Awaited<ReturnType<typeof measureHttpLoad>>;
    const results: { name: string; alone: Measured; result: Measured }[] = [];
    for (const [name, path] of [
      ['reference: a static file', '/icon.svg'],
      ['reference: one cached test image (route handler)', '/api/datasets/mnist/images/0'],
      ['leaderboard page', '/datasets/mnist'],
      ['leaderboard page, sorted by latency, page 40', '/datasets/mnist?sort=latency&page=40'],
      ['model page', `/models/${model.id}`],
      ['MNIST vs Fashion page', '/mnist-vs-fashion'],
      ['leaderboard JSON, page 1 (50 models)', '/api/datasets/mnist/leaderboard.json?page=1'],
      ['REST API v1 leaderboard, page 1 (50 models)', '/api/v1/leaderboards/mnist'],
      ['leaderboard JSON export (all 5,000 models)', '/api/datasets/mnist/leaderboard.json'],
      ['leaderboard CSV export (all 5,000 models)', '/api/datasets/mnist/leaderboard.csv'],
    ] as const) {
      await measureHttpLoad(`${baseUrl}${path}`, 4, 3); // warm up: compile caches, connection pool, dataset load
      const alone = await measureHttpLoad(`${baseUrl}${path}`, 1, 3);
      const result = await measureHttpLoad(`${baseUrl}${path}`, clients, seconds);
      results.push({ name, alone, result });
      console.log(`${name}: ${result.perSecond.toFixed(0)} req/s, p99 ${result.p99.toFixed(1)} ms`);
    }
    // The peer: what this machine serves at best under the same load, so runs on busy and idle
    // machines compare by ratio rather than by raw milliseconds.
    const peer = results[0]?.result;
    if (!peer) throw new Error('no reference row');
    const p99Ratio = (result: Measured) => result.p99 / peer.p99;
    const throughputRatio = (result: Measured) => result.perSecond / peer.perSecond;
    console.log(`\n${clients} clients, ${seconds} s each\n`);
    console.log(
      '| request | 1 client p50 ms | requests | req/s | p50 ms | p95 ms | p99 ms | p99 vs static | req/s vs static | KiB sent | errors |',
    );
    console.log(
      '| ------- | --------------- | -------- | ----- | ------ | ------ | ------ | ------------- | --------------- | -------- | ------ |',
    );
    for (const { name, alone, result } of results) {
      console.log(
        `| ${name} | ${alone.p50.toFixed(1)} | ${result.requests} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p99.toFixed(1)} | ${p99Ratio(result).toFixed(2)}x | ${throughputRatio(result).toFixed(2)}x | ${result.kb.toFixed(0)} | ${result.errors} |`,
      );
    }
    const page = results.find((row) => row.name === 'leaderboard page')?.result;
    if (!page) throw new Error('no leaderboard page row');
    console.log(
      `\npage p99 vs static: ${p99Ratio(page).toFixed(2)}x, page throughput vs static: ${throughputRatio(page).toFixed(2)}x`,
    );
  } finally {
    await stopProcess(web);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
