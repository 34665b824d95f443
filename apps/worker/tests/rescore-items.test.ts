import { SCORER_VERSION } from '@tenfold/contract';
import { placeholderEvaluation } from '@tenfold/db/testing';
import { enqueueRescores, rescoreJobId } from '@tenfold/queue';
import { createScoringInputsLoader } from '@tenfold/scoring';
import { buildCentroidModel, buildLinearOnnxModel, predictLinear, readMnistDirectly } from '@tenfold/scoring/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlowModel } from '../chaos/build-slow-model.ts';
import { requeueOrphanRescores } from '../src/rescore/requeue-orphans.ts';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

// Rescore items through the real worker (in-process BullMQ consumer, real scoring) and the
// reconciler, which also end batches (DONE, new ranks frozen) without the web app. Creating
// batches, old ranks and the report are tested in apps/web.

let fixture: WorkerFixture;
let centroidBytes: Uint8Array;
let expectedCorrect: number;
/** Set by a test: the worker's next dataset load fails as a platform fault would. */
let failNextLoad = false;

beforeAll(async () => {
  fixture = await createWorkerFixture('rescore');
  const loader = createScoringInputsLoader({});
  fixture.startWorker({
    loadScoringInputs: (dataset) => {
      if (!failNextLoad) return loader(dataset);
      failNextLoad = false;
      return Promise.reject(new Error('dataset volume not mounted yet'));
    },
  });
  const train = readMnistDirectly('train');
  const test = readMnistDirectly('t10k');
  const model = buildCentroidModel(train.images, train.labels);
  centroidBytes = buildLinearOnnxModel(model);
  expectedCorrect = predictLinear(test.images, test.count, model).predictions.filter(
    (p, i) => p === test.labels[i],
  ).length;
});

afterAll(() => fixture?.close());

async function scoredSubmission(bytes: Uint8Array, status: 'SCORED' | 'QUEUED' = 'SCORED') {
  return fixture.submit('rescored', bytes, { enqueue: false, row: { status } });
}

async function batchOf(submissionIds: string[], status: 'RUNNING' | 'CANCELLED' = 'RUNNING') {
  return fixture.db.rescoreBatch.create({
    data: {
      createdById: fixture.userId,
      reason: 'test',
      selection: { kind: 'ids', ids: submissionIds },
      total: submissionIds.length,
      status,
      items: { create: submissionIds.map((submissionId) => ({ submissionId })) },
    },
    include: { items: true },
  });
}

/** An evaluation as a scoring under `scorerVersion` would have left it (numbers made up). */
async function seedEvaluation(submissionId: string, scorerVersion: string, accuracy: number) {
  await fixture.db.evaluation.create({
    data: {
      ...placeholderEvaluation(accuracy),
      submissionId,
      scorerVersion,
    },
  });
}

/** Earlier tests' models leave the board, so a test knows every entry on it. */
async function emptyTheBoard() {
  await fixture.db.model.updateMany({ data: { visibility: 'PRIVATE' } });
}

