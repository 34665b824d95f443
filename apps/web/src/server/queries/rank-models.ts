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
  /** The rank shown: the position of the first model of its tie group. */
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

/** One row per model (its best submission), best first, ranks 1..n, ties with the one above marked. */
export function rankModels<T extends ScoredSubmission>(submissions: T[]): Ranked<T>[] {
  const bestByModel = new Map<string, T>();
  for (const submission of submissions) {
    const best = bestByModel.get(submission.modelId);
    if (!best || isBetter(submission, best)) bestByModel.set(submission.modelId, submission);
  }
  const sorted = [...bestByModel.values()].sort((a, b) => (isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : 0));
  const ranked: Ranked<T>[] = [];
  sorted.forEach((entry, index) => {
    const above = ranked[index - 1];
    const isTiedWithAbove = above !== undefined && isTie(above, entry);
    ranked.push({
      ...entry,
      rank: index + 1,
      tieRank: isTiedWithAbove && above ? above.tieRank : index + 1,
      isTiedWithAbove,
    });
  });
  return ranked;
}
