import { describe, expect, it } from 'vitest';
import { rankModels, type ScoredSubmission } from './rank-models.ts';

function scored(submissionId: string, modelId: string, accuracy: number, day: number): ScoredSubmission {
  return {
    submissionId,
    modelId,
    modelName: modelId,
    submitterName: 'Community',
    accuracy,
    accuracyCiLow: accuracy - 0.01,
    accuracyCiHigh: accuracy + 0.01,
    submittedAt: new Date(Date.UTC(2026, 0, day)),
  };
}

describe('rankModels', () => {
  it("keeps each model's best submission, best first", () => {
    const ranked = rankModels([scored('s1', 'a', 0.9, 1), scored('s2', 'a', 0.95, 2), scored('s3', 'b', 0.92, 1)]);
    expect(ranked.map((r) => [r.rank, r.modelId, r.submissionId])).toEqual([
      [1, 'a', 's2'],
      [2, 'b', 's3'],
    ]);
  });

  it('breaks ties by the earlier date', () => {
    const ranked = rankModels([scored('late', 'late', 0.97, 5), scored('early', 'early', 0.97, 2)]);
    expect(ranked.map((r) => r.modelId)).toEqual(['early', 'late']);
  });

  it("keeps a model's earlier submission when a later one only equals it", () => {
    const ranked = rankModels([scored('again', 'a', 0.97, 5), scored('first', 'a', 0.97, 2)]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.submissionId).toBe('first');
  });

  it('is empty without submissions', () => {
    expect(rankModels([])).toEqual([]);
  });
});

describe('rankModels ties', () => {
  const withCi = (id: string, accuracy: number, low: number, high: number): ScoredSubmission => ({
    ...scored(id, id, accuracy, 1),
    accuracyCiLow: low,
    accuracyCiHigh: high,
  });

  it('shares the rank of the first model while intervals overlap the one above, and restarts after a gap', () => {
    const ranked = rankModels([
      withCi('a', 0.99, 0.988, 0.992),
      withCi('b', 0.989, 0.987, 0.991),
      withCi('c', 0.986, 0.984, 0.988),
      withCi('d', 0.95, 0.946, 0.954),
    ]);
    expect(ranked.map((r) => [r.modelId, r.rank, r.tieRank, r.isTiedWithAbove])).toEqual([
      ['a', 1, 1, false],
      ['b', 2, 1, true],
      ['c', 3, 1, true],
      ['d', 4, 4, false],
    ]);
  });
});
