import 'server-only';
import { type DatasetId, datasetIdFromEnum } from '@tenfold/datasets/catalog';
import type { Db, RescoreItemStatus } from '@tenfold/db';
import { isMoved, type RankMove, rankMove } from './rank-move.ts';

export type RescoreReportRow = {
  itemId: string;
  submissionId: string;
  modelId: string;
  modelName: string;
  dataset: DatasetId;
  status: RescoreItemStatus;
  /** Why it failed or was cancelled. */
  reason: string | null;
  oldAccuracy: number | null;
  newAccuracy: number | null;
  /** new - old, when both exist. */
  delta: number | null;
  oldRank: number | null;
  newRank: number | null;
  move: RankMove;
};

export type RescoreReportSummary = {
  rescored: number;
  moved: number;
  changed: number;
  failed: number;
  cancelled: number;
};

export type RescoreReport = { rows: RescoreReportRow[]; summary: RescoreReportSummary };

/**
 * The report of a batch: each entry's numbers before (frozen when the batch was created) and
 * after (its new evaluation, and its board position frozen when the batch ended). Moves are
 * only meaningful once the batch ended; before that new ranks are empty. Rows that moved come
 * first, then by dataset and new position.
 */
export async function getRescoreReport(db: Db, batchId: string): Promise<RescoreReport> {
  const items = await db.rescoreItem.findMany({
    where: { batchId },
    select: {
      id: true,
      submissionId: true,
      status: true,
      statusReason: true,
      oldAccuracy: true,
      newAccuracy: true,
      oldRank: true,
      newRank: true,
      submission: { select: { dataset: true, model: { select: { id: true, name: true } } } },
    },
  });
  const rows = items.map((item): RescoreReportRow => {
    const move = rankMove(item.oldRank, item.newRank);
    return {
      itemId: item.id,
      submissionId: item.submissionId,
      modelId: item.submission.model.id,
      modelName: item.submission.model.name,
      dataset: datasetIdFromEnum(item.submission.dataset),
      status: item.status,
      reason: item.status === 'FAILED' || item.status === 'CANCELLED' ? item.statusReason : null,
      oldAccuracy: item.oldAccuracy,
      newAccuracy: item.newAccuracy,
      delta: item.oldAccuracy !== null && item.newAccuracy !== null ? item.newAccuracy - item.oldAccuracy : null,
      oldRank: item.oldRank,
      newRank: item.newRank,
      move,
    };
  });
  const position = (row: RescoreReportRow) => row.newRank ?? row.oldRank ?? Number.MAX_SAFE_INTEGER;
  rows.sort(
    (a, b) =>
      Number(isMoved(b.move)) - Number(isMoved(a.move)) ||
      a.dataset.localeCompare(b.dataset) ||
      position(a) - position(b) ||
      a.submissionId.localeCompare(b.submissionId),
  );
  const summary: RescoreReportSummary = {
    rescored: rows.filter((row) => row.status === 'DONE').length,
    moved: rows.filter((row) => isMoved(row.move)).length,
    changed: rows.filter((row) => row.delta !== null && row.delta !== 0).length,
    failed: rows.filter((row) => row.status === 'FAILED').length,
    cancelled: rows.filter((row) => row.status === 'CANCELLED').length,
  };
  return { rows, summary };
}

/** "12 rescored, 3 moved, 1 failed" */
export function formatReportSummary(summary: RescoreReportSummary): string {
  const parts = [`${summary.rescored} rescored`, `${summary.changed} changed accuracy`, `${summary.moved} moved`];
  if (summary.failed) parts.push(`${summary.failed} failed`);
  if (summary.cancelled) parts.push(`${summary.cancelled} cancelled`);
  return parts.join(', ');
}
