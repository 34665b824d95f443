type Candidate = { id: string; createdAt: Date; evaluation: { accuracy: number } | null };

/** The scored submission a model ranks with: highest accuracy, the earlier one on equal accuracy (as the leaderboard). */
export function pickBestSubmission<T extends Candidate>(
  submissions: T[],
): (T & { evaluation: NonNullable<T['evaluation']> }) | null {
  let best: (T & { evaluation: NonNullable<T['evaluation']> }) | null = null;
  for (const submission of submissions) {
    const evaluation = submission.evaluation;
    if (!evaluation) continue;
    if (
      !best ||
      evaluation.accuracy > best.evaluation.accuracy ||
      (evaluation.accuracy === best.evaluation.accuracy && submission.createdAt < best.createdAt)
    ) {
      best = submission as T & { evaluation: NonNullable<T['evaluation']> };
    }
  }
  return best;
}
