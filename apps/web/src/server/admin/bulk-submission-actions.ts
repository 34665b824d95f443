import 'server-only';
import {
  type FailureKind,
  markSubmissionCancelled,
  type Prisma,
  retryFailedSubmission,
  SubmissionStatus,
} from '@tenfold/db';
import type { z } from 'zod';
import { recordAuditEntry } from '@/server/access/record-audit-entry';
import type { Actor } from '@/server/auth/authenticate-request';
import { refreshImageConsensus } from '@/server/consensus/refresh-image-consensus';
import { removeScoringJobs } from '@/server/submissions/ownership-deps';
import type { AdminDeps } from './admin-deps.ts';
import { type BulkOutcome, type BulkSummary, bulkActionSchema, summarise } from './bulk-action-input.ts';
import { MODERATION_ACTIONS, type ModerationAction, moderationChange } from './moderation-change.ts';
import { setModelBaseline } from './set-model-baseline.ts';

export const SUBMISSION_BULK_ACTIONS = [
  'retry',
  'cancel',
  'give-back-quota',
  ...MODERATION_ACTIONS,
  'review',
  'baseline',
  'unbaseline',
] as const;

export const submissionBulkSchema = bulkActionSchema(SUBMISSION_BULK_ACTIONS, 'submission');
export type SubmissionBulkInput = z.infer<typeof submissionBulkSchema>;

type Row = {
  id: string;
  status: SubmissionStatus;
  failureKind: FailureKind | null;
  countsAgainstQuota: boolean;
  modelId: string;
};

type Context = { deps: AdminDeps; actor: Actor; reason: string | null; now: Date };

const done = (id: string, message: string): BulkOutcome => ({ id, outcome: 'done', message });
const skipped = (id: string, message: string): BulkOutcome => ({ id, outcome: 'skipped', message });

type Tx = Prisma.TransactionClient;

/**
 * One conditional update of a submission and its audit row, in one transaction: a row that no
 * longer matches `where` (changed meanwhile, or already in the wanted state) is left alone.
 * Status changes pass `write`, one of @tenfold/db's transitions, instead of `where` and `data`.
 */
async function changeSubmission(
  { deps, actor, reason }: Context,
  row: Row,
  change: { action: string; details?: Prisma.InputJsonObject } & (
    | { where: Prisma.SubmissionWhereInput; data: Prisma.SubmissionUpdateManyMutationInput }
    | { write: (tx: Tx) => Promise<boolean> }
  ),
): Promise<boolean> {
  return deps.db.$transaction(async (tx) => {
    const isApplied =
      'write' in change
        ? await change.write(tx)
        : (await tx.submission.updateMany({ where: { ...change.where, id: row.id }, data: change.data })).count > 0;
    if (!isApplied) return false;
    await recordAuditEntry(tx, actor, {
      action: `submission.${change.action}`,
      targetType: 'Submission',
      targetId: row.id,
      reason,
      details: { status: row.status, ...change.details },
    });
    return true;
  });
}

/**
 * A failed submission goes back to the queue as if new: attempts 0 (the worker's claim would
 * otherwise fail it again at once), failure cleared. A platform failure was never counted
 * against its submitter's quota and its retry is not either.
 */
async function retry(context: Context, row: Row): Promise<BulkOutcome> {
  if (row.status !== SubmissionStatus.FAILED)
    return skipped(row.id, `it is ${row.status.toLowerCase()}: only failed submissions are retried`);
  const isChanged = await changeSubmission(context, row, {
    action: 'retry',
    write: (tx) => retryFailedSubmission(tx, row.id, { failureKind: row.failureKind }),
    details: { failureKind: row.failureKind },
  });
  if (!isChanged) return skipped(row.id, 'it changed state meanwhile');
  try {
    await context.deps.enqueueScoring(row.id);
    return done(row.id, 'queued again');
  } catch (error) {
    // PostgreSQL says QUEUED, so the worker's reconciler creates the job once Redis answers.
    const detail = error instanceof Error ? error.message : String(error);
    return done(row.id, `queued again; the worker will create its job (the queue refused: ${detail})`);
  }
}

