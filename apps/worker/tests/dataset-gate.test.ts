import { pause } from '@tenfold/db/testing';
import { enqueueRescores, rescoreJobId } from '@tenfold/queue';
import { buildLinearOnnxModel } from '@tenfold/scoring/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

// The claim's dataset gate, for both job kinds, with an in-process worker whose Fashion-MNIST
// "appears" when the test says so (the worker-process test, missing-dataset.test.ts, hides real
// files; this one shows that a rescore item waits the same way).

let fixture: WorkerFixture;
let hasFashion = false;

beforeAll(async () => {
  fixture = await createWorkerFixture('dataset-gate');
  fixture.startWorker({
    datasets: { canScore: (dataset) => dataset === 'MNIST' || hasFashion, waitMs: 200 },
  });
});

afterAll(() => fixture?.close());

const zeroModel = () => buildLinearOnnxModel({ weights: new Float32Array(7840), bias: new Float32Array(10) });

describe('a worker that lacks a dataset', () => {
  it('claims neither a submission nor a rescore item of it, and takes both once it has the files', async () => {
    const submission = await fixture.submit('fashion-new', zeroModel(), { row: { dataset: 'FASHION_MNIST' } });
    const rescored = await fixture.submit('fashion-rescored', zeroModel(), {
      enqueue: false,
      row: { dataset: 'FASHION_MNIST', status: 'SCORED' },
    });
    const batch = await fixture.db.rescoreBatch.create({
      data: {
        createdById: fixture.userId,
        reason: 'test',
        selection: { kind: 'ids', ids: [rescored] },
        total: 1,
        status: 'RUNNING',
        items: { create: [{ submissionId: rescored }] },
      },
      include: { items: true },
    });
    const itemId = batch.items[0]?.id ?? '';
    await enqueueRescores(fixture.queue, [itemId]);

    // Many deliveries later (every 200 ms), nothing was claimed or written.
    await pause(2_000);
    expect(await fixture.db.submission.findUniqueOrThrow({ where: { id: submission } })).toMatchObject({
      status: 'QUEUED',
      attempts: 0,
      workerId: null,
    });
    expect(await fixture.db.rescoreItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({
      status: 'QUEUED',
      attempts: 0,
    });
    expect(await (await fixture.queue.getJob(submission))?.getState()).toMatch(/delayed|prioritized|active/);
    expect(await (await fixture.queue.getJob(rescoreJobId(itemId)))?.getState()).toMatch(/delayed|prioritized|active/);

    hasFashion = true;
    expect(await fixture.waitFor(submission, fixture.isFinal)).toMatchObject({ status: 'SCORED', attempts: 1 });
    const item = await fixture.db.rescoreItem.findUniqueOrThrow({ where: { id: itemId } });
    const settled = item.status === 'QUEUED' || item.status === 'RUNNING' ? await waitForItem(itemId) : item;
    expect(settled).toMatchObject({ status: 'DONE', attempts: 1 });
  });
});

async function waitForItem(id: string) {
  for (let tries = 0; tries < 600; tries++) {
    const item = await fixture.db.rescoreItem.findUniqueOrThrow({ where: { id } });
    if (item.status !== 'QUEUED' && item.status !== 'RUNNING') return item;
    await pause(100);
  }
  throw new Error(`rescore item ${id} did not end within 60 s`);
}
