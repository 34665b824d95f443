import { enqueueScoring } from '@tenfold/queue';
import { createScoringInputsLoader } from '@tenfold/scoring';
import { buildLinearOnnxModel } from '@tenfold/scoring/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

const loadScoringInputs = createScoringInputsLoader({});
const alwaysOne = () => {
  const bias = new Float32Array(10);
  bias[1] = 1;
  return buildLinearOnnxModel({ weights: new Float32Array(7840), bias });
};

let fixture: WorkerFixture;
/** How many more times loading Fashion-MNIST fails: a platform fault on the worker's side. */
let faultsLeft = 0;

beforeAll(async () => {
  fixture = await createWorkerFixture('retries');
  fixture.startWorker({
    loadScoringInputs: async (dataset) => {
      if (dataset === 'FASHION_MNIST' && faultsLeft > 0) {
        faultsLeft--;
        throw new Error('dataset volume not mounted');
      }
      return loadScoringInputs(dataset);
    },
  });
});

afterAll(() => fixture?.close());

async function submitFashion(name: string, faults: number, attempts?: number) {
  faultsLeft = faults;
  const id = await fixture.submit(name, alwaysOne(), { row: { dataset: 'FASHION_MNIST' }, enqueue: false });
  await enqueueScoring(fixture.queue, { submissionId: id }, { attempts });
  return id;
}

describe('platform faults', () => {
  it('are retried with backoff, and a submission that then scores carries no failure', async () => {
    const id = await submitFashion('flaky', 1);
    const retrying = await fixture.waitFor(id, (row) => row.status === 'QUEUED' && row.attempts === 1, 10_000);
    expect(retrying.statusReason).toBe('Retrying after a fault on our side: dataset volume not mounted');
    const row = await fixture.waitFor(id, fixture.isFinal, 20_000);
    expect(row).toMatchObject({ status: 'SCORED', attempts: 2, failureKind: null, statusReason: null });
    expect(await fixture.db.evaluation.count({ where: { submissionId: id } })).toBe(1);
  });

  it('end as a platform failure after the last attempt, not counted against the quota', async () => {
    const id = await submitFashion('broken-platform', 99, 2);
    const row = await fixture.waitFor(id, fixture.isFinal, 20_000);
    expect(row).toMatchObject({ status: 'FAILED', failureKind: 'PLATFORM', attempts: 2, countsAgainstQuota: false });
    expect(row.statusReason).toMatch(/fault on our side: dataset volume not mounted \(after 2 attempts\)/);
    // Exactly two runs, then no more: the failure is recorded once.
    expect(faultsLeft).toBe(97);
  });
});
