import type { RescoreReportRow } from './get-rescore-report.ts';

const HEADER = [
  'submission_id',
  'model_id',
  'model',
  'dataset',
  'status',
  'old_accuracy',
  'new_accuracy',
  'delta',
  'old_rank',
  'new_rank',
  'move',
  'reason',
];

/** RFC 4180 quoting; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatRescoreReportCsv(rows: RescoreReportRow[]): string {
  const lines = rows.map((row) =>
    [
      row.submissionId,
      row.modelId,
      row.modelName,
      row.dataset,
      row.status,
      row.oldAccuracy,
      row.newAccuracy,
      row.delta,
      row.oldRank,
      row.newRank,
      row.move,
      row.reason,
    ]
      .map(cell)
      .join(','),
  );
  return `${[HEADER.join(','), ...lines].join('\r\n')}\r\n`;
}
