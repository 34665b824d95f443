import { SCORER_VERSION } from '@tenfold/scoring/version';

type Candidate = { scorerVersion: string; createdAt: Date };

/**
 * The evaluation a submission's numbers come from: the newest under the current scorer version,
 * else (not rescored yet) the newest of any version, as the boards read them.
 */
export function pickCurrentEvaluation<T extends Candidate>(
  evaluations: T[],
  currentVersion: string = SCORER_VERSION,
): T | null {
  const newestFirst = [...evaluations].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return newestFirst.find((evaluation) => evaluation.scorerVersion === currentVersion) ?? newestFirst[0] ?? null;
}
