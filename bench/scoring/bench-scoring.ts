// `npm run bench:scoring`: for the fixture networks, from the course-size linear, MLP and CNN to
// the size people submit (a ~300k-parameter ResNet, a ~1M-parameter wide MLP), measures in one run
// bare ONNX Runtime (its best thread count and batch size here), Tenfold's whole scoring as the
// worker does it (claim, sandboxed child, checks, sanity pass, test images, shifted copy, every
// database write, on a throwaway database) with the time to rank (claim to evaluation committed),
// PyTorch's own CPU evaluation where the weights load back into PyTorch, and TF.js where the
// network has a LayersModel fixture, and prints the ratios. Its npm script builds the worker and
// the scorer first: the last line compares the compiled scoring child's start with tsx's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getDatasetInfo, loadSplit } from '@tenfold/datasets';
import { type Db, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import { createScoringInputsLoader, disposeSpareSandboxes, sha256Hex } from '@tenfold/scoring';
import { readEnv } from '../../apps/worker/src/env.ts';
import type { JobDeps } from '../../apps/worker/src/run-claimed-job.ts';
import { processScoreJob } from '../../apps/worker/src/submission/process-job.ts';
import { measureBestBareOnnx } from './measure-bare-onnx.ts';
import { measureChildStart } from './measure-child-start.ts';
import { measureTfjs, zipTfjsFixture } from './measure-tfjs.ts';

const PYTORCH_FIXTURES = join(import.meta.dirname, '../../packages/scoring/tests/fixtures/pytorch');
const BENCH_FIXTURES = join(import.meta.dirname, 'fixtures');
const TFJS_FIXTURES = join(import.meta.dirname, '../../packages/scoring/tests/fixtures/tfjs');
const tfjsLayouts = JSON.parse(readFileSync(join(TFJS_FIXTURES, 'manifest.json'), 'utf8')).models as Record<
  string,
  { layout: 'nchw' | 'nhwc' | 'flat' }
>;
type Network = { name: string; folder: string; scale: 'standard' | 'unit'; hasTfjs: boolean };
const NETWORKS: Network[] = [
  // The scorer's own fixtures take torchvision's normalisation; the bench networks, trained by
  // baselines/train_baselines.py --bench, take pixels / 255 like the baselines.
  { name: 'linear', folder: PYTORCH_FIXTURES, scale: 'standard', hasTfjs: true },
  { name: 'mlp', folder: PYTORCH_FIXTURES, scale: 'standard', hasTfjs: true },
  { name: 'cnn', folder: PYTORCH_FIXTURES, scale: 'standard', hasTfjs: true },
  { name: 'resnet', folder: BENCH_FIXTURES, scale: 'unit', hasTfjs: false },
  { name: 'wide-mlp', folder: BENCH_FIXTURES, scale: 'unit', hasTfjs: false },
];
const workerEnv = readEnv({});
const { values } = parseArgs({
  options: {
    threads: { type: 'string', default: String(workerEnv.SCORING_THREADS) },
    repeats: { type: 'string', default: '3' },
    tfjs: { type: 'boolean', default: false },
    networks: { type: 'string', default: NETWORKS.map((network) => network.name).join(',') },
  },
});
// A list (`--threads 1,2`) gives a row per thread count, their runs interleaved so that a change
// of the machine's load weighs on each alike: how the worker's default was chosen.
const threadCounts = values.threads.split(',').map(Number);
const networks = values.networks.split(',').map((name) => {
  const network = NETWORKS.find((candidate) => candidate.name === name);
  if (!network) throw new Error(`--networks: no network "${name}" (${NETWORKS.map(({ name }) => name).join(', ')})`);
  return network;
});
const repeats = Number(values.repeats);
const normalization = getDatasetInfo('mnist').normalization;

// PyTorch times only the networks whose ONNX weights load back into their PyTorch definition
// (BatchNorm is folded into the convolutions on export, so not the ResNet).
const torch = JSON.parse(
  execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'pytorch_eval.py'), '1', String(repeats)], {
    encoding: 'utf8',
  }),
) as Record<string, { seconds: number }>;

