import type { LeaderboardEntry } from '@tenfold/boards';

const COLUMNS = [
  'rank',
  'tied_with_above',
  'model',
  'model_id',
  'submission_id',
  'baseline',
  'accuracy',
  'accuracy_ci_low',
  'accuracy_ci_high',
  'parameters',
  'artifact_bytes',
  'mean_latency_ms',
  'images_per_second',
  'submitter',
  'submitted_at',
  'format',
] as const;

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets never run a name as a formula. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatLeaderboardCsv(entries: LeaderboardEntry[]): string {
  const lines = entries.map((entry) =>
    [
      entry.tieRank,
      entry.isTiedWithAbove,
      entry.modelName,
      entry.modelId,
      entry.submissionId,
      entry.isBaseline,
      entry.accuracy,
      entry.accuracyCiLow,
      entry.accuracyCiHigh,
      entry.parameterCount,
      entry.artifactBytes,
      entry.meanLatencyMs,
      entry.imagesPerSecond,
      entry.submitterName,
      entry.submittedAt.toISOString(),
      entry.format,
    ]
      .map(cell)
      .join(','),
  );
  return `${[COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
