import 'server-only';
import type { LeaderboardEntry } from '@tenfold/boards';
import type { ApiLeaderboardEntry } from './schemas.ts';

export function serializeLeaderboardEntry(entry: LeaderboardEntry): ApiLeaderboardEntry {
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
    scorerVersion: entry.scorerVersion,
  };
}

/** Board entries in the API's shape, each with the scorer version of its numbers. */
export function serializeLeaderboard(entries: LeaderboardEntry[]): ApiLeaderboardEntry[] {
  return entries.map(serializeLeaderboardEntry);
}