/** As an owner's cancel (cancel-submission.ts), but always audited and with the admin's reason. */
async function cancel(context: Context, row: Row): Promise<BulkOutcome> {
  const { status } = row;
  if (status !== SubmissionStatus.QUEUED && status !== SubmissionStatus.RUNNING) {
    return skipped(row.id, `it is ${status.toLowerCase()}: only queued or running submissions are cancelled`);
  }
  const reason = context.reason ? `Cancelled by an administrator: ${context.reason}` : 'Cancelled by an administrator.';
  const isChanged = await changeSubmission(context, row, {
    action: 'cancel',
    write: (tx) =>
      markSubmissionCancelled(tx, { requested: { submissionId: row.id, status } }, { reason, now: context.now }),
  });
  if (!isChanged) return skipped(row.id, 'it changed state meanwhile');
  // A running job is stopped by its worker (or found final by the next claim if its worker died).
  const isQueued = status === SubmissionStatus.QUEUED;
  if (isQueued) await removeScoringJobs(context.deps, [row.id]);
  return done(row.id, isQueued ? 'cancelled, job removed' : 'cancelled, its worker stops it');
}

/** The quota counts rows with countsAgainstQuota that are neither cancelled nor platform failures. */
async function giveBackQuota(context: Context, row: Row): Promise<BulkOutcome> {
  if (!row.countsAgainstQuota || row.status === SubmissionStatus.CANCELLED || row.failureKind === 'PLATFORM') {
    return skipped(row.id, 'it does not count against the quota');
  }
  const isChanged = await changeSubmission(context, row, {
    action: 'give-back-quota',
    where: { countsAgainstQuota: true },
    data: { countsAgainstQuota: false },
  });
  return isChanged ? done(row.id, 'no longer counts against the quota') : skipped(row.id, 'it changed meanwhile');
}

async function moderate(context: Context, row: Row, action: ModerationAction): Promise<BulkOutcome> {
  const change = moderationChange(action, context.reason, context.now);
  const isChanged = await changeSubmission(context, row, { action, where: change.precondition, data: change.data });
  return isChanged ? done(row.id, change.done) : skipped(row.id, change.skipped);
}

async function review(context: Context, row: Row): Promise<BulkOutcome> {
  const isChanged = await changeSubmission(context, row, {
    action: 'review',
    where: { reviewedAt: null },
    data: { reviewedAt: context.now },
  });
  return isChanged ? done(row.id, 'marked reviewed') : skipped(row.id, 'already reviewed');
}

async function baseline(context: Context, row: Row, isBaseline: boolean): Promise<BulkOutcome> {
  const isChanged = await setModelBaseline(context.deps.db, context.actor, row.modelId, isBaseline, {
    reason: context.reason,
    details: { viaSubmission: row.id },
  });
  if (!isChanged)
    return skipped(row.id, isBaseline ? 'its model is already a baseline' : 'its model is not a baseline');
  return done(row.id, isBaseline ? 'its model is now a baseline' : 'its model is no longer a baseline');
}

function apply(context: Context, row: Row, action: SubmissionBulkInput['action']): Promise<BulkOutcome> {
  switch (action) {
    case 'retry':
      return retry(context, row);
    case 'cancel':
      return cancel(context, row);
    case 'give-back-quota':
      return giveBackQuota(context, row);
    case 'review':
      return review(context, row);
    case 'baseline':
    case 'unbaseline':
      return baseline(context, row, action === 'baseline');
    default:
      return moderate(context, row, action);
  }
}

/**
 * One admin action over many submissions. Each id is changed (and audited) in its own
 * transaction, so one that changed meanwhile is skipped without undoing the others; the
 * summary says what happened to each.
 */
export async function applySubmissionBulkAction(
  deps: AdminDeps,
  actor: Actor,
  input: SubmissionBulkInput,
): Promise<BulkSummary> {
  const ids = [...new Set(input.ids)];
  const rows = await deps.db.submission.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      failureKind: true,
      countsAgainstQuota: true,
      modelId: true,
      model: { select: { name: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const named = new Map(rows.map((row) => [row.id, { name: row.model.name, href: `/submissions/${row.id}` }]));
  const context: Context = { deps, actor, reason: input.reason, now: new Date() };
  const results: BulkOutcome[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    results.push(row ? await apply(context, row, input.action) : skipped(id, 'no submission with this id'));
  }
  if (results.some((result) => result.outcome === 'done')) await refreshImageConsensus(deps.db);
  return summarise(input.action, results, named);
}
