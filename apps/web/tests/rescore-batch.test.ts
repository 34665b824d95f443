import { randomUUID } from 'node:crypto';
import { getLeaderboard } from '@tenfold/boards';
import { SCORER_VERSION } from '@tenfold/contract';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase, type TestDatabase, waitUntil } from '@tenfold/db/testing';
import {
  createRedisConnection,
  createScoringQueue,
  enqueueScoring,
  rescoreJobId,
  type ScoringQueue,
} from '@tenfold/queue';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/auth/authenticate-request';
import { cancelRescoreBatch } from '@/server/rescoring/cancel-rescore-batch';
import { createRescoreBatch } from '@/server/rescoring/create-rescore-batch';
import { getRescoreProgress } from '@/server/rescoring/get-rescore-progress';
import { getRescoreReport } from '@/server/rescoring/get-rescore-report';
import type { RescoreDeps } from '@/server/rescoring/rescore-deps';
import { type Spawned, stopProcess } from './e2e/processes.ts';
import { createQueuedSubmission, OLD_SCORER_VERSION, seedRescoreScenario } from './support/seed-rescore-scenario.ts';
import { startWorkerProcess } from './support/start-worker-process.ts';

// Rescoring end to end below the HTTP layer: the web app's services create and cancel batches,
// the real worker process scores real ONNX models, and the report is checked against numbers
// computed without our scorer (PyTorch's own predictions, plain float64 arithmetic).

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `tenfold-test-${randomUUID()}`;
let database: TestDatabase;
let db: Db;
let connection: Redis;
let queue: ScoringQueue;
let deps: RescoreDeps;
let worker: Spawned | undefined;
let admin: Actor;
let scenario: Awaited<ReturnType<typeof seedRescoreScenario>>;
let unchangedId: string;
let newSubmissionIds: string[];

beforeAll(async () => {
  database = await createTestDatabase('web_rescore');
  db = getDb(database.databaseUrl);
  connection = createRedisConnection(REDIS_URL, { role: 'producer' });
  queue = createScoringQueue(connection, prefix);
  deps = { db, queue };
  const user = await db.user.create({
    data: { email: `${randomUUID()}@tenfold.test`, name: 'Rescore admin', role: 'ADMIN' },
  });
  admin = { userId: user.id, role: 'ADMIN', via: 'session', credentialId: 'test-session' };
  scenario = await seedRescoreScenario(db, user.id);
});

afterAll(async () => {
  await stopProcess(worker);
  await queue?.obliterate({ force: true });
  await queue?.close();
  connection?.disconnect();
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
}, 60_000);

/**
 * Reads the batch row itself, never through the console's services: the worker alone must end
 * the batch (DONE, new ranks frozen) once its last item ended, whether or not anyone looks.
 */
function waitForBatch(batchId: string, predicate: (status: string) => boolean, timeoutMs = 240_000) {
  return waitUntil(
    async () => {
      const batch = await db.rescoreBatch.findUniqueOrThrow({ where: { id: batchId }, select: { status: true } });
      return predicate(batch.status) && batch;
    },
    { timeoutMs, intervalMs: 200, description: () => `batch ${batchId}\n${worker?.output.join('').slice(-4000)}` },
  );
}

