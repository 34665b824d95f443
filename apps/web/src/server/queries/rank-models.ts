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

export type RankedModel = ScoredSubmission & { rank: number };

/** Whoever reached an accuracy first keeps the better place. */
function isBetter(a: ScoredSubmission, b: ScoredSubmission): boolean {
  if (a.accuracy !== b.accuracy) return a.accuracy > b.accuracy;
  if (a.submittedAt.getTime() !== b.submittedAt.getTime()) return a.submittedAt < b.submittedAt;
  return a.submissionId < b.submissionId;
}

/** One row per model (its best submission), best first, ranks 1..n. */
export function rankModels(submissions: ScoredSubmission[]): RankedModel[] {
  const bestByModel = new Map<string, ScoredSubmission>();
  for (const submission of submissions) {
    const best = bestByModel.get(submission.modelId);
    if (!best || isBetter(submission, best)) bestByModel.set(submission.modelId, submission);
  }
  return [...bestByModel.values()]
    .sort((a, b) => (isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : 0))
    .map((entry, index) => ({ ...entry, rank: index + 1 }));
}
