import { randomUUID } from 'node:crypto';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase, type TestDatabase } from '@tenfold/db/testing';
import { createRedisConnection, createScoringQueue, enqueueScoring } from '@tenfold/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSuspiciousSubmissions } from '@/server/admin/find-suspicious-submissions';
import { getQueueHealth } from '@/server/admin/get-queue-health';
import { listAdminSubmissions, parseAdminSubmissionFilters } from '@/server/admin/list-admin-submissions';
import { AUDIT_PAGE_SIZE, listAuditEntries, parseAuditFilters } from '@/server/admin/list-audit-entries';
import { REDIS_URL } from './e2e/web-app.ts';
import { seedEvaluation, seedModel, seedSubmission, seedUser } from './support/seed-admin.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase('web_admin_queries');
  db = getDb(database.databaseUrl);
});

afterAll(async () => {
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
});

describe('suspicious results', () => {
  it('leaves a submission alone while its shifted-copy check runs, and judges it once the check is done', async () => {
    const owner = await seedUser(db, 'USER', 'Carol');
    const row = await seedSubmission(db, await seedModel(db, owner.userId), { status: 'SCORED' });
    // Near-perfect, which alone would flag it: published, but its check has not finished.
    const evaluation = await seedEvaluation(db, row.id, 0.9995, null, 'RUNNING');
    expect((await findSuspiciousSubmissions(db)).map((flagged) => flagged.id)).not.toContain(row.id);

    await db.evaluation.update({ where: { id: evaluation.id }, data: { shiftedCheck: 'DONE', shiftedAccuracy: 0.5 } });
    const flagged = (await findSuspiciousSubmissions(db)).find((candidate) => candidate.id === row.id);
    expect(flagged?.reasons).toEqual([
      { rule: 'shift-gap', gap: expect.closeTo(0.4995, 10) },
      { rule: 'near-perfect', accuracy: 0.9995 },
    ]);
    await db.submission.update({ where: { id: row.id }, data: { reviewedAt: new Date() } });
  });

  it('flags each rule on seeded data, ignores reviewed, hidden and private entries, and lets review clear one', async () => {
    const alice = await seedUser(db, 'USER', 'Alice');
    const bob = await seedUser(db, 'USER', 'Bob');
    const scored = async (
      ownerId: string,
      accuracy: number,
      shifted: number | null,
      options: { model?: { id: string; ownerId: string }; bytes?: Uint8Array; row?: object; createdAt?: Date } = {},
    ) => {
      const model = options.model ?? (await seedModel(db, ownerId));
      const row = await seedSubmission(
        db,
        model,
        { status: 'SCORED', createdAt: options.createdAt ?? new Date(), ...options.row },
        options.bytes,
      );
      await seedEvaluation(db, row.id, accuracy, shifted);
      return row;
    };

    // 0.95 − 0.60 = 0.35 > 0.25: a memorised test set.
    const gap = await scored(alice.userId, 0.95, 0.6);
    // 0.9995 ≥ 0.999; its shifted copy is fine (gap 0.0095).
    const perfect = await scored(alice.userId, 0.9995, 0.99);
    // Gap exactly 0.2 and 0.992: nothing.
    const normal = await scored(alice.userId, 0.992, 0.792);
    // The same bytes from Alice and from Bob: both flagged, one other submitter each.
    const shared = new TextEncoder().encode(`shared-${randomUUID()}`);
    const aliceCopy = await scored(alice.userId, 0.9, 0.88, { bytes: shared });
    const bobCopy = await scored(bob.userId, 0.9, 0.88, { bytes: shared });
    // A model going from 0.50 to 0.90 (+0.40 > 0.15), then to 0.95 (+0.05).
    const climber = await seedModel(db, bob.userId);
    const t0 = Date.now() - 3 * 3_600_000;
    const step1 = await scored(bob.userId, 0.5, 0.45, { model: climber, createdAt: new Date(t0) });
    const step2 = await scored(bob.userId, 0.9, 0.85, { model: climber, createdAt: new Date(t0 + 3_600_000) });
    const step3 = await scored(bob.userId, 0.95, 0.9, { model: climber, createdAt: new Date(t0 + 7_200_000) });
    // Would be flagged, but reviewed, hidden, disqualified or private.
    await scored(alice.userId, 0.95, 0.5, { row: { reviewedAt: new Date() } });
    await scored(alice.userId, 0.95, 0.5, { row: { hiddenAt: new Date(), hiddenReason: 'x' } });
    await scored(alice.userId, 1, 0.5, { row: { disqualifiedAt: new Date(), disqualifiedReason: 'x' } });
    await scored(alice.userId, 1, 0.5, { model: await seedModel(db, alice.userId, { visibility: 'PRIVATE' }) });

    const flagged = await findSuspiciousSubmissions(db);
    const byId = new Map(flagged.map((row) => [row.id, row]));
    expect(new Set(byId.keys())).toEqual(new Set([gap.id, perfect.id, aliceCopy.id, bobCopy.id, step2.id]));
    expect(byId.get(gap.id)?.reasons).toEqual([{ rule: 'shift-gap', gap: expect.closeTo(0.35, 10) }]);
    expect(byId.get(perfect.id)?.reasons).toEqual([{ rule: 'near-perfect', accuracy: 0.9995 }]);
    expect(byId.get(aliceCopy.id)?.reasons).toEqual([{ rule: 'same-artifact', otherSubmitters: 1 }]);
    expect(byId.get(bobCopy.id)?.reasons).toEqual([{ rule: 'same-artifact', otherSubmitters: 1 }]);
    expect(byId.get(step2.id)?.reasons).toEqual([{ rule: 'jump', previousAccuracy: 0.5, previousId: step1.id }]);
    expect(byId.has(normal.id) || byId.has(step3.id)).toBe(false);

    await db.submission.update({ where: { id: gap.id }, data: { reviewedAt: new Date() } });
    expect((await findSuspiciousSubmissions(db)).map((row) => row.id)).not.toContain(gap.id);
  });
});

