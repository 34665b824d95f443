import { parseArgs } from 'node:util';
import { loadSplit } from '@tenfold/datasets';
import { disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import type { startProcess } from '../../apps/web/tests/e2e/processes.ts';
import { stopProcess } from '../../apps/web/tests/e2e/processes.ts';
// The e2e tests' seeder: one definition of a realistic synthetic board for tests and benchmark.
import { seedBoard } from '../../apps/web/tests/support/seed-board.ts';
import { measureAgainstStatic } from '../support/measure-against-static.ts';
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
    const rows = await measureAgainstStatic(
      baseUrl,
      [
        ['reference: one cached test image (route handler)', '/api/datasets/mnist/images/0'],
        ['leaderboard page', '/datasets/mnist'],
        ['leaderboard page, sorted by latency, page 40', '/datasets/mnist?sort=latency&page=40'],
        ['model page', `/models/${model.id}`],
        ['MNIST vs Fashion page', '/mnist-vs-fashion'],
        ['leaderboard JSON, page 1 (50 models)', '/api/datasets/mnist/leaderboard.json?page=1'],
        ['REST API v1 leaderboard, page 1 (50 models)', '/api/v1/leaderboards/mnist'],
        ['leaderboard JSON export (all 5,000 models)', '/api/datasets/mnist/leaderboard.json'],
        ['leaderboard CSV export (all 5,000 models)', '/api/datasets/mnist/leaderboard.csv'],
      ],
      clients,
      seconds,
    );
    const page = rows.find((row) => row.name === 'leaderboard page');
    if (!page) throw new Error('no leaderboard page row');
    console.log(
      `\npage p99 vs static: ${page.p99Ratio.toFixed(2)}x, page throughput vs static: ${page.throughputRatio.toFixed(2)}x`,
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
