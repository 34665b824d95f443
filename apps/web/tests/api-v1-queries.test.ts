import { createHash, randomUUID } from 'node:crypto';
import { getLeaderboard } from '@tenfold/boards';
import { SCORER_VERSION } from '@tenfold/contract';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApiEvaluation, getEvaluationPredictions } from '@/server/api-v1/find-api-evaluation';
import { getApiSubmission, listOwnSubmissions } from '@/server/api-v1/find-api-submissions';
import { serializeLeaderboard } from '@/server/api-v1/serialize-leaderboard';

// The /api/v1 read side against a real PostgreSQL: who sees what, which evaluation a submission
// shows, paging and filters of the own-submissions list, and the scorer version of board entries.

const APP_URL = 'https://tenfold.test';
const OLD_VERSION = '0.9.0';

let database: { databaseUrl: string; drop: () => Promise<void> };
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase('web_api_v1_queries');
  db = getDb(database.databaseUrl);
});

afterAll(async () => {
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
});

const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));

async function evaluation(submissionId: string, scorerVersion: string, correct: number, createdAt: Date) {
  const accuracy = correct / 10_000;
  return db.evaluation.create({
    data: {
      submissionId,
      scorerVersion,
      run: `run-${scorerVersion}-${createdAt.getTime()}`,
      backend: 'onnxruntime-node',
      backendVersion: '1.30.0',
      datasetSha256: 'd'.repeat(64),
      modelSha256: 'm'.repeat(64),
      total: 10_000,
      correct,
      accuracy,
      accuracyCiLow: accuracy - 0.005,
      accuracyCiHigh: accuracy + 0.005,
      perClassRecall: Array.from({ length: 10 }, (_, label) => label / 10),
      perClassPrecision: Array.from({ length: 10 }, () => 0.5),
      perClassF1: Array.from({ length: 10 }, () => 0.25),
      confusionMatrix: Array.from({ length: 100 }, (_, i) => (i % 11 === 0 ? 1000 : 0)),
      predictions: new Uint8Array(10_000).fill(7),
      artifactBytes: 64,
      imagesPerSecond: 50_000,
      meanLatencyMs: 0.02,
      durationMs: 200,
      createdAt,
    },
  });
}

async function submission(
  ownerId: string,
  modelName: string,
  seed: { createdAt: Date; status?: 'QUEUED' | 'SCORED'; dataset?: 'MNIST' | 'FASHION_MNIST'; isPrivate?: boolean },
) {
  const bytes = new TextEncoder().encode(randomUUID());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.artifact.create({ data: { sha256, sizeBytes: bytes.byteLength, bytes } });
  const model = await db.model.upsert({
    where: { ownerId_name: { ownerId, name: modelName } },
    create: { ownerId, name: modelName, visibility: seed.isPrivate ? 'PRIVATE' : 'PUBLIC' },
    update: {},
  });
  return db.submission.create({
    data: {
      modelId: model.id,
      submitterId: ownerId,
      dataset: seed.dataset ?? 'MNIST',
      format: 'ONNX',
      artifactSha256: sha256,
      originalFilename: 'model.onnx',
      status: seed.status ?? 'SCORED',
      progressImages: seed.status === 'QUEUED' ? 0 : 10_000,
      createdAt: seed.createdAt,
    },
  });
}