describe('audit log filters', () => {
  it('filters by actor, action (exact or prefix), target and UTC days, and pages', async () => {
    const ada = await seedUser(db, 'ADMIN', 'Ada');
    const grace = await seedUser(db, 'ADMIN', 'Grace');
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
    await db.auditLog.createMany({
      data: [
        {
          actorId: ada.userId,
          action: 'submission.hide',
          targetType: 'Submission',
          targetId: 's1',
          reason: 'r1',
          createdAt: day(1),
        },
        {
          actorId: ada.userId,
          action: 'submission.retry',
          targetType: 'Submission',
          targetId: 's2',
          createdAt: day(2),
        },
        {
          actorId: grace.userId,
          action: 'model.hide',
          targetType: 'Model',
          targetId: 'm1',
          reason: 'r3',
          createdAt: day(3),
        },
        {
          actorId: grace.userId,
          action: 'submission.hide',
          targetType: 'Submission',
          targetId: 's2',
          reason: 'r4',
          createdAt: day(4),
        },
      ],
    });
    const ids = async (params: Record<string, string>) =>
      (await listAuditEntries(db, parseAuditFilters(params))).rows.map((row) => `${row.action}:${row.targetId}`);

    expect(await ids({ actor: grace.email.slice(0, 12).toUpperCase() })).toEqual([
      'submission.hide:s2',
      'model.hide:m1',
    ]);
    expect(await ids({ actor: ada.userId })).toEqual(['submission.retry:s2', 'submission.hide:s1']);
    expect(await ids({ action: 'submission.hide' })).toEqual(['submission.hide:s2', 'submission.hide:s1']);
    expect(await ids({ action: 'submission.' })).toEqual([
      'submission.hide:s2',
      'submission.retry:s2',
      'submission.hide:s1',
    ]);
    expect(await ids({ targetType: 'Model' })).toEqual(['model.hide:m1']);
    expect(await ids({ targetId: 's2' })).toEqual(['submission.hide:s2', 'submission.retry:s2']);
    // Inclusive days: the 2nd and the 3rd.
    expect(await ids({ from: '2026-11-02', to: '2026-11-03' })).toEqual(['model.hide:m1', 'submission.retry:s2']);
    // A malformed date is ignored rather than refused.
    expect(await ids({ from: 'yesterday', targetId: 's1' })).toEqual(['submission.hide:s1']);

    const many = Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
      actorId: ada.userId,
      action: 'queue.test',
      targetType: 'Queue',
      targetId: `q${i}`,
      createdAt: new Date(day(10).getTime() + i * 1000),
    }));
    await db.auditLog.createMany({ data: many });
    const second = await listAuditEntries(db, parseAuditFilters({ action: 'queue.test', page: '2' }));
    expect(second).toMatchObject({ total: AUDIT_PAGE_SIZE + 5, page: 2, pageCount: 2 });
    expect(second.rows.map((row) => row.targetId)).toEqual(['q4', 'q3', 'q2', 'q1', 'q0']);
    expect(second.actions).toEqual(['model.hide', 'queue.test', 'submission.hide', 'submission.retry']);
  });
});

describe('admin submission list', () => {
  it('finds stuck submissions: running with a stale heartbeat, or queued for long', async () => {
    const user = await seedUser(db, 'USER', 'Stuck');
    const model = await seedModel(db, user.userId, { name: `stuck-${randomUUID()}` });
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const staleRunning = await seedSubmission(db, model, { status: 'RUNNING', heartbeatAt: ago(5) });
    await seedSubmission(db, model, { status: 'RUNNING', heartbeatAt: ago(0.1) });
    const oldQueued = await seedSubmission(db, model, { status: 'QUEUED', createdAt: ago(45) });
    await seedSubmission(db, model, { status: 'QUEUED', createdAt: ago(1) });
    const list = await listAdminSubmissions(db, parseAdminSubmissionFilters({ stuck: '1', q: model.name }), now);
    expect(new Set(list.rows.map((row) => row.id))).toEqual(new Set([staleRunning.id, oldQueued.id]));
    const running = await listAdminSubmissions(
      db,
      parseAdminSubmissionFilters({ status: 'RUNNING', q: model.id }),
      now,
    );
    expect(running.total).toBe(2);
  });
});

