import { randomUUID } from 'node:crypto';
import { countSubmissionsAgainstQuota, type Db, disconnectDb, getDb, publicSubmissionsWhere } from '@tenfold/db';
import { createTestDatabase, type TestDatabase } from '@tenfold/db/testing';
import {
  cancelScoring,
  createRedisConnection,
  createScoringQueue,
  enqueueScoring,
  type ScoringQueue,
} from '@tenfold/queue';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminDeps } from '@/server/admin/admin-deps';
import { applyModelBulkAction, modelBulkSchema } from '@/server/admin/bulk-model-actions';
import { applySubmissionBulkAction, submissionBulkSchema } from '@/server/admin/bulk-submission-actions';
import { getModelModeration, getSubmissionModeration } from '@/server/admin/get-moderation-notices';
import { buildAlwaysOneModel } from './e2e/http-client.ts';
import { type Spawned, startProcess, stopProcess } from './e2e/processes.ts';
import { REDIS_URL, REPO_ROOT } from './e2e/web-app.ts';
import { seedEvaluation, seedModel, seedSubmission, seedUser } from './support/seed-admin.ts';

// The bulk actions against the real PostgreSQL and Redis queue; the retry runs through a real
// worker process that scores the model on MNIST's test split.

let database: TestDatabase;
let db: Db;
let connection: Redis;
let queue: ScoringQueue;
let deps: AdminDeps;
let worker: Spawned | undefined;
const prefix = `tenfold-test-admin-${randomUUID()}`;

type Who = Awaited<ReturnType<typeof seedUser>>;
let admin: Who;
let owner: Who;

const bulk = (action: string, ids: string[], reason?: string) =>
  applySubmissionBulkAction(deps, admin, submissionBulkSchema.parse({ action, ids, reason }));

async function auditOf(targetId: string) {
  return db.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' } });
}

