import type { LeaderboardEntry } from '@tenfold/boards';
import { formatBytes, formatCount, formatDate, formatPercent } from '@/lib/format';
import { FORMAT_LABELS } from '@/lib/model-format';

/**
 * One table row as display strings. The rows are rendered by a client component, so what crosses
 * to the browser is this flat record (about 300 bytes) rather than the serialised element tree of
 * a server-rendered row (about 3 KiB): on a 50-row page that is most of the document's weight and
 * of the server's rendering time (BENCHMARKS.md).
 */
export type LeaderboardRow = {
  modelId: string;
  modelName: string;
  submissionId: string;
  rank: number;
  tied: boolean;
  baseline: boolean;
  accuracy: string;
  interval: string;
  /** Accuracy as a 0..1 number, for the bar. */
  share: number;
  parameters: string;
  size: string;
  latency: string;
  submitter: string;
  date: string;
  format: string;
  /** The older scorer version this entry was scored with, when it awaits a rescore. */
  staleScorer: string | null;
};

export function toLeaderboardRow(entry: LeaderboardEntry, currentScorer: string, showsTies: boolean): LeaderboardRow {
  return {
    modelId: entry.modelId,
    modelName: entry.modelName,
    submissionId: entry.submissionId,
    rank: entry.tieRank,
    tied: showsTies && entry.isTiedWithAbove,
    baseline: entry.isBaseline,
    accuracy: formatPercent(entry.accuracy),
    interval: `${formatPercent(entry.accuracyCiLow)} – ${formatPercent(entry.accuracyCiHigh)}`,
    share: entry.accuracy,
    parameters: entry.parameterCount === null ? '—' : formatCount(entry.parameterCount),
    size: formatBytes(entry.artifactBytes),
    latency: `${entry.meanLatencyMs.toFixed(3)} ms`,
    submitter: entry.submitterName,
    date: formatDate(entry.submittedAt),
    format: FORMAT_LABELS[entry.format],
    staleScorer: entry.scorerVersion === currentScorer ? null : entry.scorerVersion,
  };
}