describe('a rescore batch', () => {
  it('is refused to non-admins', async () => {
    const result = await createRescoreBatch(
      deps,
      { ...admin, role: 'USER' },
      { selection: { kind: 'all' }, reason: 'nope' },
    );
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(await db.rescoreBatch.count()).toBe(0);
  });

  it('after a scorer-version change reports the right moves, and waits behind new submissions', async () => {
    const { ids, models } = scenario;
    const created = await createRescoreBatch(deps, admin, {
      selection: { kind: 'older-scorer' },
      reason: 'Scorer 1.0.0 rounds like torchvision',
    });
    if (!created.ok) throw new Error(created.message);
    expect(created.total).toBe(5);
    expect(created.skipped).toEqual({});
    // New uploads arrive after the batch was queued (on a private model, so the board is the scenario's).
    const privateModel = await db.model.create({
      data: { ownerId: admin.userId, name: 'Private newcomer', visibility: 'PRIVATE' },
    });
    newSubmissionIds = [];
    for (const model of [models.linear, models.centroid]) {
      const id = await createQueuedSubmission(db, { ownerId: admin.userId, modelId: privateModel.id, model });
      await enqueueScoring(queue, { submissionId: id });
      newSubmissionIds.push(id);
    }
    unchangedId = newSubmissionIds[0] as string;

    // Frozen at creation: the old numbers and the old board.
    const items = await db.rescoreItem.findMany({ where: { batchId: created.batchId } });
    const before = new Map(items.map((item) => [item.submissionId, item]));
    const oldAccuracy = async (id: string) =>
      (await db.evaluation.findFirstOrThrow({ where: { submissionId: id, scorerVersion: OLD_SCORER_VERSION } }))
        .accuracy;
    for (const id of Object.values(ids)) expect(before.get(id)?.oldAccuracy).toBe(await oldAccuracy(id));
    expect([ids.linear, ids.centroid, ids.bystander, ids.cnn, ids.mlp].map((id) => before.get(id)?.oldRank)).toEqual([
      1,
      2,
      3,
      4,
      null,
    ]);

    worker = startWorkerProcess({ DATABASE_URL: database.databaseUrl, REDIS_URL, QUEUE_PREFIX: prefix });
    await waitForBatch(created.batchId, (status) => status === 'DONE');
    // Its ranks were frozen with it: the report below reads them straight from the items.
    expect(await db.rescoreItem.count({ where: { batchId: created.batchId, newRank: { not: null } } })).toBe(4);
    const progress = await getRescoreProgress(db, created.batchId);
    expect(progress?.counts).toMatchObject({ DONE: 4, FAILED: 1, QUEUED: 0, RUNNING: 0 });

    // Priority: both new submissions were scored before the first rescore started.
    const newRows = await db.submission.findMany({ where: { id: { in: newSubmissionIds } } });
    expect(newRows.map((row) => row.status)).toEqual(['SCORED', 'SCORED']);
    const lastNewFinished = Math.max(...newRows.map((row) => row.finishedAt?.getTime() ?? Number.NaN));
    const after = await db.rescoreItem.findMany({ where: { batchId: created.batchId } });
    const firstRescoreStarted = Math.min(...after.map((item) => item.startedAt?.getTime() ?? Number.NaN));
    expect(lastNewFinished).toBeLessThanOrEqual(firstRescoreStarted);

    const report = await getRescoreReport(db, created.batchId);
    const row = (id: string) => {
      const found = report.rows.find((entry) => entry.submissionId === id);
      if (!found) throw new Error(`no report row for ${id}`);
      return found;
    };
    for (const [name, id] of [
      ['cnn', ids.cnn],
      ['mlp', ids.mlp],
      ['linear', ids.linear],
      ['centroid', ids.centroid],
    ] as const) {
      expect(row(id).status).toBe('DONE');
      expect(row(id).newAccuracy).toBe(models[name].expected.accuracy);
      expect(row(id).delta).toBe(models[name].expected.accuracy - (before.get(id)?.oldAccuracy as number));
    }
    expect(
      [ids.cnn, ids.centroid, ids.linear, ids.mlp, ids.bystander].map((id) => [
        row(id).oldRank,
        row(id).newRank,
        row(id).move,
      ]),
    ).toEqual([
      [4, 1, 'up'],
      [2, 4, 'down'],
      [1, null, 'left'],
      [null, 3, 'entered'],
      [3, 2, 'up'],
    ]);
    expect(row(ids.bystander)).toMatchObject({ status: 'FAILED', newAccuracy: null });
    expect(row(ids.bystander).reason).toMatch(/could not load the model/);
    expect(report.summary).toEqual({ rescored: 4, moved: 5, changed: 4, failed: 1, cancelled: 0 });

    // The new evaluations are in force on the board; the old ones are kept.
    const board = await getLeaderboard(db, 'mnist');
    expect(board.map((entry) => [entry.submissionId, entry.accuracy, entry.scorerVersion])).toEqual([
      [ids.cnn, models.cnn.expected.accuracy, SCORER_VERSION],
      [ids.bystander, before.get(ids.bystander)?.oldAccuracy, OLD_SCORER_VERSION],
      [ids.mlp, models.mlp.expected.accuracy, SCORER_VERSION],
      [ids.centroid, models.centroid.expected.accuracy, SCORER_VERSION],
    ]);
    for (const [name, id] of [
      ['cnn', ids.cnn],
      ['centroid', ids.centroid],
    ] as const) {
      const evaluations = await db.evaluation.findMany({ where: { submissionId: id }, orderBy: { createdAt: 'asc' } });
      expect(evaluations.map((evaluation) => [evaluation.scorerVersion, evaluation.run])).toEqual([
        [OLD_SCORER_VERSION, 'submission'],
        [SCORER_VERSION, created.batchId],
      ]);
      expect(evaluations[1]?.rescoreBatchId).toBe(created.batchId);
      expect(evaluations[1]?.correct).toBe(models[name].expected.correct);
      expect(
        Buffer.compare(evaluations[1]?.predictions as Uint8Array, Buffer.from(models[name].expected.predictions)),
      ).toBe(0);
    }
    // A rescore never touches the submission's own state.
    const rescored = await db.submission.findMany({ where: { id: { in: Object.values(ids) } } });
    expect(rescored.every((submission) => submission.status === 'SCORED')).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: 'rescore.create', targetId: created.batchId },
    });
    expect(audit.reason).toBe('Scorer 1.0.0 rounds like torchvision');
  }, 300_000);

  it('gives identical numbers when the model and scorer did not change', async () => {
    const created = await createRescoreBatch(deps, admin, {
      selection: { kind: 'submission', submissionId: unchangedId },
      reason: 'Reproducibility check',
    });
    if (!created.ok) throw new Error(created.message);
    await waitForBatch(created.batchId, (status) => status === 'DONE');
    // The item ends with its evaluation; the shifted-copy check fills in its column after (#20).
    await waitUntil(
      async () => (await db.evaluation.count({ where: { submissionId: unchangedId, shiftedCheck: 'RUNNING' } })) === 0,
      { timeoutMs: 60_000, description: 'the shifted-copy checks of the rescored evaluation' },
    );
    const [original, again] = await db.evaluation.findMany({
      where: { submissionId: unchangedId },
      orderBy: { createdAt: 'asc' },
    });
    if (!original || !again) throw new Error('expected two evaluations');
    expect([original.run, again.run]).toEqual(['submission', created.batchId]);
    expect(again.scorerVersion).toBe(original.scorerVersion);
    for (const field of [
      'total',
      'correct',
      'accuracy',
      'accuracyCiLow',
      'accuracyCiHigh',
      'confusionMatrix',
      'perClassRecall',
      'perClassPrecision',
      'perClassF1',
      'shiftedAccuracy',
      'parameterCount',
      'warnings',
      'modelSha256',
      'datasetSha256',
    ] as const) {
      expect(again[field], field).toEqual(original[field]);
    }
    expect(Buffer.compare(again.predictions, original.predictions)).toBe(0);
    expect(again.accuracy).toBe(scenario.models.linear.expected.accuracy);
    const report = await getRescoreReport(db, created.batchId);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ delta: 0, oldAccuracy: original.accuracy, newAccuracy: original.accuracy });
  }, 120_000);

  it('says what it skipped and why, and refuses a selection with nothing scored', async () => {
    const waiting = await db.submission.create({
      data: {
        modelId: scenario.modelIds.cnnModel,
        submitterId: admin.userId,
        dataset: 'MNIST',
        format: 'ONNX',
        artifactSha256: (await db.submission.findUniqueOrThrow({ where: { id: scenario.ids.cnn } })).artifactSha256,
        originalFilename: 'model.onnx',
      },
    });
    const refused = await createRescoreBatch(deps, admin, {
      selection: { kind: 'ids', ids: [waiting.id, 'no-such-submission'] },
      reason: 'Nothing here',
    });
    expect(refused).toMatchObject({
      ok: false,
      status: 409,
      details: { skipped: { 'not scored yet (queued)': 1, 'not found': 1 } },
    });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.message).toBe(
      'Nothing to rescore: the selection holds no scored submission (1 not scored yet (queued), 1 not found).',
    );
    expect(
      await createRescoreBatch(deps, admin, { selection: { kind: 'backend', backend: 'tfjs-cpu' }, reason: 'None' }),
    ).toMatchObject({ ok: false, status: 409 });

    const mixed = await createRescoreBatch(deps, admin, {
      selection: { kind: 'ids', ids: [scenario.ids.cnn, waiting.id, 'no-such-submission'] },
      reason: 'Mixed selection',
    });
    expect(mixed).toMatchObject({ ok: true, total: 1, skipped: { 'not scored yet (queued)': 1, 'not found': 1 } });
    if (!mixed.ok) throw new Error(mixed.message);
    await waitForBatch(mixed.batchId, (status) => status === 'DONE');
    await db.submission.delete({ where: { id: waiting.id } });
  }, 120_000);

  it('cancelled mid-way keeps what finished and writes nothing for the rest', async () => {
    const created = await createRescoreBatch(deps, admin, {
      selection: { kind: 'dataset', dataset: 'mnist' },
      reason: 'Cancelled on purpose',
    });
    if (!created.ok) throw new Error(created.message);
    expect(created.total).toBe(7);
    // Wait for the first item to end, then cancel while the others wait or run.
    await waitUntil(
      async () =>
        (await db.rescoreItem.count({ where: { batchId: created.batchId, status: { in: ['DONE', 'FAILED'] } } })) > 0,
      { timeoutMs: 120_000, intervalMs: 50, description: 'a first item to end' },
    );
    const cancelled = await cancelRescoreBatch(deps, admin, created.batchId);
    if (!cancelled.ok) throw new Error(cancelled.message);
    expect(cancelled.cancelledItems).toBeGreaterThan(0);

    // Until the worker is done with every job: a running item's worker notices within a heartbeat
    // (0.2 s) and must not write; the others find their item cancelled.
    await waitUntil(
      async () => {
        const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
        return Object.values(counts).every((count) => count === 0);
      },
      { timeoutMs: 30_000, intervalMs: 100, description: 'the worker to finish every job' },
    );
    const batch = await db.rescoreBatch.findUniqueOrThrow({ where: { id: created.batchId } });
    expect(batch.status).toBe('CANCELLED');
    expect(batch.cancelledAt).not.toBeNull();
    const items = await db.rescoreItem.findMany({ where: { batchId: created.batchId } });
    const byStatus = (status: string) => items.filter((item) => item.status === status);
    expect(byStatus('QUEUED')).toHaveLength(0);
    expect(byStatus('RUNNING')).toHaveLength(0);
    expect(byStatus('CANCELLED')).toHaveLength(cancelled.cancelledItems);
    const evaluations = await db.evaluation.findMany({
      where: { run: created.batchId },
      select: { submissionId: true },
    });
    expect(evaluations.map((evaluation) => evaluation.submissionId).sort()).toEqual(
      byStatus('DONE')
        .map((item) => item.submissionId)
        .sort(),
    );
    for (const item of byStatus('CANCELLED')) {
      expect(item.newEvaluationId).toBeNull();
      expect(await queue.getJob(rescoreJobId(item.id))).toBeUndefined();
    }
    for (const item of byStatus('DONE')) expect(item.newRank === null || item.newRank >= 1).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: 'rescore.cancel', targetId: created.batchId },
    });
    expect(audit.actorId).toBe(admin.userId);
  }, 180_000);
});
