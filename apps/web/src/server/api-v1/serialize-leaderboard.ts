import 'server-only';
import type { Db } from '@tenfold/db';
import type { LeaderboardEntry } from '@/server/queries/get-leaderboard';
import { pickCurrentEvaluation } from './pick-current-evaluation.ts';
import type { ApiLeaderboardEntry } from './schemas.ts';

/** The scorer version of the evaluation each board entry's numbers come from. */
async function readScorerVersions(db: Db, submissionIds: string[]): Promise<Map<string, string>> {
  const evaluations = await db.evaluation.findMany({
    where: { submissionId: { in: submissionIds } },
    select: { submissionId: true, scorerVersion: true, createdAt: true },
  });
  const bySubmission = new Map<string, typeof evaluations>();
  for (const evaluation of evaluations) {
    bySubmission.set(evaluation.submissionId, [...(bySubmission.get(evaluation.submissionId) ?? []), evaluation]);
  }
  const versions = new Map<string, string>();
  for (const [submissionId, candidates] of bySubmission) {
    const picked = pickCurrentEvaluation(candidates);
    if (picked) versions.set(submissionId, picked.scorerVersion);
  }
  return versions;
}

export function serializeLeaderboardEntry(entry: LeaderboardEntry, scorerVersion: string): ApiLeaderboardEntry {
  return {
    rank: entry.tieRank,
    position: entry.rank,
    tied: entry.isTiedWithAbove,
    modelId: entry.modelId,
    modelName: entry.modelName,
    submissionId: entry.submissionId,
    isBaseline: entry.isBaseline,
    submitter: entry.submitterName,
    format: entry.format,
    accuracy: entry.accuracy,
    accuracyCiLow: entry.accuracyCiLow,
    accuracyCiHigh: entry.accuracyCiHigh,
    parameterCount: entry.parameterCount,
    artifactBytes: entry.artifactBytes,
    meanLatencyMs: entry.meanLatencyMs,
    imagesPerSecond: entry.imagesPerSecond,
    submittedAt: entry.submittedAt.toISOString(),
    scorerVersion,
  };
}

/** Board entries in the API's shape, each with the scorer version of its numbers. */
export async function serializeLeaderboard(db: Db, entries: LeaderboardEntry[]): Promise<ApiLeaderboardEntry[]> {
  const versions = await readScorerVersions(
    db,
    entries.map((entry) => entry.submissionId),
  );
  return entries.map((entry) => serializeLeaderboardEntry(entry, versions.get(entry.submissionId) ?? ''));
}
