import { parseArgs } from 'node:util';
import { syncImageConsensus } from '@tenfold/boards';
import { seedSyntheticModels } from '@tenfold/boards/testing';
import { loadSplit } from '@tenfold/datasets';
import { disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import type { startProcess } from '../../apps/web/tests/e2e/processes.ts';
import { stopProcess } from '../../apps/web/tests/e2e/processes.ts';
import { measureAgainstStatic } from '../support/measure-against-static.ts';
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
    console.log(`\n| consensus sync | ms | note |\n| --- | --- | --- |\n${syncRows.join('\n')}`);
    console.log(`\n${models + 5} models`);
    const rows = await measureAgainstStatic(
      baseUrl,
      [
        ['leaderboard page', '/datasets/mnist'],
        [CONSENSUS_PAGES[0], '/datasets/mnist/consensus'],
        [CONSENSUS_PAGES[1], '/datasets/mnist/label-errors'],
        [CONSENSUS_PAGES[2], '/datasets/mnist/card'],
        ['model page with rare hits and misses', `/models/${sampleModel.id}?dataset=mnist`],
        ['REST API v1 consensus, JSON (10,000 rows)', '/api/v1/datasets/mnist/consensus'],
        ['REST API v1 consensus, CSV', '/api/v1/datasets/mnist/consensus?format=csv'],
      ],
      clients,
      seconds,
    );
    console.log('');
    for (const { name, p99Ratio, throughputRatio } of rows.filter((row) =>
      CONSENSUS_PAGES.some((page) => page === row.name),
    )) {
      console.log(
        `${name}: p99 vs static ${p99Ratio.toFixed(2)}x, throughput vs static ${throughputRatio.toFixed(2)}x`,
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