const [test] = await Promise.all([loadSplit('mnist', 'test')]);
const workDir = mkdtempSync(join(tmpdir(), 'tenfold-bench-'));
const database = await createTestDatabase('bench_scoring');
const db: Db = getDb(database.databaseUrl);
const { id: userId } = await db.user.create({ data: { email: 'bench@example.com', name: 'Bench' } });
// As apps/worker/src/index.ts wires a worker: its defaults, its one loader of scoring inputs
// (whose cached arrays are the images its spare scoring process reads ahead), its one spare
// scoring process, compiled as the worker's is.
process.env.TENFOLD_SANDBOX_CHILD = 'compiled';
const loadScoringInputs = createScoringInputsLoader({});
const depsWith = (threads: number, announcePageChange: JobDeps['announcePageChange']): JobDeps => ({
  db,
  workerId: 'bench-worker',
  loadScoringInputs,
  announcePageChange,
  scoring: {
    limits: { wallTimeMs: workerEnv.SCORING_TIMEOUT_MS, memoryMb: workerEnv.SCORING_MEMORY_MB },
    workDir,
    threads,
    keepWarm: true,
  },
  lease: { heartbeatMs: workerEnv.JOB_HEARTBEAT_MS, staleAfterMs: workerEnv.STALE_AFTER_MS },
});

/** One submission scored as the worker scores it: seconds to rank (SCORED), to the job's end, and its predictions. */
async function scoreAsWorker(network: Network, modelBytes: Uint8Array, threads: number) {
  const sha256 = sha256Hex(modelBytes);
  await db.artifact.upsert({
    where: { sha256 },
    create: { sha256, sizeBytes: modelBytes.length, bytes: Buffer.from(modelBytes) },
    update: {},
  });
  const model = await db.model.create({ data: { ownerId: userId, name: `${network.name}-${crypto.randomUUID()}` } });
  const { id } = await db.submission.create({
    data: {
      modelId: model.id,
      submitterId: userId,
      dataset: 'MNIST',
      format: 'ONNX',
      artifactSha256: sha256,
      originalFilename: `${network.name}.onnx`,
      inputScale: network.scale === 'unit' ? 'UNIT' : 'STANDARD',
    },
  });
  // The job announces each change once it is committed: first the evaluation (the rank), last the
  // shifted-copy check (the consensus sync that follows is not the job's).
  let rankedAt: number | null = null;
  const started = performance.now();
  const outcome = await processScoreJob(
    depsWith(threads, () => {
      rankedAt ??= performance.now();
    }),
    { submissionId: id, maxAttempts: 1 },
  );
  const whole = (performance.now() - started) / 1000;
  const row = await db.submission.findUniqueOrThrow({ where: { id }, include: { evaluations: true } });
  const evaluation = row.evaluations[0];
  if (outcome.kind !== 'scored' || rankedAt === null || !evaluation) {
    throw new Error(`${network.name}: the worker ended ${outcome.kind}: ${row.statusReason}`);
  }
  return { rank: (rankedAt - started) / 1000, whole, predictions: evaluation.predictions };
}

