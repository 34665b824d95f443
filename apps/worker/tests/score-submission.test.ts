import { waitUntil } from '@tenfold/db/testing';
import { enqueueScoring } from '@tenfold/queue';
import {
  buildCentroidModel,
  buildLinearOnnxModel,
  predictLinear,
  readMnistDirectly,
  shiftImagesRight,
} from '@tenfold/scoring/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

let fixture: WorkerFixture;

beforeAll(async () => {
  fixture = await createWorkerFixture('worker');
  fixture.startWorker();
});

afterAll(() => fixture?.close());

async function waitForFinal(id: string) {
  await fixture.waitFor(id, fixture.isFinal);
  return fixture.db.submission.findUniqueOrThrow({ where: { id }, include: { evaluations: true } });
}

describe('the worker', () => {
  it('fails a broken ONNX file with a reason, then keeps scoring the next submission exactly', async () => {
    const broken = await fixture.submit('broken', new TextEncoder().encode('this is not an ONNX model'));
    const train = readMnistDirectly('train');
    const test = readMnistDirectly('t10k');
    const model = buildCentroidModel(train.images, train.labels);
    const good = await fixture.submit('centroids', buildLinearOnnxModel(model));

    const failed = await waitForFinal(broken);
    expect(failed.status).toBe('FAILED');
    expect(failed.failureKind).toBe('MODEL');
    expect(failed.statusReason).toMatch(/could not load the model/);
    expect(failed.evaluations).toHaveLength(0);
    // The model's own error is final: one attempt, and it counts against the quota.
    expect(failed.attempts).toBe(1);
    expect(failed.countsAgainstQuota).toBe(true);

    const scored = await waitForFinal(good);
    expect(scored.status).toBe('SCORED');
    expect(scored.attempts).toBe(1);
    const expected = predictLinear(test.images, test.count, model).predictions;
    const correct = expected.filter((p, i) => p === test.labels[i]).length;
    expect(scored.evaluations).toHaveLength(1);
    const evaluation = scored.evaluations[0]!;
    expect(evaluation.correct).toBe(correct);
    expect(evaluation.accuracy).toBe(correct / 10_000);
    expect(Buffer.compare(evaluation.predictions, Buffer.from(expected))).toBe(0);
    for (let c = 0; c < 10; c++) {
      const ofClass = expected.filter((_, i) => test.labels[i] === c);
      const hits = ofClass.filter((p) => p === c).length;
      expect(evaluation.perClassRecall[c]).toBeCloseTo(hits / ofClass.length, 12);
    }
    expect(evaluation.confusionMatrix.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(scored.progressImages).toBe(10_000);
    // Counted in MNIST's per-image consensus right after the evaluation was committed (the status
    // is final a moment earlier): the only voter so far.
    const consensus = await waitUntil(
      async () => {
        const rows = await fixture.db.imageConsensus.findMany({ where: { dataset: 'MNIST' } });
        return rows.length > 0 && rows;
      },
      { description: "MNIST's image consensus" },
    );
    expect(consensus).toHaveLength(10_000);
    expect(consensus.every((row) => row.modelsCounted === 1 && row.label === test.labels[row.imageIndex])).toBe(true);
    expect(consensus.reduce((sum, row) => sum + row.correctCount, 0)).toBe(correct);
    const shifted = predictLinear(shiftImagesRight(test.images, test.count), test.count, model).predictions;
    expect(evaluation.shiftedAccuracy).toBe(shifted.filter((p, i) => p === test.labels[i]).length / 10_000);
    expect(evaluation.warnings).toEqual([]);
  });

  it('leaves one evaluation when the same submission is scored twice', async () => {
    const train = readMnistDirectly('train');
    const id = await fixture.submit('twice', buildLinearOnnxModel(buildCentroidModel(train.images, train.labels)));
    await waitForFinal(id);
    // A duplicate delivery of a finished job is skipped; forcing a rescore overwrites the one row.
    await fixture.db.submission.update({ where: { id }, data: { status: 'QUEUED' } });
    await enqueueScoring(fixture.queue, { submissionId: id });
    const row = await waitForFinal(id);
    expect(row.status).toBe('SCORED');
    expect(await fixture.db.evaluation.count({ where: { submissionId: id } })).toBe(1);
  });
});