describe('/api/v1 queries', () => {
  let ada: { userId: string; role: 'USER' };
  let bob: { userId: string; role: 'USER' };
  let rescored: { id: string };
  let secret: { id: string };
  let queued: { id: string };
  let evaluationIds: { current: string; old: string; secret: string };

  beforeAll(async () => {
    const [adaRow, bobRow] = await Promise.all(
      ['Ada', 'Bob'].map((name) => db.user.create({ data: { email: `${randomUUID()}@tenfold.test`, name } })),
    );
    if (!adaRow || !bobRow) throw new Error('users');
    ada = { userId: adaRow.id, role: 'USER' };
    bob = { userId: bobRow.id, role: 'USER' };

    // Rescored under the current version earlier than an evaluation of an old version was (re)written.
    rescored = await submission(ada.userId, 'Rescored', { createdAt: minute(1) });
    const current = await evaluation(rescored.id, SCORER_VERSION, 9_000, minute(2));
    const old = await evaluation(rescored.id, OLD_VERSION, 9_900, minute(3));
    secret = await submission(ada.userId, 'Secret', { createdAt: minute(4), isPrivate: true });
    const secretEvaluation = await evaluation(secret.id, SCORER_VERSION, 5_000, minute(5));
    const fashion = await submission(ada.userId, 'Rescored', { createdAt: minute(6), dataset: 'FASHION_MNIST' });
    await evaluation(fashion.id, SCORER_VERSION, 8_000, minute(7));
    queued = await submission(ada.userId, 'Waiting', { createdAt: minute(8), status: 'QUEUED' });
    await submission(bob.userId, 'Bob model', { createdAt: minute(9) });
    evaluationIds = { current: current.id, old: old.id, secret: secretEvaluation.id };
  });

  it('shows a submission with the evaluation of the current scorer version, its rank and its page URL', async () => {
    const shown = await getApiSubmission(db, rescored.id, null, APP_URL);
    expect(shown).toMatchObject({
      id: rescored.id,
      url: `${APP_URL}/submissions/${rescored.id}`,
      modelName: 'Rescored',
      dataset: 'mnist',
      status: 'SCORED',
      progress: { images: 10_000, total: 10_000 },
      queuePosition: null,
      evaluation: { id: evaluationIds.current, scorerVersion: SCORER_VERSION, correct: 9_000 },
      rank: 1,
    });
    expect(shown?.evaluation?.perClass[3]).toEqual({
      label: 3,
      name: '3',
      recall: 0.3,
      precision: 0.5,
      f1: 0.25,
      support: 1000,
    });
    expect(shown?.evaluation?.confusionMatrix[2]).toEqual([0, 0, 1000, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('hides private submissions and their evaluations from everyone but their owner', async () => {
    expect(await getApiSubmission(db, secret.id, null, APP_URL)).toBeNull();
    expect(await getApiSubmission(db, secret.id, bob, APP_URL)).toBeNull();
    expect(await getApiSubmission(db, secret.id, ada, APP_URL)).toMatchObject({ visibility: 'PRIVATE', rank: null });
    expect(await getApiEvaluation(db, evaluationIds.secret, bob)).toBeNull();
    expect(await getEvaluationPredictions(db, evaluationIds.secret, null)).toBeNull();
    expect(await getApiEvaluation(db, evaluationIds.secret, ada)).toMatchObject({ submissionId: secret.id });
    // Older runs stay readable by id.
    expect(await getApiEvaluation(db, evaluationIds.old, null)).toMatchObject({ scorerVersion: OLD_VERSION });
    const predictions = await getEvaluationPredictions(db, evaluationIds.current, bob);
    expect(predictions?.datasetId).toBe('mnist');
    expect(predictions?.predictions).toHaveLength(10_000);
  });

  it('places a queued submission in the queue', async () => {
    expect(await getApiSubmission(db, queued.id, ada, APP_URL)).toMatchObject({
      status: 'QUEUED',
      queuePosition: 1,
      evaluation: null,
    });
  });

  it("lists a user's own submissions newest first, in pages, filtered by dataset and status", async () => {
    const first = await listOwnSubmissions(db, ada, { page: 1, perPage: 3 }, APP_URL);
    expect(first.pagination).toEqual({ page: 1, perPage: 3, total: 4, pageCount: 2 });
    expect(first.data.map((row) => row.modelName)).toEqual(['Waiting', 'Rescored', 'Secret']);
    const second = await listOwnSubmissions(db, ada, { page: 2, perPage: 3 }, APP_URL);
    expect(second.data.map((row) => row.id)).toEqual([rescored.id]);
    const fashion = await listOwnSubmissions(
      db,
      ada,
      { page: 1, perPage: 50, dataset: 'fashion-mnist', status: 'SCORED' },
      APP_URL,
    );
    expect(fashion.data.map((row) => row.dataset)).toEqual(['fashion-mnist']);
    const bobs = await listOwnSubmissions(db, bob, { page: 1, perPage: 50 }, APP_URL);
    expect(bobs.data.map((row) => row.modelName)).toEqual(['Bob model']);
  });

  it('gives each board entry the scorer version its numbers come from', async () => {
    const entries = serializeLeaderboard(await getLeaderboard(db, 'mnist'));
    const entry = entries.find((row) => row.submissionId === rescored.id);
    expect(entry).toMatchObject({ rank: 1, position: 1, tied: false, submitter: 'Ada', scorerVersion: SCORER_VERSION });
    expect(entries.map((row) => row.modelName)).not.toContain('Secret');
  });
});
