import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDatasetInfo, loadSplit } from '@tenfold/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeSpareSandboxes, type ScoreRequest, startScoring, takeSanitySample } from '../src/index.ts';
import { shiftImagesRight } from '../src/input/shift-images.ts';
import { runInSandbox } from '../src/sandbox/run-in-sandbox.ts';
import type { PhaseResult, SandboxPhase } from '../src/sandbox/sandbox-protocol.ts';
import { skippableAlternatives } from '../src/sanity/judge-sanity.ts';
import { DECLARED, OTHER_DATASET, planSanityPhases } from '../src/sanity/plan-sanity-phases.ts';
import {
  buildCentroidModel,
  buildLinearOnnxModel,
  buildSlowLinearOnnxModel,
  predictLinear,
} from '../src/testing/index.ts';

// The rank first, the shifted-copy check after it; the sanity pass's alternatives only when the
// declared result leaves the verdict open.
const workDir = mkdtempSync(join(tmpdir(), 'tenfold-staged-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const limits = { wallTimeMs: 60_000, memoryMb: 1024 };
const CONTRACT = { layout: 'nchw', scale: 'unit', output: 'logits' } as const;
let request: ScoreRequest;
let centroids: { weights: Float32Array; bias: Float32Array };
let test: { images: Uint8Array; labels: Uint8Array; count: number };

beforeAll(async () => {
  const [mnistTest, mnistTrain, fashionTrain] = await Promise.all([
    loadSplit('mnist', 'test'),
    loadSplit('mnist', 'train'),
    loadSplit('fashion-mnist', 'train'),
  ]);
  const mnist = getDatasetInfo('mnist');
  centroids = buildCentroidModel(mnistTrain.images, mnistTrain.labels);
  test = mnistTest;
  request = {
    format: 'onnx',
    modelBytes: buildLinearOnnxModel(centroids),
    contract: CONTRACT,
    dataset: { ...mnistTest, name: mnist.name, normalization: mnist.normalization },
    sanity: {
      own: takeSanitySample(mnistTrain),
      other: { ...takeSanitySample(fashionTrain), datasetName: getDatasetInfo('fashion-mnist').name },
    },
    limits,
    workDir,
  };
});

const accuracyOf = (predictions: Uint8Array) =>
  predictions.filter((label, i) => label === test.labels[i]).length / test.count;

describe('scoring in two stages', () => {
  it('ranks once the test images are scored, then checks the shifted copy in the same run, exactly', async () => {
    const run = startScoring(request);
    let isShiftedDone = false;
    void run.shiftedAccuracy.then(() => {
      isShiftedDone = true;
    });
    const ranked = await run.ranked;
    expect(isShiftedDone).toBe(false);
    expect(ranked.accuracy).toBe(accuracyOf(predictLinear(test.images, test.count, centroids).predictions));
    expect('shiftedAccuracy' in ranked).toBe(false);
    const shifted = predictLinear(shiftImagesRight(test.images, test.count), test.count, centroids).predictions;
    await expect(run.shiftedAccuracy).resolves.toBe(accuracyOf(shifted));
  }, 60_000);

  it('keeps the rank when the shifted-copy check is stopped', async () => {
    const run = startScoring(request);
    const ranked = await run.ranked;
    run.stop();
    await expect(run.shiftedAccuracy).rejects.toThrow(/cancelled/);
    expect(ranked.correct).toBe(Math.round(ranked.accuracy * test.count));
  }, 60_000);
});

describe("a worker's next scoring process", () => {
  it('starts once the rank is written and a long check is near its end, so it is ready as the check ends', async () => {
    // A model slow enough for a check of a second or more; its own work folder, where each
    // scoring process (this run's, then the spare) gets a job folder as it is spawned.
    const spareDir = mkdtempSync(join(tmpdir(), 'tenfold-spare-start-'));
    const jobFolders = () => readdirSync(spareDir).filter((name) => name.startsWith('job-')).length;
    try {
      const run = startScoring({
        ...request,
        modelBytes: buildSlowLinearOnnxModel(centroids, 24),
        workDir: spareDir,
        keepWarm: true,
      });
      let checkEndedAt: number | null = null;
      void run.shiftedAccuracy.then(() => {
        checkEndedAt = performance.now();
      });
      const ranked = await run.ranked;
      const checkMs = ranked.meanLatencyMs * ranked.total;
      expect(checkMs).toBeGreaterThan(1000);
      expect(jobFolders()).toBe(1);
      run.rankRecorded();
      const recordedAt = performance.now();
      let spareAt: number | null = null;
      while (checkEndedAt === null) {
        if (spareAt === null && jobFolders() === 2) spareAt = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // Not at once beside the long check, whose cores it would take, nor at the run's end (the
      // child's exit, just before the check's result), but within its last 0.4 s or so.
      expect(spareAt).not.toBeNull();
      expect((spareAt ?? 0) - recordedAt).toBeGreaterThan(checkMs * 0.4);
      expect((checkEndedAt ?? 0) - (spareAt ?? 0)).toBeGreaterThan(100);
    } finally {
      await disposeSpareSandboxes();
      rmSync(spareDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the sanity pass stops when the answer is clear', () => {
  const plan = () =>
    planSanityPhases({
      scaling: 'unit',
      own: { ...request.sanity!.own, datasetName: 'MNIST', normalization: { mean: 0.1307, std: 0.3081 } },
      other: request.sanity!.other,
    });
  // The declared phase's result with `correct` of its images right.
  const declaredResult = (correct: number): PhaseResult => {
    const { labels } = request.sanity!.own;
    const predictions = labels.map((label, i) => (i < correct ? label : (label + 1) % 10));
    return {
      type: 'phase-done',
      phase: DECLARED,
      predictions,
      backend: '',
      backendVersion: '',
      loadMs: 0,
      inferenceMs: 0,
    };
  };

  it('skips every alternative for a model no other scaling could beat by the margin', () => {
    const sanity = plan();
    expect(skippableAlternatives(sanity, declaredResult(292))).toEqual(sanity.alternatives.map((v) => v.phase));
  });

  it('keeps the other scalings while one could be 3 points better, and all of them near chance', () => {
    const sanity = plan();
    const scalings = sanity.alternatives.filter((v) => v.kind === 'scaling').map((v) => v.phase);
    expect(scalings).toHaveLength(2);
    // 291 of 300 = 97%: a perfect other scaling would be exactly 3 points better.
    expect(skippableAlternatives(sanity, declaredResult(291))).toEqual([OTHER_DATASET]);
    expect(skippableAlternatives(sanity, declaredResult(200))).toEqual([OTHER_DATASET]);
    expect(skippableAlternatives(sanity, declaredResult(75))).toEqual([]);
  });

  it('runs in the sandbox only the phases the plan keeps, on one loaded model', async () => {
    const own = request.sanity!.own;
    const phase = (name: string, conditional: boolean): SandboxPhase => ({
      name,
      images: own.images,
      count: own.count,
      scaling: 'unit',
      conditional,
    });
    const phases = [
      { ...phase('first', false), warmUpImages: 60 },
      phase('maybe-a', true),
      phase('maybe-b', true),
      phase('last', false),
    ];
    const results = await runInSandbox(
      { format: 'onnx', modelBytes: request.modelBytes, contract: CONTRACT, threads: 1, phases },
      limits,
      { workDir, planPhases: (soFar) => (soFar.has('first') ? ['maybe-a'] : []) },
    );
    expect([...results.keys()]).toEqual(['first', 'maybe-b', 'last']);
    const expected = predictLinear(own.images, own.count, centroids).predictions;
    for (const result of results.values()) expect(Buffer.from(result.predictions)).toEqual(Buffer.from(expected));
    // Loaded once: only the first phase pays for it; its steady speed leaves out its warm-up images.
    expect(results.get('first')?.loadMs).toBeGreaterThan(0);
    expect(results.get('last')?.loadMs).toBe(0);
    expect(results.get('first')?.steady?.images).toBe(240);
  }, 60_000);
});