// Each timed submission reaches an idle worker, as on a quiet site and in bench:latency: the
// previous job's spare scoring process has had time to start (it starts when that job's test
// images are scored). Back to back, a small network's job waited most of its time for that start
// (a backlog's throughput is bench:workers's to measure).
const IDLE_GAP_MS = 1_500;
const rows: string[][] = [];
for (const network of networks) {
  const modelBytes = new Uint8Array(readFileSync(join(network.folder, `${network.name}.onnx`)));
  const scaling = network.scale === 'standard' ? normalization : null;
  const setting = await measureBestBareOnnx(modelBytes, test.images, test.count, scaling, repeats);
  const bare = setting.seconds;
  // Best of `repeats` per thread count; the first run also pays the start of the spare scoring process.
  const none = { rank: Number.POSITIVE_INFINITY, whole: Number.POSITIVE_INFINITY, predictions: new Uint8Array(0) };
  const best = threadCounts.map(() => none);
  for (let i = 0; i < repeats; i++) {
    for (const [t, threads] of threadCounts.entries()) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_GAP_MS));
      const run = await scoreAsWorker(network, modelBytes, threads);
      const sofar = best[t] ?? none;
      best[t] = { ...(run.rank < sofar.rank ? run : sofar), whole: Math.min(run.whole, sofar.whole) };
    }
  }
  const recorded = join(network.folder, `${network.name}.predictions`);
  const pytorchPredictions = existsSync(recorded) ? readFileSync(recorded) : null;
  const pytorch = torch[network.name]?.seconds;
  let tfjs = ['–', '–'];
  if (values.tfjs && network.hasTfjs) {
    const tfjsBytes = await zipTfjsFixture(join(TFJS_FIXTURES, network.name));
    const layout = tfjsLayouts[network.name]?.layout ?? 'nhwc';
    const wasm = await measureTfjs(tfjsBytes, layout, test.images, test.count, normalization, 'tfjs-wasm');
    const cpu = await measureTfjs(tfjsBytes, layout, test.images, test.count, normalization, 'tfjs-cpu');
    tfjs = [Math.round(10_000 / wasm).toLocaleString('en'), Math.round(10_000 / cpu).toLocaleString('en')];
  }
  const rankTarget = 1.2 * bare + 0.3;
  const wholeTarget = 2.2 * bare + 0.5;
  for (const [t, tenfold] of best.entries()) {
    const agreeing = pytorchPredictions
      ? tenfold.predictions.filter((label, i) => label === pytorchPredictions[i]).length
      : Number.NaN;
    rows.push([
      network.name,
      String(threadCounts[t]),
      pytorch ? Math.round(10_000 / pytorch).toLocaleString('en') : '–',
      `${bare.toFixed(3)} s (${setting.threads}t x ${setting.batch})`,
      `${tenfold.rank.toFixed(3)} s`,
      `${(tenfold.rank / bare).toFixed(2)}x`,
      `${rankTarget.toFixed(3)} s ${tenfold.rank <= rankTarget ? 'met' : 'MISSED'}`,
      `${tenfold.whole.toFixed(3)} s`,
      `${(tenfold.whole / bare).toFixed(2)}x`,
      `${wholeTarget.toFixed(3)} s ${tenfold.whole <= wholeTarget ? 'met' : 'MISSED'}`,
      Number.isNaN(agreeing) ? '–' : `${agreeing.toLocaleString('en')} / 10,000`,
      ...tfjs,
    ]);
  }
}
// What a job waits for when no spare child is ready (and what `npm run score` pays once): the
// scoring child's start, compiled against the source through tsx, interleaved, median of 5.
const childStarts = { compiled: [] as number[], tsx: [] as number[] };
const linearBytes = new Uint8Array(readFileSync(join(PYTORCH_FIXTURES, 'linear.onnx')));
for (let i = 0; i < 5; i++) {
  for (const start of ['compiled', 'tsx'] as const)
    childStarts[start].push(await measureChildStart(start, linearBytes));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
await disposeSpareSandboxes();
await db.$disconnect();
await database.drop();
rmSync(workDir, { recursive: true, force: true });

const header = [
  'network',
  'Tenfold threads',
  'PyTorch img/s',
  'bare ORT (threads x batch)',
  'Tenfold rank',
  'rank / ORT',
  'rank target 1.2x+0.3 s',
  'Tenfold whole job',
  'whole / ORT',
  'whole target 2.2x+0.5 s',
  'same class as PyTorch',
  'TF.js wasm img/s',
  'TF.js cpu img/s',
];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(
  `MNIST test split (10,000 images); Tenfold as the worker runs it; best of ${repeats}; load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} at the end`,
);
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
const [compiledMs, tsxMs] = [median(childStarts.compiled), median(childStarts.tsx)];
console.log(
  `scoring child start (spawn to ONNX Runtime loaded), median of 5: compiled ${compiledMs.toFixed(0)} ms, through tsx ${tsxMs.toFixed(0)} ms (${(tsxMs / compiledMs).toFixed(2)}x)`,
);
