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

/** The pages of issue #16 served from the page cache, summed up against the static file at the end. */
const CONSENSUS_PAGES = [
  'hardest images, confusion, drop per class',
  'likely label errors',
  'dataset card (with the label-quality count)',
] as const;

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
    type Measured = Awaited<ReturnType<typeof measureHttpLoad>>;
    const results: { name: string; alone: Measured; result: Measured }[] = [];
    for (const [name, path] of [
      ['reference: a static file', '/icon.svg'],
      ['leaderboard page', '/datasets/mnist'],
      [CONSENSUS_PAGES[0], '/datasets/mnist/consensus'],
      [CONSENSUS_PAGES[1], '/datasets/mnist/label-errors'],
      [CONSENSUS_PAGES[2], '/datasets/mnist/card'],
      ['model page with rare hits and misses', `/models/${sampleModel.id}?dataset=mnist`],
      ['REST API v1 consensus, JSON (10,000 rows)', '/api/v1/datasets/mnist/consensus'],
      ['REST API v1 consensus, CSV', '/api/v1/datasets/mnist/consensus?format=csv'],
    ] as const) {
      await measureHttpLoad(`${baseUrl}${path}`, 4, 3); // warm up: compile caches, connection pool, dataset load
      const alone = await measureHttpLoad(`${baseUrl}${path}`, 1, 3);
      const result = await measureHttpLoad(`${baseUrl}${path}`, clients, seconds);
      results.push({ name, alone, result });
      console.log(`${name}: ${result.perSecond.toFixed(0)} req/s, p99 ${result.p99.toFixed(1)} ms`);
    }
    // The peer: what this machine serves at best under the same load, so runs on busy and idle
    // machines compare by ratio rather than by raw milliseconds (as bench:leaderboard).
    const peer = results[0]?.result;
    if (!peer) throw new Error('no reference row');
    const p99Ratio = (result: Measured) => result.p99 / peer.p99;
    const throughputRatio = (result: Measured) => result.perSecond / peer.perSecond;
    console.log(`\n| consensus sync | ms | note |\n| --- | --- | --- |\n${syncRows.join('\n')}`);
    console.log(`\n${models + 5} models, ${clients} clients, ${seconds} s each\n`);
    console.log(
      '| request | 1 client p50 ms | requests | req/s | p50 ms | p95 ms | p99 ms | p99 vs static | req/s vs static | KiB | errors |',
    );
    console.log(
      '| ------- | --------------- | -------- | ----- | ------ | ------ | ------ | ------------- | --------------- | --- | ------ |',
    );
    for (const { name, alone, result } of results) {
      console.log(
        `| ${name} | ${alone.p50.toFixed(1)} | ${result.requests} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p99.toFixed(1)} | ${p99Ratio(result).toFixed(2)}x | ${throughputRatio(result).toFixed(2)}x | ${result.kb.toFixed(0)} | ${result.errors} |`,
      );
    }
    console.log('');
    for (const { name, result } of results.filter((row) => CONSENSUS_PAGES.some((page) => page === row.name))) {
      console.log(
        `${name}: p99 vs static ${p99Ratio(result).toFixed(2)}x, throughput vs static ${throughputRatio(result).toFixed(2)}x`,
      );
    }
  } finally {
    await stopProcess(web);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
