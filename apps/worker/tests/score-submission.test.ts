import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import { createRedisConnection, createScoringQueue, enqueueScoring } from '@tenfold/queue';
import { sha256Hex } from '@tenfold/scoring';
import {
  buildCentroidModel,
  buildLinearOnnxModel,
  predictLinear,
  readMnistDirectly,
  shiftImagesRight,
} from '@tenfold/scoring/testing';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../src/create-worker.ts';
import { createScoringInputsLoader } from '../src/load-scoring-inputs.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `tenfold-test-${randomUUID()}`;
const connection = createRedisConnection(redisUrl, { role: 'worker' });
const queue = createScoringQueue(connection, prefix);
const workDir = mkdtempSync(join(tmpdir(), 'tenfold-worker-test-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let worker: Worker;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase('worker');
  db = getDb(database.databaseUrl);
  userId = (await db.user.create({ data: { email: 'tester@example.com', name: 'Tester' } })).id;
  worker = createWorker({
    connection,
    prefix,
    concurrency: 1,
    deps: {
      db,
      workerId: 'test-worker',
      loadScoringInputs: createScoringInputsLoader({}),
      scoring: { limits: { wallTimeMs: 60_000, memoryMb: 1024 }, workDir, threads: 1 },
    },
  });
});

afterAll(async () => {
  await worker?.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  await database?.drop();
  rmSync(workDir, { recursive: true, force: true });
});

async function submit(name: string, bytes: Uint8Array) {
  const sha256 = sha256Hex(bytes);
  await db.artifact.upsert({
    where: { sha256 },
    create: { sha256, sizeBytes: bytes.length, bytes: Buffer.from(bytes) },
    update: {},
  });
  const model = await db.model.create({ data: { ownerId: userId, name } });
  const submission = await db.submission.create({
    data: {
      modelId: model.id,
      submitterId: userId,
      dataset: 'MNIST',
      format: 'ONNX',
      artifactSha256: sha256,
      originalFilename: `${name}.onnx`,
    },
  });
  await enqueueScoring(queue, { submissionId: submission.id });
  return submission.id;
}

async function waitForFinal(id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const row = await db.submission.findUniqueOrThrow({ where: { id }, include: { evaluations: true } });
    if (row.status !== 'QUEUED' && row.status !== 'RUNNING') return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`submission ${id} did not reach a final state in ${timeoutMs} ms`);
}

describe('the worker', () => {
  it('fails a broken ONNX file with a reason, then keeps scoring the next submission exactly', async () => {
    const broken = await submit('broken', new TextEncoder().encode('this is not an ONNX model'));
    const train = readMnistDirectly('train');
    const test = readMnistDirectly('t10k');
    const model = buildCentroidModel(train.images, train.labels);
    const good = await submit('centroids', buildLinearOnnxModel(model));

    const failed = await waitForFinal(broken);
    expect(failed.status).toBe('FAILED');
    expect(failed.failureKind).toBe('MODEL');
    expect(failed.statusReason).toMatch(/ONNX Runtime could not load the model/);
    expect(failed.evaluations).toHaveLength(0);

    const scored = await waitForFinal(good);
    expect(scored.status).toBe('SCORED');
    const expected = predictLinear(test.images, test.count, model).predictions;
    const correct = expected.filter((p, i) => p === test.labels[i]).length;
    expect(scored.evaluations).toHaveLength(1);
    const evaluation = scored.evaluations[0]!;
    expect(evaluation.correct).toBe(correct);
    expect(evaluation.accuracy).toBe(correct / 10_000);
    expect(Buffer.compare(evaluation.predictions, Buffer.from(expected))).toBe(0);
    for (let c = 0; c < 10; c++) {
      const ofClass = expected.filter((_, i) => test.labels[i] === c);
      const hits = ofClass.filter((p) => p === c).length;
      expect(evaluation.perClassRecall[c]).toBeCloseTo(hits / ofClass.length, 12);
    }
    expect(evaluation.confusionMatrix.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(scored.progressImages).toBe(10_000);
    const shifted = predictLinear(shiftImagesRight(test.images, test.count), test.count, model).predictions;
    expect(evaluation.shiftedAccuracy).toBe(shifted.filter((p, i) => p === test.labels[i]).length / 10_000);
    expect(evaluation.warnings).toEqual([]);
  });

  it('leaves one evaluation when the same submission is scored twice', async () => {
    const train = readMnistDirectly('train');
    const id = await submit('twice', buildLinearOnnxModel(buildCentroidModel(train.images, train.labels)));
    await waitForFinal(id);
    // A duplicate delivery of a finished job is skipped; forcing a rescore overwrites the one row.
    await db.submission.update({ where: { id }, data: { status: 'QUEUED' } });
    await enqueueScoring(queue, { submissionId: id });
    const row = await waitForFinal(id);
    expect(row.status).toBe('SCORED');
    expect(await db.evaluation.count({ where: { submissionId: id } })).toBe(1);
  });
});
