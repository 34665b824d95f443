import { buildLinearOnnxModel } from '@tenfold/scoring/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlowModel } from '../chaos/build-slow-model.ts';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

let fixture: WorkerFixture;

beforeAll(async () => {
  fixture = await createWorkerFixture('shutdown');
});

afterAll(() => fixture?.close());

// apps/worker/src/index.ts on SIGTERM: close() waits for running jobs; once the grace period is
// over it calls cancelAllJobs(), and each running job hands its submission back.
describe('graceful shutdown', () => {
  it('lets a running job finish and record its result', async () => {
    const worker = fixture.startWorker();
    const id = await fixture.submit(
      'quick',
      buildLinearOnnxModel({ weights: new Float32Array(7840), bias: new Float32Array(10) }),
    );
    await fixture.waitFor(id, (row) => row.status === 'RUNNING', 20_000);
    await worker.close();
    const row = await fixture.db.submission.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'SCORED', attempts: 1 });
    expect(await fixture.db.evaluation.count({ where: { submissionId: id } })).toBe(1);
  });

  it('hands a running job back to the queue when the grace period is over', async () => {
    const worker = fixture.startWorker();
    // About 8 s of inference on an idle machine: long enough to be cut off mid-run, short enough
    // that the sanity pass's speed check does not refuse it on a machine busy with other tests.
    const id = await fixture.submit('slow', buildSlowModel(10));
    await fixture.waitFor(id, (row) => row.status === 'RUNNING' && row.progressImages > 0, 20_000);

    worker.cancelAllJobs('shutdown');
    await worker.close();
    const row = await fixture.db.submission.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: 'QUEUED',
      attempts: 0,
      workerId: null,
      progressImages: 0,
      statusReason: 'Queued again: the worker scoring it was shutting down.',
    });
    expect(await (await fixture.queue.getJob(id))?.getState()).toBe('prioritized');
    expect(await fixture.db.evaluation.count({ where: { submissionId: id } })).toBe(0);

    // The next worker takes it as a first attempt; cancelled here to keep the test short.
    const next = fixture.startWorker();
    const resumed = await fixture.waitFor(id, (candidate) => candidate.status === 'RUNNING', 20_000);
    expect(resumed).toMatchObject({ attempts: 1, workerId: 'test-worker-2' });
    await fixture.db.submission.update({ where: { id }, data: { cancelRequestedAt: new Date() } });
    await fixture.waitFor(id, fixture.isFinal, 5_000);
    await next.close();
  });
});
