import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, getDb, type Submission } from '@tenfold/db';
import { createTestDatabase, type TestDatabase, waitUntil } from '@tenfold/db/testing';
import { createRedisConnection, createScoringQueue, type EnqueueOptions, enqueueScoring } from '@tenfold/queue';
import { createScoringInputsLoader, sha256Hex } from '@tenfold/scoring';
import type { Worker } from 'bullmq';
import { createWorker } from '../../src/create-worker.ts';
import type { JobDeps } from '../../src/run-claimed-job.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export type WorkerFixture = Awaited<ReturnType<typeof createWorkerFixture>>;

/**
 * A test's own database, queue prefix and scratch folder, a submitter, and in-process workers
 * wired as apps/worker/src/index.ts wires them (with short heartbeats).
 */
export async function createWorkerFixture(label: string) {
  const database: TestDatabase = await createTestDatabase(label);
  const db: Db = getDb(database.databaseUrl);
  const prefix = `tenfold-test-${randomUUID()}`;
  const connection = createRedisConnection(REDIS_URL, { role: 'worker' });
  const queue = createScoringQueue(connection, prefix);
  const workDir = mkdtempSync(join(tmpdir(), `tenfold-${label}-`));
  const { id: userId } = await db.user.create({ data: { email: `${label}@example.com`, name: label } });
  const workers: Worker[] = [];
  const loadScoringInputs = createScoringInputsLoader({});

  function startWorker(overrides: Partial<JobDeps> = {}, concurrency = 1): Worker {
    const worker = createWorker({
      connection,
      prefix,
      concurrency,
      lockDurationMs: 5_000,
      deps: {
        db,
        workerId: `test-worker-${workers.length}`,
        loadScoringInputs,
        scoring: { limits: { wallTimeMs: 60_000, memoryMb: 1024 }, workDir, threads: 1 },
        lease: { heartbeatMs: 200, staleAfterMs: 2_000 },
        ...overrides,
      },
    });
    workers.push(worker);
    return worker;
  }

  async function submit(
    name: string,
    bytes: Uint8Array,
    options: { enqueue?: EnqueueOptions | false; row?: Partial<Submission> } = {},
  ): Promise<string> {
    const sha256 = sha256Hex(bytes);
    await db.artifact.upsert({
      where: { sha256 },
      create: { sha256, sizeBytes: bytes.length, bytes: Buffer.from(bytes) },
      update: {},
    });
    const model = await db.model.create({ data: { ownerId: userId, name: `${name}-${randomUUID().slice(0, 8)}` } });
    const { id } = await db.submission.create({
      data: {
        modelId: model.id,
        submitterId: userId,
        dataset: 'MNIST',
        format: 'ONNX',
        artifactSha256: sha256,
        originalFilename: `${name}.onnx`,
        ...options.row,
      },
    });
    if (options.enqueue !== false) await enqueueScoring(queue, { submissionId: id }, options.enqueue);
    return id;
  }

  /** Looks at the row until `predicate` holds. */
  async function waitFor(id: string, predicate: (row: Submission) => boolean, timeoutMs = 60_000) {
    let status = 'unknown';
    return waitUntil(
      async () => {
        const row = await db.submission.findUniqueOrThrow({ where: { id } });
        status = row.status;
        return predicate(row) && row;
      },
      { timeoutMs, description: () => `submission ${id} (still ${status})` },
    );
  }

  const isFinal = (row: Submission) => row.status !== 'QUEUED' && row.status !== 'RUNNING';

  async function close() {
    await Promise.all(workers.map((worker) => worker.close(true)));
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
    await database.drop();
    rmSync(workDir, { recursive: true, force: true });
  }

  return {
    db,
    databaseUrl: database.databaseUrl,
    queue,
    prefix,
    userId,
    workDir,
    startWorker,
    submit,
    waitFor,
    isFinal,
    close,
  };
}
