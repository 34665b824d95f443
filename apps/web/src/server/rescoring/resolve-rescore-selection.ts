import 'server-only';
import { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from '@tenfold/boards';
import { SCORER_VERSION } from '@tenfold/contract';
import { datasetEnumFromId } from '@tenfold/datasets/catalog';
import type { Dataset, Db, Prisma, SubmissionStatus } from '@tenfold/db';
import type { RescoreSelection } from './rescore-selection.ts';

export type SelectedSubmission = { submissionId: string; dataset: Dataset; oldAccuracy: number };

export type ResolvedSelection = {
  selected: SelectedSubmission[];
  /** Why the rest of what was named is not rescored, e.g. { "not found": 1, "queued": 2 }. */
  skipped: Record<string, number>;
};

function baseWhere(selection: RescoreSelection): Prisma.SubmissionWhereInput {
  switch (selection.kind) {
    case 'submission':
      return { id: selection.submissionId };
    case 'ids':
      return { id: { in: selection.ids } };
    case 'dataset':
      return { dataset: datasetEnumFromId(selection.dataset) };
    case 'all':
    case 'older-scorer':
    case 'backend':
      return {};
  }
}

function namedIds(selection: RescoreSelection): string[] {
  if (selection.kind === 'submission') return [selection.submissionId];
  if (selection.kind === 'ids') return [...new Set(selection.ids)];
  return [];
}

const STATUS_REASON: Record<Exclude<SubmissionStatus, 'SCORED'>, string> = {
  QUEUED: 'not scored yet (queued)',
  RUNNING: 'not scored yet (running)',
  FAILED: 'failed, nothing to rescore',
  CANCELLED: 'cancelled, nothing to rescore',
};

/**
 * Turns a selection into the SCORED submissions to rescore, each with the accuracy of its
 * evaluation in force (the "old" number of the report), and counts what was left out and why.
 * Two queries whatever the size: 10,000 submissions resolve in well under a second.
 */
export async function resolveRescoreSelection(db: Db, selection: RescoreSelection): Promise<ResolvedSelection> {
  const skipped: Record<string, number> = {};
  const skip = (reason: string, count = 1) => {
    skipped[reason] = (skipped[reason] ?? 0) + count;
  };
  const where = baseWhere(selection);
  const statuses = await db.submission.groupBy({ by: ['status'], where, _count: { _all: true } });
  for (const { status, _count } of statuses) {
    if (status !== 'SCORED') skip(STATUS_REASON[status], _count._all);
  }
  const scored = await db.submission.findMany({
    where: { ...where, status: 'SCORED' },
    select: {
      id: true,
      dataset: true,
      evaluations: {
        select: { scorerVersion: true, backend: true, accuracy: true },
        orderBy: NEWEST_EVALUATIONS_FIRST,
      },
    },
    orderBy: { createdAt: 'asc' },
  });
  const ids = namedIds(selection);
  if (ids.length > 0) {
    const known = statuses.reduce((sum, row) => sum + row._count._all, 0);
    if (known < ids.length) skip('not found', ids.length - known);
  }

  const selected: SelectedSubmission[] = [];
  for (const submission of scored) {
    const inForce = pickEvaluationInForce(submission.evaluations);
    if (!inForce) {
      skip('scored but without an evaluation');
      continue;
    }
    if (selection.kind === 'older-scorer' && inForce.scorerVersion === SCORER_VERSION) continue;
    if (selection.kind === 'backend' && inForce.backend !== selection.backend) continue;
    selected.push({ submissionId: submission.id, dataset: submission.dataset, oldAccuracy: inForce.accuracy });
  }
  return { selected, skipped };
}
