import { buildCentroidModel, buildNeverEndingOnnxModel, readMnistDirectly } from '@tenfold/scoring/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

let fixture: WorkerFixture;

beforeAll(async () => {
  fixture = await createWorkerFixture('quick-refusal');
  fixture.startWorker();
});

afterAll(() => fixture?.close());

describe('the worker', () => {
  it('fails a model that never finishes within seconds, with the reason, instead of at the wall-time limit', async () => {
    const train = readMnistDirectly('train');
    const started = Date.now();
    const id = await fixture.submit(
      'never-ends',
      buildNeverEndingOnnxModel(buildCentroidModel(train.images, train.labels)),
    );
    const row = await fixture.waitFor(id, fixture.isFinal, 30_000);
    // The fixture's wall-time limit is 60 s: the sanity pass's first phase stops the model long before.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(row.status).toBe('FAILED');
    expect(row.failureKind).toBe('MODEL');
    expect(row.statusReason).toMatch(
      /^The model had not finished 300 images after \d+ s: at this speed 21,200 images would take more than \d+ (s|min); the limit is 60 s\./,
    );
    expect(row.attempts).toBe(1);
    expect(await fixture.db.evaluation.count({ where: { submissionId: id } })).toBe(0);
  }, 60_000);
});
