import { parseArgs } from 'node:util';
import { syncImageConsensus } from '@tenfold/boards';
import { seedSyntheticModels } from '@tenfold/boards/testing';
import { loadSplit } from '@tenfold/datasets';
import { disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import type { startProcess } from '../../apps/web/tests/e2e/processes.ts';
import { stopProcess } from '../../apps/web/tests/e2e/processes.ts';
import { measureHttpLoad } from '../support/measure-http-load.ts';
import { requireWebBuild, startBenchWebApp } from '../support/start-bench-web-app.ts';

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function main() {
  const { values } = parseArgs({
    options: {
      models: { type: 'string', default: '500' },
      clients: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '10' },
    },
  });
  const [models, clients, seconds] = [Number(values.models), Number(values.clients), Number(values.seconds)];
  requireWebBuild();
  const database = await createTestDatabase('bench_consensus');
  let web: ReturnType<typeof startProcess> | undefined;
  try {
    const db = getDb(database.databaseUrl);
    const { labels } = await loadSplit('mnist', 'test');
    const owner = await db.user.create({ data: { email: 'bench@tenfold.test', name: 'Bench' } });
    const seeded = await timed(() =>
      seedSyntheticModels(db, {
        dataset: 'MNIST',
        labels,
        ownerId: owner.id,
        count: models,
        seed: 1,
        plantedImages: [17, 345],
        plantedAccuracy: 0.9,
      }),
    );
    console.log(`seeded ${models} models with their predictions in ${(seeded.ms / 1000).toFixed(1)} s`);
    const loadLabels = async () => labels;
    const full = await timed(() => syncImageConsensus(db, 'mnist', loadLabels));
    const idle = await timed(() => syncImageConsensus(db, 'mnist', loadLabels));
    const incremental: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      await seedSyntheticModels(db, {
        dataset: 'MNIST',
        labels,
        ownerId: owner.id,
        count: 1,
        seed: 100 + round,
        namePrefix: `new-${round}`,
      });
      incremental.push((await timed(() => syncImageConsensus(db, 'mnist', loadLabels))).ms);
    }
    incremental.sort((a, b) => a - b);
    const syncRows = [
      `| full build (${models} models) | ${full.ms.toFixed(0)} | ${full.value.joined} joined |`,
      `| sync with nothing to do | ${idle.ms.toFixed(0)} | ${idle.value.joined} joined |`,
      `| after one new evaluation (median of 5) | ${incremental[2]?.toFixed(0)} | max ${incremental[4]?.toFixed(0)} ms |`,
    ];
    for (const row of syncRows) console.log(row);
    const sampleModel = await db.model.findFirstOrThrow({ where: { name: `synthetic-1-${Math.floor(models / 2)}` } });
    await disconnectDb(database.databaseUrl);

    const started = await startBenchWebApp(database.databaseUrl);
    web = started.web;
    const { baseUrl } = started;
    const pageRows: string[] = [];
    let boardP50 = Number.NaN;
    for (const [name, path] of [
      ['leaderboard page (the peer)', '/datasets/mnist'],
      ['hardest images, confusion, drop per class', '/datasets/mnist/consensus'],
      ['likely label errors', '/datasets/mnist/label-errors'],
      ['dataset card (with the label-quality count)', '/datasets/mnist/card'],
      ['model page with rare hits and misses', `/models/${sampleModel.id}?dataset=mnist`],
      ['REST API v1 consensus, JSON (10,000 rows)', '/api/v1/datasets/mnist/consensus'],
      ['REST API v1 consensus, CSV', '/api/v1/datasets/mnist/consensus?format=csv'],
    ] as const) {
      await measureHttpLoad(`${baseUrl}${path}`, 4, 3); // warm up: compile caches, connection pool, dataset load
      const alone = await measureHttpLoad(`${baseUrl}${path}`, 1, 3);
      const result = await measureHttpLoad(`${baseUrl}${path}`, clients, seconds);
      if (Number.isNaN(boardP50)) boardP50 = result.p50;
      pageRows.push(
        `| ${name} | ${alone.p50.toFixed(1)} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p99.toFixed(1)} | ${(result.p50 / boardP50).toFixed(2)}x | ${result.kb.toFixed(0)} | ${result.errors} |`,
      );
      console.log(pageRows.at(-1));
    }
    console.log(`\n| consensus sync | ms | note |\n| --- | --- | --- |\n${syncRows.join('\n')}`);
    console.log(`\n${models + 5} models, ${clients} clients, ${seconds} s each\n`);
    console.log('| request | 1 client p50 ms | req/s | p50 ms | p99 ms | p50 vs leaderboard page | KiB | errors |');
    console.log('| ------- | --------------- | ----- | ------ | ------ | ----------------------- | --- | ------ |');
    for (const row of pageRows) console.log(row);
  } finally {
    await stopProcess(web);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
