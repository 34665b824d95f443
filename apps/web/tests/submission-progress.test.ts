import { createHash, randomUUID } from 'node:crypto';
import { type Db, disconnectDb, getDb, type Prisma } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSubmissionProgress } from '@/server/queries/get-submission-progress';

let database: { databaseUrl: string; drop: () => Promise<void> };
let db: Db;
let ownerId: string;

beforeAll(async () => {
  database = await createTestDatabase('web_progress');
  db = getDb(database.databaseUrl);
  ownerId = (await db.user.create({ data: { email: 'owner@tenfold.test', name: 'Owner' } })).id;
});

afterAll(async () => {
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
});

const NOW = new Date(Date.UTC(2026, 5, 1, 12));
const before = (ms: number) => new Date(NOW.getTime() - ms);

async function submission(
  row: Partial<Prisma.SubmissionUncheckedCreateInput>,
  visibility: 'PUBLIC' | 'PRIVATE' = 'PUBLIC',
) {
  const bytes = new TextEncoder().encode(randomUUID());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.artifact.create({ data: { sha256, sizeBytes: bytes.byteLength, bytes } });
  const model = await db.model.create({ data: { ownerId, name: randomUUID(), visibility } });
  return db.submission.create({
    data: {
      modelId: model.id,
      submitterId: ownerId,
      dataset: 'MNIST',
      format: 'ONNX',
      artifactSha256: sha256,
      originalFilename: 'model.onnx',
      ...row,
    },
  });
}

async function scored(durationMs: number) {
  const { id } = await submission({ status: 'SCORED', createdAt: before(3_600_000) });
  await db.evaluation.create({
    data: {
      submissionId: id,
      scorerVersion: 'test',
      backend: 'test',
      backendVersion: '0',
      datasetSha256: 'd',
      modelSha256: 'm',
      total: 10_000,
      correct: 0,
      accuracy: 0,
      accuracyCiLow: 0,
      accuracyCiHigh: 0,
      predictions: Buffer.alloc(0),
      artifactBytes: 1,
      imagesPerSecond: 1,
      meanLatencyMs: 1,
      durationMs,
    },
  });
}

describe('getSubmissionProgress', () => {
  it('gives the place in the queue and an ETA from recent evaluations and live workers', async () => {
    // Nothing scored yet: no ETA to promise.
    const first = await submission({ createdAt: before(60_000) });
    expect(await getSubmissionProgress(db, first.id, null, NOW)).toEqual({
      status: 'QUEUED',
      progressImages: 0,
      totalImages: 10_000,
      queuedAhead: 0,
      etaMs: null,
    });

    await scored(2_000);
    await scored(4_000);
    await db.workerHeartbeat.createMany({
      data: [
        { id: 'a', hostname: 'a', pid: 1, concurrency: 1, lastSeenAt: before(1_000) },
        { id: 'b', hostname: 'b', pid: 2, concurrency: 1, lastSeenAt: before(2_000) },
        // Silent for an hour: not a lane any more.
        { id: 'dead', hostname: 'c', pid: 3, concurrency: 4, lastSeenAt: before(3_600_000) },
      ],
    });
    await submission({ createdAt: before(50_000) });
    await submission({ createdAt: before(40_000) });
    const third = await submission({ createdAt: before(30_000) });
    // Three ahead, two lanes: two rounds of the mean 3 s job, its own included.
    expect(await getSubmissionProgress(db, third.id, null, NOW)).toMatchObject({ queuedAhead: 3, etaMs: 6_000 });

    const running = await submission({ status: 'RUNNING', progressImages: 4_000, startedAt: before(1_000) });
    expect(await getSubmissionProgress(db, running.id, null, NOW)).toMatchObject({
      status: 'RUNNING',
      progressImages: 4_000,
      queuedAhead: null,
      etaMs: 2_000,
    });
  });

  it('answers only to those who may see the submission', async () => {
    const hidden = await submission({ hiddenAt: NOW });
    const secret = await submission({}, 'PRIVATE');
    expect(await getSubmissionProgress(db, hidden.id, null, NOW)).toBeNull();
    expect(await getSubmissionProgress(db, secret.id, null, NOW)).toBeNull();
    expect(await getSubmissionProgress(db, secret.id, { userId: ownerId, role: 'USER' }, NOW)).not.toBeNull();
    expect(await getSubmissionProgress(db, 'missing', null, NOW)).toBeNull();
  });
});
