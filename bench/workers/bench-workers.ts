// `npm run bench:workers`: throughput of real worker processes on a backlog of submissions, with
// one worker process and then with two sharing the queue, and the ratio. Each process runs with
// WORKER_CONCURRENCY=1 and scores the same network: a trained one from packages/scoring's fixtures
// (linear, mlp, cnn), or `wide`, a synthetic 784-2048-10 network whose inference outweighs the
// fixed cost of a job. Its npm script builds the worker first (the processes run its bundle). Uses the local PostgreSQL (a throwaway database) and Redis (a throwaway
// queue prefix).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Db, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import { createRedisConnection, createScoringQueue, enqueueScoring, type ScoringQueue } from '@tenfold/queue';
import { sha256Hex } from '@tenfold/scoring';
import { buildOnnxModel } from '@tenfold/scoring/testing';

const REPO_ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(REPO_ROOT, 'packages/scoring/tests/fixtures/pytorch');
// Coarse enough that polling costs the measured machine next to nothing.
const POLL_MS = 250;

const { values } = parseArgs({
  options: {
    submissions: { type: 'string', default: '24' },
    network: { type: 'string', default: 'cnn' },
    'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
  },
});
const submissions = Number(values.submissions);
const network = values.network;
if (!Number.isInteger(submissions) || submissions < 2 || !['linear', 'mlp', 'cnn', 'wide'].includes(network)) {
  console.error(
    'usage: npm run bench:workers -- [--submissions N (>= 2)] [--network linear|mlp|cnn|wide] [--redis-url URL]',
  );
  process.exit(2);
}
const WIDE_UNITS = 2048;
const isWide = network === 'wide';
const modelBytes = isWide
  ? buildOnnxModel({
      nodes: [
        { op: 'Flatten', inputs: ['input'], outputs: ['flat'], intAttributes: { axis: 1 } },
        { op: 'MatMul', inputs: ['flat', 'W1'], outputs: ['hidden'] },
        { op: 'MatMul', inputs: ['hidden', 'W2'], outputs: ['logits'] },
      ],
      initializers: [
        { name: 'W1', dims: [784, WIDE_UNITS], data: new Float32Array(784 * WIDE_UNITS) },
        { name: 'W2', dims: [WIDE_UNITS, 10], data: new Float32Array(WIDE_UNITS * 10) },
      ],
      inputs: [{ name: 'input', shape: ['N', 1, 28, 28] }],
      outputs: [{ name: 'logits', shape: ['N', 10] }],
    })
  : new Uint8Array(readFileSync(join(FIXTURES, `${network}.onnx`)));

function startWorker(env: Record<string, string>): ChildProcess {
  // Its compiled bundle, as the worker's start script runs it.
  return spawn(process.execPath, ['apps/worker/dist/index.mjs'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitUntil(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

async function submit(db: Db, queue: ScoringQueue, count: number, label: string): Promise<string[]> {
  const sha256 = sha256Hex(modelBytes);
  await db.artifact.upsert({
    where: { sha256 },
    create: { sha256, sizeBytes: modelBytes.length, bytes: Buffer.from(modelBytes) },
    update: {},
  });
  const user = await db.user.upsert({
    where: { email: 'bench@example.com' },
    create: { email: 'bench@example.com', name: 'Bench' },
    update: {},
  });
  const model = await db.model.create({ data: { ownerId: user.id, name: `${network}-${label}` } });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await db.submission.create({
      data: {
        modelId: model.id,
        submitterId: user.id,
        dataset: 'MNIST',
        format: 'ONNX',
        artifactSha256: sha256,
        originalFilename: `${network}.onnx`,
        // The fixtures were trained on torchvision's Normalize((0.1307,), (0.3081,)).
        inputScale: isWide ? 'UNIT' : 'STANDARD',
      },
    });
    await enqueueScoring(queue, { submissionId: id });
    ids.push(id);
  }
  return ids;
}

/** Waits until every submission is final; a benchmark of failures would measure nothing. */
async function waitForScored(db: Db, ids: string[]) {
  const where = { id: { in: ids }, status: { in: ['SCORED' as const, 'FAILED' as const, 'CANCELLED' as const] } };
  await waitUntil(async () => (await db.submission.count({ where })) === ids.length);
  const failed = await db.submission.findFirst({ where: { id: { in: ids }, status: { not: 'SCORED' } } });
  if (failed) throw new Error(`a submission ended ${failed.status}: ${failed.statusReason}`);
}

type Measurement = { seconds: number; jobMs: number; scoreMs: number };

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Seconds for `workerCount` processes to score the backlog, once each process has scored one;
 * and per job, the mean time from claim to result (jobMs) and of scoreArtifact alone (scoreMs),
 * which tell the worker's own cost apart from the scoring's.
 */
async function measure(workerCount: number): Promise<Measurement> {
  const database = await createTestDatabase('bench_workers');
  const db = getDb(database.databaseUrl);
  const prefix = `tenfold-bench-${randomUUID()}`;
  const connection = createRedisConnection(values['redis-url'], { role: 'producer' });
  const queue = createScoringQueue(connection, prefix);
  const workDir = mkdtempSync(join(tmpdir(), 'tenfold-bench-workers-'));
  const env = {
    DATABASE_URL: database.databaseUrl,
    REDIS_URL: values['redis-url'],
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: '1',
    TENFOLD_WORK_DIR: workDir,
  };
  const workers = Array.from({ length: workerCount }, (_, i) => startWorker({ ...env, WORKER_ID: `bench-${i}` }));
  try {
    // Ready = datasets loaded (the heartbeat starts after that); then one job per process starts
    // its scoring process, so the timed backlog meets warm workers only.
    await waitUntil(async () => (await db.workerHeartbeat.count()) === workerCount);
    const warmUp = await submit(db, queue, workerCount, 'warm-up');
    await waitForScored(db, warmUp);
    const started = performance.now();
    const backlog = await submit(db, queue, submissions, 'backlog');
    await waitForScored(db, backlog);
    const seconds = (performance.now() - started) / 1000;
    const rows = await db.submission.findMany({
      where: { id: { in: backlog } },
      select: { startedAt: true, finishedAt: true, evaluations: { select: { durationMs: true } } },
    });
    return {
      seconds,
      jobMs: mean(rows.map((row) => (row.finishedAt?.getTime() ?? 0) - (row.startedAt?.getTime() ?? 0))),
      scoreMs: mean(rows.flatMap((row) => row.evaluations.map((evaluation) => evaluation.durationMs))),
    };
  } finally {
    await Promise.all(
      workers.map(async (worker) => {
        const exited = once(worker, 'exit');
        worker.kill('SIGTERM');
        await exited;
      }),
    );
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
    await database.drop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const results: Array<{ workers: number; perSecond: number }> = [];
for (const workerCount of [1, 2]) {
  const { seconds, jobMs, scoreMs } = await measure(workerCount);
  const perSecond = submissions / seconds;
  results.push({ workers: workerCount, perSecond });
  console.log(
    `workers=${workerCount} submissions=${submissions} network=${network} seconds=${seconds.toFixed(2)} throughput=${perSecond.toFixed(2)}/s job=${Math.round(jobMs)}ms scoring=${Math.round(scoreMs)}ms`,
  );
}
const [one, two] = results;
console.log(`ratio 2 vs 1 worker processes: ${(two!.perSecond / one!.perSecond).toFixed(2)}x`);
