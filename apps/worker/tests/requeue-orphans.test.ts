import { waitUntil } from '@tenfold/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetAvailability } from '../src/dataset-availability.ts';
import { startWorkerHeartbeat } from '../src/start-worker-heartbeat.ts';
import { requeueOrphans } from '../src/submission/requeue-orphans.ts';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

let fixture: WorkerFixture;

beforeAll(async () => {
  fixture = await createWorkerFixture('reconcile');
});

afterAll(() => fixture?.close());

const ago = (ms: number) => new Date(Date.now() - ms);
const STALE_AFTER_MS = 10_000;

describe('requeueOrphans', () => {
  it('re-creates the jobs Redis lost, once', async () => {
    const id = await fixture.submit('lost-job', new Uint8Array([1]), { enqueue: false });
    expect(await requeueOrphans(fixture.db, fixture.queue, { staleAfterMs: STALE_AFTER_MS })).toEqual({
      requeued: 0,
      cancelled: 0,
      enqueued: 1,
    });
    expect(await fixture.queue.getJob(id)).toBeDefined();
    expect((await requeueOrphans(fixture.db, fixture.queue, { staleAfterMs: STALE_AFTER_MS })).enqueued).toBe(0);
  });

  it('puts back running submissions whose worker went silent, and leaves live ones alone', async () => {
    const running = { status: 'RUNNING' as const, workerId: 'w', attempts: 1, progressImages: 4_000 };
    const dead = await fixture.submit('dead', new Uint8Array([2]), {
      enqueue: false,
      row: { ...running, heartbeatAt: ago(60_000) },
    });
    const alive = await fixture.submit('alive', new Uint8Array([3]), {
      enqueue: false,
      row: { ...running, heartbeatAt: ago(1_000) },
    });
    const summary = await requeueOrphans(fixture.db, fixture.queue, { staleAfterMs: STALE_AFTER_MS });
    expect(summary).toMatchObject({ requeued: 1, enqueued: 1 });
    expect(await fixture.db.submission.findUniqueOrThrow({ where: { id: dead } })).toMatchObject({
      status: 'QUEUED',
      workerId: null,
      progressImages: 0,
      attempts: 1,
      statusReason: 'Queued again: the worker scoring it stopped responding.',
    });
    expect(await fixture.queue.getJob(dead)).toBeDefined();
    expect(await fixture.db.submission.findUniqueOrThrow({ where: { id: alive } })).toMatchObject({
      status: 'RUNNING',
    });
    expect(await fixture.queue.getJob(alive)).toBeUndefined();
  });

  it('ends cancellations no live worker will see', async () => {
    const queued = await fixture.submit('queued-cancel', new Uint8Array([4]), {
      enqueue: false,
      row: { cancelRequestedAt: new Date() },
    });
    const orphaned = await fixture.submit('orphan-cancel', new Uint8Array([5]), {
      enqueue: false,
      row: { status: 'RUNNING', heartbeatAt: ago(60_000), cancelRequestedAt: new Date() },
    });
    expect((await requeueOrphans(fixture.db, fixture.queue, { staleAfterMs: STALE_AFTER_MS })).cancelled).toBe(2);
    for (const id of [queued, orphaned]) {
      expect(await fixture.db.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: 'CANCELLED',
        countsAgainstQuota: false,
      });
      expect(await fixture.queue.getJob(id)).toBeUndefined();
    }
  });
});

describe('startWorkerHeartbeat', () => {
  it('keeps a row per process fresh and removes it on a clean stop', async () => {
    const heartbeat = startWorkerHeartbeat(
      fixture.db,
      { workerId: 'host:42', concurrency: 3 },
      createDatasetAvailability({}),
      50,
      {
        onChecked: async () => {},
        onError: (error) => {
          throw error;
        },
      },
    );
    const row = () => fixture.db.workerHeartbeat.findUnique({ where: { id: 'host:42' } });
    const first = await waitUntil(row, { description: 'the first heartbeat row' });
    const later = await waitUntil(
      async () => {
        const next = await row();
        return next && next.lastSeenAt > first.lastSeenAt && next;
      },
      { timeoutMs: 5_000, description: 'a later heartbeat' },
    );
    expect(first).toMatchObject({
      concurrency: 3,
      pid: process.pid,
      scorableDatasets: ['FASHION_MNIST', 'MNIST'],
      datasetProblems: {},
    });
    expect(later.lastSeenAt.getTime()).toBeGreaterThan(first.lastSeenAt.getTime());
    await heartbeat.stop();
    expect(await fixture.db.workerHeartbeat.count({ where: { id: 'host:42' } })).toBe(0);
  });

  it('forgets processes silent for a day (killed without a clean stop)', async () => {
    await fixture.db.workerHeartbeat.create({
      data: { id: 'gone:1', hostname: 'gone', pid: 1, concurrency: 1, lastSeenAt: ago(25 * 3600_000) },
    });
    await requeueOrphans(fixture.db, fixture.queue, { staleAfterMs: STALE_AFTER_MS });
    expect(await fixture.db.workerHeartbeat.count({ where: { id: 'gone:1' } })).toBe(0);
  });
});
