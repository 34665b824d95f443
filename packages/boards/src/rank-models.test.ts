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

  it('ranks by how many models are significantly better, marking overlaps with the one above', () => {
    const ranked = rankModels([
      withCi('a', 0.99, 0.988, 0.992),
      withCi('b', 0.989, 0.987, 0.991),
      withCi('c', 0.9855, 0.9835, 0.9875),
      withCi('d', 0.95, 0.946, 0.954),
    ]);
    expect(ranked.map((r) => [r.modelId, r.rank, r.tieRank, r.isTiedWithAbove])).toEqual([
      ['a', 1, 1, false],
      ['b', 2, 1, true],
      // Overlaps b, but a's whole interval is above c's: one model is significantly better.
      ['c', 3, 2, true],
      ['d', 4, 4, false],
    ]);
  });

  it('does not chain overlaps into one tie for first place on a dense board', () => {
    // 40 models 0.2 points apart with ±0.6-point intervals: each overlaps its neighbours.
    const dense = Array.from({ length: 40 }, (_, i) =>
      withCi(`m${i}`, 0.99 - i * 0.002, 0.984 - i * 0.002, 0.996 - i * 0.002),
    );
    const ranked = rankModels(dense);
    expect(ranked.every((r, i) => i === 0 || r.isTiedWithAbove)).toBe(true);
    // Independently: 1 + the number of models whose low end is above this one's high end.
    for (const entry of ranked) {
      const better = dense.filter((other) => other.accuracyCiLow > entry.accuracyCiHigh).length;
      expect(entry.tieRank).toBe(1 + better);
    }
    expect(ranked.at(-1)?.tieRank).toBeGreaterThan(30);
  });
});