async function waitForItem(id: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const item = await fixture.db.rescoreItem.findUniqueOrThrow({ where: { id } });
    if (item.status !== 'QUEUED' && item.status !== 'RUNNING') return item;
    if (Date.now() > deadline) throw new Error(`item ${id} still ${item.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Until the worker took and ended every job, so no earlier job consumes a later test's fault. */
async function waitForIdleQueue(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await fixture.queue.count()) + (await fixture.queue.getActiveCount()) > 0) {
    if (Date.now() > deadline) throw new Error('the queue did not drain');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('rescore items', () => {
  it('the reconciler re-creates lost jobs, requeues stale items and ends those of cancelled batches', async () => {
    const running = await batchOf([await scoredSubmission(centroidBytes), await scoredSubmission(centroidBytes)]);
    const [lost, stale] = running.items;
    if (!lost || !stale) throw new Error('two items expected');
    await fixture.db.rescoreItem.update({
      where: { id: stale.id },
      data: { status: 'RUNNING', workerId: 'gone', attempts: 1, heartbeatAt: new Date(Date.now() - 60_000) },
    });
    const cancelled = await batchOf([await scoredSubmission(centroidBytes)], 'CANCELLED');

    expect(await requeueOrphanRescores(fixture.db, fixture.queue, { staleAfterMs: 10_000 })).toEqual({
      requeued: 1,
      cancelled: 1,
      enqueued: 2,
      finalized: 0,
    });
    expect(await fixture.queue.getJob(rescoreJobId(lost.id))).toBeDefined();
    expect((await fixture.db.rescoreItem.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe('QUEUED');
    expect((await fixture.db.rescoreItem.findFirstOrThrow({ where: { batchId: cancelled.id } })).status).toBe(
      'CANCELLED',
    );
    // Idempotent: a second pass finds nothing to do.
    expect(await requeueOrphanRescores(fixture.db, fixture.queue, { staleAfterMs: 10_000 })).toEqual({
      requeued: 0,
      cancelled: 0,
      enqueued: 0,
      finalized: 0,
    });
    // Out of the way of the next tests, as the web app's cancel would do it.
    await fixture.db.$transaction([
      fixture.db.rescoreBatch.update({ where: { id: running.id }, data: { status: 'CANCELLED' } }),
      fixture.db.rescoreItem.updateMany({
        where: { batchId: running.id, status: { in: ['QUEUED', 'RUNNING'] } },
        data: { status: 'CANCELLED' },
      }),
    ]);
    await waitForIdleQueue();
  });

  it('retries a platform fault, then writes the evaluation under the batch without touching the submission', async () => {
    failNextLoad = true;
    const submissionId = await scoredSubmission(centroidBytes);
    const notScored = await scoredSubmission(centroidBytes, 'QUEUED');
    const broken = await scoredSubmission(new TextEncoder().encode('not a model'));
    const batch = await batchOf([submissionId, notScored, broken]);
    const itemOf = (id: string) => batch.items.find((item) => item.submissionId === id)?.id as string;
    await enqueueRescores(fixture.queue, [itemOf(submissionId)]);

    const done = await waitForItem(itemOf(submissionId));
    expect(done).toMatchObject({ status: 'DONE', attempts: 2, newAccuracy: expectedCorrect / 10_000 });
    const evaluation = await fixture.db.evaluation.findUniqueOrThrow({ where: { id: done.newEvaluationId as string } });
    expect(evaluation).toMatchObject({ run: batch.id, rescoreBatchId: batch.id, correct: expectedCorrect });
    const submission = await fixture.db.submission.findUniqueOrThrow({ where: { id: submissionId } });
    expect(submission).toMatchObject({ status: 'SCORED', attempts: 0, workerId: null });

    await enqueueRescores(fixture.queue, [itemOf(notScored), itemOf(broken)]);
    const skipped = await waitForItem(itemOf(notScored));
    expect(skipped.status).toBe('FAILED');
    expect(skipped.statusReason).toMatch(/the submission is queued, not scored/);
    const failed = await waitForItem(itemOf(broken));
    expect(failed.status).toBe('FAILED');
    expect(failed.attempts).toBe(1);
    expect(failed.statusReason).toMatch(/could not load the model/);
    expect(await fixture.db.evaluation.count({ where: { submissionId: { in: [notScored, broken] } } })).toBe(0);
  });

  it('ends the batch with its last item, freezing the boards as they are then, with no one watching', async () => {
    await emptyTheBoard();
    // Two copies of the centroid model, ranked first and second under an older scorer, and a
    // bystander the batch leaves alone, at an accuracy the centroid model does not reach.
    const older = await scoredSubmission(centroidBytes);
    const newer = await scoredSubmission(centroidBytes);
    await fixture.db.submission.update({ where: { id: older }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await seedEvaluation(older, '0.9.0', 0.999);
    await seedEvaluation(newer, '0.9.0', 0.995);
    const bystander = await scoredSubmission(new TextEncoder().encode('never loaded'));
    const bystanderAccuracy = 0.9;
    await seedEvaluation(bystander, SCORER_VERSION, bystanderAccuracy);
    expect(expectedCorrect / 10_000).toBeLessThan(bystanderAccuracy);
    const batch = await batchOf([older, newer]);
    await enqueueRescores(
      fixture.queue,
      batch.items.map((item) => item.id),
    );

    // The jobs are over once the queue is idle; nothing but the worker ran in between.
    await waitForIdleQueue(120_000);
    const ended = await fixture.db.rescoreBatch.findUniqueOrThrow({
      where: { id: batch.id },
      include: { items: true },
    });
    expect(ended.status).toBe('DONE');
    const lastItemEnded = Math.max(...ended.items.map((item) => item.finishedAt?.getTime() ?? Number.NaN));
    expect(ended.finishedAt?.getTime()).toBeGreaterThanOrEqual(lastItemEnded);
    const itemOf = (id: string) => ended.items.find((item) => item.submissionId === id);
    // The bystander leads now; the two equal copies keep their order by submission time.
    expect([itemOf(older), itemOf(newer)].map((item) => [item?.status, item?.newAccuracy, item?.newRank])).toEqual([
      ['DONE', expectedCorrect / 10_000, 2],
      ['DONE', expectedCorrect / 10_000, 3],
    ]);
  });

  it('the reconciler ends a running batch whose items all ended when its worker did not', async () => {
    await emptyTheBoard();
    const first = await scoredSubmission(centroidBytes);
    const second = await scoredSubmission(centroidBytes);
    const failed = await scoredSubmission(centroidBytes);
    await seedEvaluation(first, SCORER_VERSION, 0.97);
    await seedEvaluation(second, SCORER_VERSION, 0.98);
    await seedEvaluation(failed, SCORER_VERSION, 0.96);
    const batch = await batchOf([first, second, failed]);
    // What a worker leaves when it dies right after ending the last item.
    await fixture.db.rescoreItem.updateMany({
      where: { batchId: batch.id, submissionId: { in: [first, second] } },
      data: { status: 'DONE', finishedAt: new Date() },
    });
    await fixture.db.rescoreItem.updateMany({
      where: { batchId: batch.id, submissionId: failed },
      data: { status: 'FAILED', statusReason: 'could not load the model', finishedAt: new Date() },
    });
    // And a batch whose item another, live worker is rescoring.
    const open = await batchOf([await scoredSubmission(centroidBytes)]);
    await fixture.db.rescoreItem.updateMany({
      where: { batchId: open.id },
      data: { status: 'RUNNING', workerId: 'elsewhere', attempts: 1, heartbeatAt: new Date() },
    });

    expect(await requeueOrphanRescores(fixture.db, fixture.queue, { staleAfterMs: 10_000 })).toMatchObject({
      finalized: 1,
    });
    const ended = await fixture.db.rescoreBatch.findUniqueOrThrow({
      where: { id: batch.id },
      include: { items: true },
    });
    expect(ended.status).toBe('DONE');
    expect([first, second, failed].map((id) => ended.items.find((item) => item.submissionId === id)?.newRank)).toEqual([
      2, 1, 3,
    ]);
    // The batch with an open item keeps running; a second pass ends nothing more.
    expect((await fixture.db.rescoreBatch.findUniqueOrThrow({ where: { id: open.id } })).status).toBe('RUNNING');
    expect(await requeueOrphanRescores(fixture.db, fixture.queue, { staleAfterMs: 10_000 })).toMatchObject({
      finalized: 0,
    });
    await fixture.db.$transaction([
      fixture.db.rescoreBatch.update({ where: { id: open.id }, data: { status: 'CANCELLED' } }),
      fixture.db.rescoreItem.updateMany({ where: { batchId: open.id }, data: { status: 'CANCELLED' } }),
    ]);
  });

  it('stops a running item within about a second when its batch is cancelled, and writes nothing', async () => {
    // About 30 s of scoring if nothing stopped it.
    const submissionId = await scoredSubmission(buildSlowModel(30));
    const batch = await batchOf([submissionId]);
    const itemId = batch.items[0]?.id as string;
    await enqueueRescores(fixture.queue, [itemId]);
    const deadline = Date.now() + 60_000;
    while ((await fixture.db.rescoreItem.findUniqueOrThrow({ where: { id: itemId } })).status !== 'RUNNING') {
      if (Date.now() > deadline) throw new Error('the item never started');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));

    // What cancelRescoreBatch in the web app writes.
    const cancelledAt = Date.now();
    await fixture.db.$transaction([
      fixture.db.rescoreBatch.update({
        where: { id: batch.id },
        data: { status: 'CANCELLED', cancelledAt: new Date() },
      }),
      fixture.db.rescoreItem.updateMany({
        where: { batchId: batch.id, status: { in: ['QUEUED', 'RUNNING'] } },
        data: { status: 'CANCELLED', statusReason: 'The batch was cancelled.' },
      }),
    ]);
    // The job ends (and, completed, is removed) once the worker noticed and killed the scoring.
    while (await fixture.queue.getJob(rescoreJobId(itemId))) {
      if (Date.now() - cancelledAt > 5_000) throw new Error('the running item was not stopped');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(Date.now() - cancelledAt).toBeLessThan(2_000);
    expect(await fixture.db.rescoreItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
      status: 'CANCELLED',
      newEvaluationId: null,
    });
    expect(await fixture.db.evaluation.count({ where: { submissionId } })).toBe(0);
  });
});
