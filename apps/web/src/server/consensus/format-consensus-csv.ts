import type { ApiConsensusExport } from '@/server/api-v1/schemas';

const HEADER = [
  'image_index',
  'label',
  'models_counted',
  'correct_count',
  'agreement',
  'top_wrong_class',
  'top_wrong_count',
  'strong_count',
  'strong_top_class',
  'strong_top_count',
  ...Array.from({ length: 10 }, (_, k) => `votes_${k}`),
].join(',');

/** The consensus export as CSV, one row per test image; every cell is a number (or empty), so nothing needs quoting. */
export function formatConsensusCsv(body: ApiConsensusExport): string {
  const lines = body.data.map((row) =>
    [
      row.imageIndex,
      row.label,
      row.modelsCounted,
      row.correctCount,
      row.agreement,
      row.topWrongClass ?? '',
      row.topWrongCount,
      row.strongCount,
      row.strongTopClass ?? '',
      row.strongTopCount,
      ...row.votes,
    ].join(','),
  );
  return `${[HEADER, ...lines].join('\r\n')}\r\n`;
}
