import 'server-only';
import type { Db, RescoreBatchStatus } from '@tenfold/db';
import { describeSelection, rescoreSelectionSchema } from './rescore-selection.ts';

export type RescoreBatchSummary = {
  id: string;
  status: RescoreBatchStatus;
  reason: string;
  selection: string;
  createdByName: string;
  createdAt: Date;
  finishedAt: Date | null;
  total: number;
  finished: number;
  failed: number;
  scorerVersion: string;
};

/** Batches shown per page of the console, newest first. */
export const BATCHES_SHOWN = 50;

/** The stored selection carries the skipped counts beside what was asked. */
export function describeStoredSelection(stored: unknown): string {
  const { skipped: _skipped, ...selection } =
    typeof stored === 'object' && stored ? (stored as Record<string, unknown>) : {};
  const parsed = rescoreSelectionSchema.safeParse(selection);
  return parsed.success ? describeSelection(parsed.data) : 'unknown selection';
}

/** The newest batches with their progress. */
export async function listRescoreBatches(db: Db): Promise<RescoreBatchSummary[]> {
  const batches = await db.rescoreBatch.findMany({
    orderBy: { createdAt: 'desc' },
    take: BATCHES_SHOWN,
    include: { createdBy: { select: { name: true } } },
  });
  const counts = await db.rescoreItem.groupBy({
    by: ['batchId', 'status'],
    where: { batchId: { in: batches.map((batch) => batch.id) }, status: { in: ['DONE', 'FAILED', 'CANCELLED'] } },
    _count: { _all: true },
  });
  return batches.map((batch) => {
    const of = (status: string) =>
      counts.find((row) => row.batchId === batch.id && row.status === status)?._count._all ?? 0;
    return {
      id: batch.id,
      status: batch.status,
      reason: batch.reason,
      selection: describeStoredSelection(batch.selection),
      createdByName: batch.createdBy.name,
      createdAt: batch.createdAt,
      finishedAt: batch.finishedAt,
      total: batch.total,
      finished: of('DONE') + of('FAILED') + of('CANCELLED'),
      failed: of('FAILED'),
      scorerVersion: batch.scorerVersion,
    };
  });
}
