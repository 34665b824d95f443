import { createHash, randomUUID } from 'node:crypto';
import { getLeaderboard } from '@tenfold/boards';
import { type Dataset, type Db, disconnectDb, getDb, type SubmissionStatus } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHomeStats } from '@/server/queries/get-home-stats';
import { getLatestSubmissions } from '@/server/queries/get-latest-submissions';
import { getSubmission } from '@/server/queries/get-submission';
import { getSubmissionStatus } from '@/server/queries/get-submission-status';

let database: { databaseUrl: string; drop: () => Promise<void> };
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase('web_queries');
  db = getDb(database.databaseUrl);
});

afterAll(async () => {
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
});

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

async function user(name: string) {
  return db.user.create({ data: { email: `${randomUUID()}@tenfold.test`, name } });
}

async function model(
  ownerId: string,
  name: string,
  extra: { visibility?: 'PUBLIC' | 'PRIVATE'; hiddenAt?: Date } = {},
) {
  return db.model.create({ data: { ownerId, name, ...extra } });
}

type SubmissionSeed = {
  modelId: string;
  submitterId: string;
  dataset?: Dataset;
  status?: SubmissionStatus;
  createdAt: Date;
  accuracy?: number;
  hiddenAt?: Date;
  disqualifiedAt?: Date;
};

/** A submission and, when it has an accuracy, its evaluation. */
async function submission(seed: SubmissionSeed) {
  const bytes = new TextEncoder().encode(randomUUID());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.artifact.create({ data: { sha256, sizeBytes: bytes.byteLength, bytes } });
  const row = await db.submission.create({
    data: {
      modelId: seed.modelId,
      submitterId: seed.submitterId,
      dataset: seed.dataset ?? 'MNIST',
      format: 'ONNX',
      artifactSha256: sha256,
      originalFilename: 'model.onnx',
      status: seed.status ?? 'SCORED',
      createdAt: seed.createdAt,
      hiddenAt: seed.hiddenAt,
      disqualifiedAt: seed.disqualifiedAt,
      statusReason: seed.status === 'FAILED' ? 'Output has shape [N, 12]; expected [N, 10].' : null,
      failureKind: seed.status === 'FAILED' ? 'MODEL' : null,
    },
  });
  if (seed.accuracy !== undefined) {
    const correct = Math.round(seed.accuracy * 10_000);
    await db.evaluation.create({
      data: {
        submissionId: row.id,
        scorerVersion: '1.0.0',
        backend: 'onnxruntime-node',
        backendVersion: '1.30.0',
        datasetSha256: 'd'.repeat(64),
        modelSha256: sha256,
        total: 10_000,
        correct,
        accuracy: seed.accuracy,
        accuracyCiLow: seed.accuracy - 0.005,
        accuracyCiHigh: Math.min(1, seed.accuracy + 0.005),
        perClassRecall: Array.from({ length: 10 }, () => seed.accuracy as number),
        perClassPrecision: Array.from({ length: 10 }, () => seed.accuracy as number),
        perClassF1: Array.from({ length: 10 }, () => seed.accuracy as number),
        confusionMatrix: Array.from({ length: 100 }, (_, i) => (i % 11 === 0 ? 1000 : 0)),
        predictions: new Uint8Array(10_000),
        artifactBytes: bytes.byteLength,
        imagesPerSecond: 50_000,
        meanLatencyMs: 0.02,
        durationMs: 200,
        createdAt: seed.createdAt,
      },
    });
  }
  return row;
}

