export type ScoredSubmission = {
  submissionId: string;
  modelId: string;
  modelName: string;
  submitterName: string;
  accuracy: number;
  accuracyCiLow: number;
  accuracyCiHigh: number;
  submittedAt: Date;
};

export type Ranked<T extends ScoredSubmission> = T & {
  /** Position by accuracy, 1..n, unique. */
  rank: number;
  /**
   * The rank shown: 1 + the number of models significantly better (whose whole 95% interval lies
   * above this one's). Close models share it, and unlike chaining "tied with the one above" down
   * the board, it cannot make a dense board one long tie for first place.
   */
  tieRank: number;
  /** Its difference to the model above is not significant (their 95% intervals overlap). */
  isTiedWithAbove: boolean;
};

export type RankedModel = Ranked<ScoredSubmission>;

/** Whoever reached an accuracy first keeps the better place. */
function isBetter(a: ScoredSubmission, b: ScoredSubmission): boolean {
  if (a.accuracy !== b.accuracy) return a.accuracy > b.accuracy;
  if (a.submittedAt.getTime() !== b.submittedAt.getTime()) return a.submittedAt < b.submittedAt;
  return a.submissionId < b.submissionId;
}

/**
 * Two results on the same test set are called tied when their 95% Wilson intervals overlap.
 * That is conservative (overlap of two 95% intervals is roughly a 1% test) and needs only the
 * stored numbers, so a page of 10,000 models needs no predictions; the exact paired test
 * (McNemar) is on the compare page.
 */
export function isTie(above: ScoredSubmission, below: ScoredSubmission): boolean {
  return below.accuracyCiHigh >= above.accuracyCiLow;
}

/** How many of `lowsDescending` are above `value` (binary search). */
function countAbove(lowsDescending: number[], value: number): number {
  let lo = 0;
  let hi = lowsDescending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((lowsDescending[mid] as number) > value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One row per model (its best submission), best first, ranks 1..n, ties with the one above marked. */
export function rankModels<T extends ScoredSubmission>(submissions: T[]): Ranked<T>[] {
  const bestByModel = new Map<string, T>();
  for (const submission of submissions) {
    const best = bestByModel.get(submission.modelId);
    if (!best || isBetter(submission, best)) bestByModel.set(submission.modelId, submission);
  }
  const sorted = [...bestByModel.values()].sort((a, b) => (isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : 0));
  // Only a model above can be significantly better (a lower accuracy has a lower interval), so
  // counting over every model is counting over those above.
  const lowsDescending = sorted.map((entry) => entry.accuracyCiLow).sort((a, b) => b - a);
  return sorted.map((entry, index) => {
    const above = sorted[index - 1];
    return {
      ...entry,
      rank: index + 1,
      tieRank: 1 + countAbove(lowsDescending, entry.accuracyCiHigh),
      isTiedWithAbove: above !== undefined && isTie(above, entry),
    };
  });
}
