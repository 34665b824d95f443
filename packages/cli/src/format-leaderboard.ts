import { getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import { formatRank } from '@tenfold/datasets/standing-words';
import type { Leaderboard } from './api-schemas.ts';
import { formatBytes, formatCount, formatTable, percent } from './format-table.ts';

function submitterName(submitter: unknown): string {
  if (typeof submitter === 'string') return submitter;
  if (submitter && typeof submitter === 'object' && 'name' in submitter) return String(submitter.name);
  return '';
}

export function formatLeaderboard(board: Leaderboard): string {
  const name = isDatasetId(board.dataset) ? getDatasetInfo(board.dataset).name : board.dataset;
  const { page, pageCount, total } = board.pagination;
  const head = `${name} leaderboard: ${formatCount(total)} ${total === 1 ? 'model' : 'models'}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ''}${board.scorerVersion ? ` (scorer ${board.scorerVersion})` : ''}`;
  if (board.data.length === 0) return `${head}\nNo models on this page.`;
  const table = formatTable(
    [
      { title: 'rank', align: 'right' },
      { title: 'model' },
      { title: 'submitter' },
      { title: 'accuracy', align: 'right' },
      { title: '95% CI', align: 'right' },
      { title: 'params', align: 'right' },
      { title: 'size', align: 'right' },
      { title: 'ms/img', align: 'right' },
      { title: 'format' },
    ],
    board.data.map((entry) => [
      formatRank(entry.rank, entry.tied),
      entry.isBaseline ? `${entry.modelName} (baseline)` : entry.modelName,
      submitterName(entry.submitter),
      percent(entry.accuracy),
      `${percent(entry.accuracyCiLow)}–${percent(entry.accuracyCiHigh)}`,
      entry.parameterCount === null ? '' : formatCount(entry.parameterCount),
      entry.artifactBytes === null ? '' : formatBytes(entry.artifactBytes),
      entry.meanLatencyMs === null ? '' : entry.meanLatencyMs.toFixed(3),
      entry.format,
    ]),
  );
  return `${head}\n\n${table}`;
}
