import type { LeaderboardEntry } from '@tenfold/boards';
import { describe, expect, it } from 'vitest';
import { pairDatasetResults } from './pair-dataset-results.ts';

function entry(modelId: string, accuracy: number): LeaderboardEntry {
  return {
    submissionId: `${modelId}-s`,
    modelId,
    modelName: modelId.toUpperCase(),
    submitterName: 'Ada',
    accuracy,
    accuracyCiLow: accuracy - 0.01,
    accuracyCiHigh: accuracy + 0.01,
    submittedAt: new Date(0),
    isBaseline: false,
    format: 'ONNX',
    parameterCount: 1,
    artifactBytes: 1,
    meanLatencyMs: 1,
    imagesPerSecond: 1,
    scorerVersion: '1.0.0',
    evaluationId: 'e1',
    rank: 1,
    tieRank: 1,
    isTiedWithAbove: false,
  };
}

describe('pairDatasetResults', () => {
  const mnist = [entry('a', 0.99), entry('b', 0.98), entry('c', 0.97)];
  const fashion = [entry('b', 0.9), entry('a', 0.85), entry('z', 0.95)];

  it('keeps models on both boards with their drop, smallest drop first', () => {
    const pairs = pairDatasetResults(mnist, fashion);
    expect(pairs.map((p) => [p.modelId, Number(p.drop.toFixed(4))])).toEqual([
      ['b', 0.08],
      ['a', 0.14],
    ]);
  });

  it('sorts by either accuracy, best first, or by name', () => {
    expect(pairDatasetResults(mnist, fashion, 'fashion').map((p) => p.modelId)).toEqual(['b', 'a']);
    expect(pairDatasetResults(mnist, fashion, 'mnist').map((p) => p.modelId)).toEqual(['a', 'b']);
    expect(pairDatasetResults(mnist, fashion, 'drop', 'desc').map((p) => p.modelId)).toEqual(['a', 'b']);
  });
});