describe('queue health', () => {
  it('names each dataset no live worker can score, with the reasons its workers gave', async () => {
    const now = new Date(Date.UTC(2026, 10, 29, 12, 30));
    const fresh = new Date(now.getTime() - 2_000);
    const why = 't10k-images-idx3-ubyte was not found (on Debian: `apt-get install dataset-fashion-mnist`).';
    await db.workerHeartbeat.deleteMany({});
    await db.workerHeartbeat.createMany({
      data: [
        {
          id: 'mnist-only',
          hostname: 'a',
          pid: 1,
          concurrency: 1,
          lastSeenAt: fresh,
          scorableDatasets: ['MNIST'],
          datasetProblems: { FASHION_MNIST: why },
        },
        // A dead worker that could score it does not count.
        {
          id: 'dead-both',
          hostname: 'b',
          pid: 2,
          concurrency: 1,
          lastSeenAt: new Date(now.getTime() - 3_600_000),
          scorableDatasets: ['MNIST', 'FASHION_MNIST'],
        },
      ],
    });
    const noJobs = () => Promise.resolve({});
    const health = await getQueueHealth(db, noJobs, now);
    expect(health.unscorableDatasets).toEqual([{ dataset: 'FASHION_MNIST', name: 'Fashion-MNIST', reasons: [why] }]);

    await db.workerHeartbeat.update({
      where: { id: 'dead-both' },
      data: { lastSeenAt: fresh },
    });
    expect((await getQueueHealth(db, noJobs, now)).unscorableDatasets).toEqual([]);
    await db.workerHeartbeat.deleteMany({});
    // No worker at all is said by the Workers section already; the datasets say it too.
    expect((await getQueueHealth(db, noJobs, now)).unscorableDatasets.map((gap) => gap.reasons)).toEqual([[], []]);
  });

  it('counts jobs and statuses, flags stale workers and buckets outcomes by the hour they finished', async () => {
    const prefix = `tenfold-test-health-${randomUUID()}`;
    const connection = createRedisConnection(REDIS_URL, { role: 'producer' });
    const queue = createScoringQueue(connection, prefix);
    try {
      const user = await seedUser(db, 'USER', 'Health');
      const model = await seedModel(db, user.userId);
      const now = new Date(Date.UTC(2026, 10, 29, 12, 30));
      const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
      await db.submission.deleteMany({});
      await seedSubmission(db, model, { status: 'SCORED', finishedAt: at(0) });
      await seedSubmission(db, model, { status: 'SCORED', finishedAt: at(0.2) });
      await seedSubmission(db, model, { status: 'FAILED', failureKind: 'MODEL', finishedAt: at(2) });
      await seedSubmission(db, model, { status: 'FAILED', failureKind: 'PLATFORM', finishedAt: at(30) });
      await seedSubmission(db, model, { status: 'SCORED', finishedAt: at(200) }); // older than 7 days
      const queued = await seedSubmission(db, model, { status: 'QUEUED', createdAt: at(1) });
      await enqueueScoring(queue, { submissionId: queued.id });
      await db.workerHeartbeat.createMany({
        data: [
          { id: 'alive', hostname: 'box-a', pid: 1, concurrency: 2, lastSeenAt: new Date(now.getTime() - 3_000) },
          { id: 'dead', hostname: 'box-b', pid: 2, concurrency: 1, lastSeenAt: at(1) },
        ],
      });

      const health = await getQueueHealth(db, () => queue.getJobCounts('waiting', 'prioritized', 'active'), now);
      expect(health.jobs).toEqual({ ok: true, counts: { waiting: 0, prioritized: 1, active: 0 } });
      expect(health.submissions).toEqual({ QUEUED: 1, RUNNING: 0, SCORED: 3, FAILED: 2, CANCELLED: 0 });
      expect(health.oldestQueuedAt).toEqual(queued.createdAt);
      expect(health.workers.map((w) => [w.id, w.isStale])).toEqual([
        ['alive', false],
        ['dead', true],
      ]);
      expect(health.hours).toHaveLength(168);
      const last = health.hours.at(-1);
      expect(last).toMatchObject({ start: new Date(Date.UTC(2026, 10, 29, 12)), scored: 2 });
      expect(health.hours.at(-3)).toMatchObject({ start: new Date(Date.UTC(2026, 10, 29, 10)), modelFailures: 1 });
      // 30 h before 12:30 is 06:30 the day before: 31 buckets back from the current one.
      expect(health.hours.at(-31)).toMatchObject({ start: new Date(Date.UTC(2026, 10, 28, 6)), platformFailures: 1 });
      const totals = health.hours.reduce((sum, b) => sum + b.scored + b.modelFailures + b.platformFailures, 0);
      expect(totals).toBe(4);
      expect(health.recentFailures.map((f) => f.failureKind)).toEqual(['MODEL', 'PLATFORM']);

      const down = await getQueueHealth(db, () => Promise.reject(new Error('connection refused')), now);
      expect(down.jobs).toEqual({ ok: false, error: 'connection refused' });
    } finally {
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      connection.disconnect();
    }
  });
});
