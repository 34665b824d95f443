import type { DatasetEnum } from '@tenfold/datasets';
import { type Db, FailureKind, retryFailedSubmission, SubmissionStatus } from '@tenfold/db';
import { enqueueScoring, type ScoringQueue } from '@tenfold/queue';

/**
 * Every dataset file error of @tenfold/datasets names the IDX file (`train-images-idx3-ubyte`,
 * ...), and no other platform fault does: that is how a failure for a missing or unreadable
 * dataset file is told apart from the faults an admin should look at.
 */
const DATASET_FILE_MARK = '-ubyte';

const RETRY_REASON =
  'Queued again automatically: it failed because a dataset file was missing, and a worker that has the files is running.';

/**
 * Puts back in the queue the submissions of `datasets` that ended FAILED as a platform fault
 * because a dataset file was missing (before workers waited for their files, that is how a
 * missing dataset ended), each retry recorded in the audit log with no actor (the system).
 * Called when this worker starts able to score a dataset or becomes able to. Conditional on the
 * row still being FAILED, so two workers doing it at once retry each submission once.
 * Returns the ids queued again.
 */
export async function retryDatasetFailures(db: Db, queue: ScoringQueue, datasets: DatasetEnum[]): Promise<string[]> {
  const rows = await db.submission.findMany({
    where: {
      status: SubmissionStatus.FAILED,
      failureKind: FailureKind.PLATFORM,
      dataset: { in: datasets },
      statusReason: { contains: DATASET_FILE_MARK },
    },
    select: { id: true, statusReason: true },
  });
  const retried: string[] = [];
  for (const row of rows) {
    const isRetried = await db.$transaction(async (tx) => {
      if (!(await retryFailedSubmission(tx, row.id, { failureKind: FailureKind.PLATFORM, reason: RETRY_REASON }))) {
        return false;
      }
      await tx.auditLog.create({
        data: {
          actorId: null,
          action: 'submission.retry',
          targetType: 'Submission',
          targetId: row.id,
          reason: 'A dataset file was missing when it was scored; a worker with the dataset is running now.',
          details: {
            status: SubmissionStatus.FAILED,
            failureKind: FailureKind.PLATFORM,
            previousReason: row.statusReason,
          },
        },
      });
      return true;
    });
    if (!isRetried) continue;
    retried.push(row.id);
    // If Redis refuses, the row is QUEUED all the same and the reconciler creates its job.
    await enqueueScoring(queue, { submissionId: row.id }).catch(() => undefined);
  }
  return retried;
}