describe('read queries', () => {
  let ids: Record<string, string>;
  let users: Record<'ada' | 'bob' | 'admin', { userId: string; role: 'USER' | 'ADMIN' }>;

  beforeAll(async () => {
    const ada = await user('Ada');
    const bob = await user('Bob');
    const admin = await db.user.create({
      data: { email: `${randomUUID()}@tenfold.test`, name: 'Root', role: 'ADMIN' },
    });
    users = {
      ada: { userId: ada.id, role: 'USER' },
      bob: { userId: bob.id, role: 'USER' },
      admin: { userId: admin.id, role: 'ADMIN' },
    };
    const cnn = await model(ada.id, 'Small CNN');
    const mlp = await model(bob.id, 'MLP');
    const twin = await model(bob.id, 'Twin');
    const secret = await model(ada.id, 'Secret', { visibility: 'PRIVATE' });
    const banned = await model(bob.id, 'Banned', { hiddenAt: day(9) });
    const fashion = await model(ada.id, 'Fashion only');

    ids = {
      cnnOld: (await submission({ modelId: cnn.id, submitterId: ada.id, createdAt: day(1), accuracy: 0.981 })).id,
      cnnBest: (await submission({ modelId: cnn.id, submitterId: ada.id, createdAt: day(3), accuracy: 0.992 })).id,
      mlp: (await submission({ modelId: mlp.id, submitterId: bob.id, createdAt: day(2), accuracy: 0.975 })).id,
      twin: (await submission({ modelId: twin.id, submitterId: bob.id, createdAt: day(4), accuracy: 0.975 })).id,
      hiddenSubmission: (
        await submission({ modelId: mlp.id, submitterId: bob.id, createdAt: day(5), accuracy: 0.999, hiddenAt: day(6) })
      ).id,
      disqualified: (
        await submission({
          modelId: twin.id,
          submitterId: bob.id,
          createdAt: day(5),
          accuracy: 0.998,
          disqualifiedAt: day(6),
        })
      ).id,
      secret: (await submission({ modelId: secret.id, submitterId: ada.id, createdAt: day(5), accuracy: 0.995 })).id,
      banned: (await submission({ modelId: banned.id, submitterId: bob.id, createdAt: day(5), accuracy: 0.996 })).id,
      fashion: (
        await submission({
          modelId: fashion.id,
          submitterId: ada.id,
          dataset: 'FASHION_MNIST',
          createdAt: day(5),
          accuracy: 0.91,
        })
      ).id,
      queued: (await submission({ modelId: mlp.id, submitterId: bob.id, status: 'QUEUED', createdAt: day(7) })).id,
      queuedLater: (await submission({ modelId: twin.id, submitterId: bob.id, status: 'QUEUED', createdAt: day(8) }))
        .id,
      failed: (await submission({ modelId: cnn.id, submitterId: ada.id, status: 'FAILED', createdAt: day(8) })).id,
    };
  });

  it('ranks each public model once, by its best scored submission, ties to the earlier one', async () => {
    const board = await getLeaderboard(db, 'mnist');
    expect(board.map((entry) => [entry.rank, entry.modelName, entry.submitterName, entry.accuracy])).toEqual([
      [1, 'Small CNN', 'Ada', 0.992],
      [2, 'MLP', 'Bob', 0.975],
      [3, 'Twin', 'Bob', 0.975],
    ]);
    expect(board[0]?.submissionId).toBe(ids.cnnBest);
    expect(board[0]?.submittedAt).toEqual(day(3));
  });

  it('keeps datasets apart', async () => {
    const board = await getLeaderboard(db, 'fashion-mnist');
    expect(board.map((entry) => entry.modelName)).toEqual(['Fashion only']);
  });

  it('counts what the home page shows', async () => {
    const stats = await getHomeStats(db);
    expect(stats.datasets).toEqual([
      { id: 'mnist', rankedModels: 3, scoredSubmissions: 4, bestAccuracy: 0.992 },
      { id: 'fashion-mnist', rankedModels: 1, scoredSubmissions: 1, bestAccuracy: 0.91 },
    ]);
    expect(stats.inProgress).toBe(2);
  });

  it('lists the latest public submissions, newest first', async () => {
    const latest = await getLatestSubmissions(db, 3);
    const sameDay = [ids.failed, ids.queuedLater].sort().reverse();
    expect(latest.map((entry) => entry.id)).toEqual([...sameDay, ids.queued]);
    const all = (await getLatestSubmissions(db, 50)).map((entry) => entry.id);
    expect(all).toHaveLength(8);
    for (const hidden of [ids.secret, ids.banned, ids.hiddenSubmission, ids.disqualified])
      expect(all).not.toContain(hidden);
  });

  it('shows a scored submission with its newest evaluation', async () => {
    const details = await getSubmission(db, ids.cnnBest as string);
    expect(details).toMatchObject({
      status: 'SCORED',
      datasetId: 'mnist',
      modelName: 'Small CNN',
      submitterName: 'Ada',
    });
    expect(details?.evaluation).toMatchObject({ accuracy: 0.992, backend: 'onnxruntime-node', scorerVersion: '1.0.0' });
    expect(details?.evaluation?.perClassRecall).toHaveLength(10);
  });

  it('says how many queued submissions are ahead, and why one failed', async () => {
    expect((await getSubmission(db, ids.queued as string))?.queuedAhead).toBe(0);
    expect((await getSubmission(db, ids.queuedLater as string))?.queuedAhead).toBe(1);
    expect(await getSubmissionStatus(db, ids.failed as string)).toMatchObject({
      status: 'FAILED',
      failureKind: 'MODEL',
      statusReason: expect.stringContaining('expected [N, 10]'),
      accuracy: null,
      totalImages: 10_000,
    });
  });

  it('hides what moderators hid, and unknown ids', async () => {
    expect(await getSubmission(db, ids.hiddenSubmission as string)).toBeNull();
    expect(await getSubmission(db, ids.banned as string)).toBeNull();
    expect(await getSubmissionStatus(db, 'no-such-id')).toBeNull();
  });

  it('shows private, hidden and disqualified entries to their owner and admins only', async () => {
    for (const id of [ids.secret, ids.hiddenSubmission, ids.disqualified] as string[]) {
      expect(await getSubmission(db, id)).toBeNull();
      expect(await getSubmissionStatus(db, id)).toBeNull();
      expect(await getSubmission(db, id, users.admin)).toMatchObject({ id, isPublic: false });
    }
    expect(await getSubmission(db, ids.secret as string, users.bob)).toBeNull();
    expect(await getSubmission(db, ids.secret as string, users.ada)).toMatchObject({
      modelName: 'Secret',
      isPublic: false,
    });
    expect(await getSubmissionStatus(db, ids.secret as string, users.ada)).toMatchObject({ status: 'SCORED' });
    expect(await getSubmission(db, ids.disqualified as string, users.bob)).toMatchObject({ isPublic: false });
    expect(await getSubmission(db, ids.cnnBest as string, users.bob)).toMatchObject({ isPublic: true });
  });

  it('keeps private entries out of leaderboards and counts, even for their owner', async () => {
    const board = await getLeaderboard(db, 'mnist');
    expect(board.map((entry) => entry.modelName)).not.toContain('Secret');
    const stats = await getHomeStats(db);
    expect(stats.datasets[0]?.bestAccuracy).toBe(0.992);
    await db.submission.create({
      data: {
        modelId: (await db.model.findFirstOrThrow({ where: { name: 'Secret' } })).id,
        submitterId: users.ada.userId,
        dataset: 'MNIST',
        format: 'ONNX',
        artifactSha256: (await db.artifact.findFirstOrThrow()).sha256,
        originalFilename: 'secret.onnx',
        status: 'RUNNING',
      },
    });
    expect((await getHomeStats(db)).inProgress).toBe(stats.inProgress);
  });
});