async function waitForStatus(id: string, statuses: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.submission.findUniqueOrThrow({ where: { id } });
    if (statuses.includes(row.status)) return row;
    if (Date.now() > deadline) {
      throw new Error(`still ${row.status} (${row.statusReason}):\n${worker?.output.join('').slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  database = await createTestDatabase('web_admin_bulk');
  db = getDb(database.databaseUrl);
  connection = createRedisConnection(REDIS_URL, { role: 'producer' });
  queue = createScoringQueue(connection, prefix);
  deps = {
    db,
    removeScoringJob: (id) => cancelScoring(queue, id),
    enqueueScoring: (id) => enqueueScoring(queue, { submissionId: id }),
  };
  admin = await seedUser(db, 'ADMIN', 'Admin');
  owner = await seedUser(db, 'USER', 'Owner');
});

afterAll(async () => {
  await stopProcess(worker);
  if (queue) {
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
  }
  connection?.disconnect();
  if (database) {
    await disconnectDb(database.databaseUrl);
    await database.drop();
  }
}, 60_000);

describe('bulk action input', () => {
  it('needs a reason to hide or disqualify, a known action and at most 500 ids', () => {
    const noReason = submissionBulkSchema.safeParse({ action: 'hide', ids: ['a'] });
    expect(noReason.success).toBe(false);
    expect(noReason.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'Give a reason: the owner sees it.' });
    expect(submissionBulkSchema.safeParse({ action: 'disqualify', ids: ['a'], reason: '   ' }).success).toBe(false);
    expect(submissionBulkSchema.safeParse({ action: 'hide', ids: ['a'], reason: 'copied' }).success).toBe(true);
    expect(submissionBulkSchema.safeParse({ action: 'retry', ids: ['a'] }).success).toBe(true);
    expect(submissionBulkSchema.safeParse({ action: 'explode', ids: ['a'] }).error?.issues[0]?.message).toContain(
      'action is one of: retry, cancel',
    );
    expect(submissionBulkSchema.safeParse({ action: 'retry', ids: [] }).success).toBe(false);
    const tooMany = Array.from({ length: 501 }, (_, i) => `id${i}`);
    expect(submissionBulkSchema.safeParse({ action: 'retry', ids: tooMany }).error?.issues[0]?.message).toContain(
      'At most 500',
    );
    expect(submissionBulkSchema.safeParse({ action: 'retry', ids: ['../etc'] }).success).toBe(false);
    expect(submissionBulkSchema.safeParse({ action: 'retry', ids: ['a'], extra: 1 }).success).toBe(false);
    expect(modelBulkSchema.safeParse({ action: 'retry', ids: ['a'] }).success).toBe(false);
    expect(modelBulkSchema.safeParse({ action: 'hide', ids: ['a'], reason: 'x'.repeat(501) }).success).toBe(false);
  });
});

describe('cancel', () => {
  it('cancels stuck and queued submissions, removes waiting jobs, skips the rest, audits each with its reason', async () => {
    const model = await seedModel(db, owner.userId);
    const named = (id: string) => ({ name: model.name, href: `/submissions/${id}` });
    const stuck = await seedSubmission(db, model, {
      status: 'RUNNING',
      attempts: 1,
      workerId: 'gone',
      heartbeatAt: new Date(Date.now() - 10 * 60_000),
    });
    const queued = await seedSubmission(db, model, { createdAt: new Date(Date.now() - 3_600_000) });
    await enqueueScoring(queue, { submissionId: queued.id });
    const scored = await seedSubmission(db, model, { status: 'SCORED' });

    const summary = await bulk('cancel', [stuck.id, queued.id, scored.id, 'no-such-id'], 'stuck since the outage');
    expect(summary).toMatchObject({ action: 'cancel', done: 2, skipped: 2 });
    expect(summary.results).toEqual([
      { id: stuck.id, outcome: 'done', message: 'cancelled, its worker stops it', ...named(stuck.id) },
      { id: queued.id, outcome: 'done', message: 'cancelled, job removed', ...named(queued.id) },
      {
        id: scored.id,
        outcome: 'skipped',
        message: 'it is scored: only queued or running submissions are cancelled',
        ...named(scored.id),
      },
      { id: 'no-such-id', outcome: 'skipped', message: 'no submission with this id', name: null, href: null },
    ]);
    for (const id of [stuck.id, queued.id]) {
      const row = await db.submission.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({
        status: 'CANCELLED',
        countsAgainstQuota: false,
        statusReason: 'Cancelled by an administrator: stuck since the outage',
      });
      expect(row.cancelRequestedAt).toBeInstanceOf(Date);
      expect(await auditOf(id)).toMatchObject([
        { actorId: admin.userId, action: 'submission.cancel', reason: 'stuck since the outage' },
      ]);
    }
    expect(await queue.getJob(queued.id)).toBeUndefined();
    expect(await db.submission.findUniqueOrThrow({ where: { id: scored.id } })).toMatchObject({ status: 'SCORED' });
    expect(await auditOf(scored.id)).toEqual([]);
  });
});

describe('moderation', () => {
  it('hides and disqualifies with a reason the owner sees, takes them off public view, and undoes it', async () => {
    const model = await seedModel(db, owner.userId);
    const first = await seedSubmission(db, model, { status: 'SCORED' });
    const second = await seedSubmission(db, model, { status: 'SCORED' });
    const isPublic = async (id: string) =>
      (await db.submission.count({ where: { id, ...publicSubmissionsWhere() } })) === 1;
    expect(await isPublic(first.id)).toBe(true);

    expect(await bulk('hide', [first.id], 'Duplicate of an earlier entry')).toMatchObject({ done: 1, skipped: 0 });
    expect(await bulk('disqualify', [second.id], 'Trained on the test split')).toMatchObject({ done: 1 });
    expect(await bulk('hide', [first.id], 'again')).toMatchObject({
      done: 0,
      results: [{ outcome: 'skipped', message: 'already hidden' }],
    });
    expect(await isPublic(first.id)).toBe(false);
    expect(await isPublic(second.id)).toBe(false);
    expect((await getSubmissionModeration(db, first.id)).submission).toEqual({
      isHidden: true,
      hiddenReason: 'Duplicate of an earlier entry',
      isDisqualified: false,
      disqualifiedReason: null,
    });
    expect((await getSubmissionModeration(db, second.id)).submission).toMatchObject({
      isDisqualified: true,
      disqualifiedReason: 'Trained on the test split',
    });

    expect(await bulk('unhide', [first.id])).toMatchObject({ done: 1 });
    expect(await bulk('requalify', [second.id], 'appeal accepted')).toMatchObject({ done: 1 });
    expect(await isPublic(first.id)).toBe(true);
    expect(await isPublic(second.id)).toBe(true);
    expect(await getSubmissionModeration(db, first.id)).toEqual({ submission: null, model: null });
    expect((await auditOf(first.id)).map((row) => [row.action, row.reason])).toEqual([
      ['submission.hide', 'Duplicate of an earlier entry'],
      ['submission.unhide', null],
    ]);
    expect((await auditOf(second.id)).map((row) => [row.action, row.reason])).toEqual([
      ['submission.disqualify', 'Trained on the test split'],
      ['submission.requalify', 'appeal accepted'],
    ]);
  });

  it('moderates models and marks baselines, once per model, audited against the model', async () => {
    const model = await seedModel(db, owner.userId);
    const [a, b] = [await seedSubmission(db, model), await seedSubmission(db, model)];
    const summary = await bulk('baseline', [a.id, b.id], 'reference CNN');
    expect(summary.results.map((r) => [r.outcome, r.message])).toEqual([
      ['done', 'its model is now a baseline'],
      ['skipped', 'its model is already a baseline'],
    ]);
    expect(await db.model.findUniqueOrThrow({ where: { id: model.id } })).toMatchObject({ isBaseline: true });
    expect(await auditOf(model.id)).toMatchObject([
      { action: 'model.baseline', targetType: 'Model', reason: 'reference CNN', details: { viaSubmission: a.id } },
    ]);

    const hidden = await applyModelBulkAction(
      db,
      admin,
      modelBulkSchema.parse({ action: 'hide', ids: [model.id, 'nope'], reason: 'Offensive name' }),
    );
    expect(hidden.results).toEqual([
      { id: model.id, outcome: 'done', message: 'hidden', name: model.name, href: `/models/${model.id}` },
      { id: 'nope', outcome: 'skipped', message: 'no model with this id', name: null, href: null },
    ]);
    expect(await getModelModeration(db, model.id)).toEqual({
      ownerId: owner.userId,
      notice: { isHidden: true, hiddenReason: 'Offensive name', isDisqualified: false, disqualifiedReason: null },
    });
    expect((await getSubmissionModeration(db, a.id)).model).toMatchObject({ hiddenReason: 'Offensive name' });
    expect(await db.submission.count({ where: { id: a.id, ...publicSubmissionsWhere() } })).toBe(0);
    expect((await auditOf(model.id)).map((row) => [row.action, row.reason, row.actorId])).toEqual([
      ['model.baseline', 'reference CNN', admin.userId],
      ['model.hide', 'Offensive name', admin.userId],
    ]);
  });

  it('marks reviewed once and gives quota back, each change audited', async () => {
    const user = await seedUser(db, 'USER', 'Quota');
    const model = await seedModel(db, user.userId);
    const since = new Date(Date.now() - 86_400_000);
    const counted = await seedSubmission(db, model, { status: 'FAILED', failureKind: 'MODEL' });
    await seedSubmission(db, model, { status: 'SCORED' });
    expect(await countSubmissionsAgainstQuota(db, user.userId, since)).toBe(2);
    expect(await bulk('give-back-quota', [counted.id], 'our docs were wrong')).toMatchObject({ done: 1 });
    expect(await countSubmissionsAgainstQuota(db, user.userId, since)).toBe(1);
    expect(await bulk('give-back-quota', [counted.id])).toMatchObject({
      results: [{ outcome: 'skipped', message: 'it does not count against the quota' }],
    });

    expect(await bulk('review', [counted.id])).toMatchObject({ done: 1 });
    expect(await bulk('review', [counted.id])).toMatchObject({ results: [{ message: 'already reviewed' }] });
    expect((await db.submission.findUniqueOrThrow({ where: { id: counted.id } })).reviewedAt).toBeInstanceOf(Date);
    expect((await auditOf(counted.id)).map((row) => [row.action, row.reason])).toEqual([
      ['submission.give-back-quota', 'our docs were wrong'],
      ['submission.review', null],
    ]);
  });
});

describe('retry', () => {
  it('scores a retried platform failure with a real worker, without counting it against the quota', async () => {
    const user = await seedUser(db, 'USER', 'Retry');
    const model = await seedModel(db, user.userId);
    const named = (id: string) => ({ name: model.name, href: `/submissions/${id}` });
    const platform = await seedSubmission(
      db,
      model,
      {
        status: 'FAILED',
        failureKind: 'PLATFORM',
        countsAgainstQuota: false,
        attempts: 3,
        statusReason: 'Tenfold could not score this submission because of a fault on our side.',
        finishedAt: new Date(),
      },
      buildAlwaysOneModel(),
    );
    const modelFailure = await seedSubmission(db, model, { status: 'FAILED', failureKind: 'MODEL', attempts: 1 });
    const scored = await seedSubmission(db, model, { status: 'SCORED' });
    await seedEvaluation(db, scored.id, 0.5, 0.4);
    const since = new Date(Date.now() - 86_400_000);
    expect(await countSubmissionsAgainstQuota(db, user.userId, since)).toBe(2);

    const summary = await bulk('retry', [platform.id, scored.id], 'Redis outage on Tuesday');
    expect(summary.results).toEqual([
      { id: platform.id, outcome: 'done', message: 'queued again', ...named(platform.id) },
      {
        id: scored.id,
        outcome: 'skipped',
        message: 'it is scored: only failed submissions are retried',
        ...named(scored.id),
      },
    ]);
    expect(await db.submission.findUniqueOrThrow({ where: { id: platform.id } })).toMatchObject({
      status: 'QUEUED',
      attempts: 0,
      failureKind: null,
      countsAgainstQuota: false,
    });
    expect(await auditOf(platform.id)).toMatchObject([
      {
        actorId: admin.userId,
        action: 'submission.retry',
        reason: 'Redis outage on Tuesday',
        details: { status: 'FAILED', failureKind: 'PLATFORM' },
      },
    ]);

    worker = startProcess('worker', process.execPath, ['--import', 'tsx', 'apps/worker/src/index.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: database.databaseUrl, REDIS_URL, QUEUE_PREFIX: prefix },
    });
    const final = await waitForStatus(platform.id, ['SCORED', 'FAILED'], 150_000);
    expect(final).toMatchObject({ status: 'SCORED', failureKind: null, countsAgainstQuota: false, attempts: 1 });
    const evaluation = await db.evaluation.findFirstOrThrow({ where: { submissionId: platform.id } });
    // The always-"1" model is right exactly on MNIST's 1,135 test images of a one (datasets.md).
    expect(evaluation.correct).toBe(1135);
    // Scored now, and still not counted: the quota has the model failure and the scored row only.
    expect(await countSubmissionsAgainstQuota(db, user.userId, since)).toBe(2);

    // A model failure's retry keeps counting, as its first run did.
    expect(await bulk('retry', [modelFailure.id])).toMatchObject({ done: 1 });
    expect(await db.submission.findUniqueOrThrow({ where: { id: modelFailure.id } })).toMatchObject({
      countsAgainstQuota: true,
    });
  }, 200_000);
});
