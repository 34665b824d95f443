import type { Db } from '@tenfold/db';
import { isModelError, type SandboxLimits } from '@tenfold/scoring';
import { claimSubmission } from './claim-submission.ts';
import type { ScoringInputs } from './load-scoring-inputs.ts';
import { recordEvaluation } from './record-evaluation.ts';
import { scoreStoredSubmission } from './score-stored-submission.ts';
import { settleLostClaim } from './settle-lost-claim.ts';
import { startJobLease } from './start-job-lease.ts';
import { modelFailureUpdate, platformFailureUpdate, requeueUpdate } from './submission-updates.ts';
import { updateClaimedSubmission } from './update-claimed-submission.ts';

export type ScoreJobDeps = {
  db: Db;
  workerId: string;
  loadScoringInputs: (dataset: 'MNIST' | 'FASHION_MNIST') => Promise<ScoringInputs>;
  scoring: { limits: SandboxLimits; workDir: string; threads: number; keepWarm?: boolean };
  /** Heartbeat interval of a running job, and the age at which a heartbeat counts as stale. */
  lease: { heartbeatMs: number; staleAfterMs: number };
  /** True once the process was told to stop (SIGTERM): jobs may still finish until the grace ends. */
  isDraining?: () => boolean;
};

export type ScoreJobAttempt = {
  submissionId: string;
  /** Claims allowed in all; platform faults are retried until then. */
  maxAttempts: number;
  /** Aborted when the worker shuts down: the running job is handed back instead of finished. */
  shutdownSignal?: AbortSignal;
};

export type ScoreJobOutcome =
  | { kind: 'scored' | 'failed' | 'cancelled' | 'skipped' | 'superseded' | 'handed-back' }
  /** Another live worker holds the submission: deliver the job again at `retryAt`. */
  | { kind: 'busy'; retryAt: number };

/**
 * Scores one submission and records the outcome in PostgreSQL, exactly once however often the
 * job is delivered: the claim lets one worker hold the submission, and every write after it is
 * fenced by that claim. Model errors end the submission as FAILED; platform errors put it back
 * to QUEUED and are rethrown for BullMQ to retry with backoff, until the last allowed attempt
 * marks it FAILED with failureKind PLATFORM (not counted against the submitter's quota).
 */
export async function processScoreJob(deps: ScoreJobDeps, job: ScoreJobAttempt): Promise<ScoreJobOutcome> {
  const { db } = deps;
  const claimed = await claimSubmission(db, {
    submissionId: job.submissionId,
    workerId: deps.workerId,
    maxAttempts: job.maxAttempts,
    staleAfterMs: deps.lease.staleAfterMs,
  });
  if (claimed.kind !== 'claimed') return claimed;
  const { claim, submission } = claimed;

  const lease = startJobLease(db, claim, deps.lease.heartbeatMs);
  const signal = job.shutdownSignal ? AbortSignal.any([lease.signal, job.shutdownSignal]) : lease.signal;
  try {
    const result = await scoreStoredSubmission(deps, submission, signal, lease.reportProgress);
    await lease.stop();
    if (await recordEvaluation(db, claim, result)) return { kind: 'scored' };
    return { kind: await settleLostClaim(db, claim) };
  } catch (error) {
    await lease.stop();
    // Cancelled or taken over: the scoring process was killed on purpose, not by a fault.
    if (lease.signal.aborted) return { kind: await settleLostClaim(db, claim) };
    // A failure while stopping may be the stop itself (a supervisor signalling the whole process
    // group kills the scoring process too), so it is nobody's fault: another worker runs it again.
    if (job.shutdownSignal?.aborted || deps.isDraining?.()) {
      // Handing back is no failed attempt: a rolling restart must not use up a submission's retries.
      const handBack = requeueUpdate('Queued again: the worker scoring it was shutting down.');
      await updateClaimedSubmission(db, claim, { ...handBack, attempts: { decrement: 1 } });
      return { kind: 'handed-back' };
    }
    const message = error instanceof Error ? error.message : String(error);
    const isLastAttempt = claim.attempt >= job.maxAttempts;
    if (isModelError(error) || isLastAttempt) {
      const data = isModelError(error)
        ? modelFailureUpdate(message)
        : platformFailureUpdate(`${message} (after ${claim.attempt} attempts).`);
      if (await updateClaimedSubmission(db, claim, data)) return { kind: 'failed' };
      return { kind: await settleLostClaim(db, claim) };
    }
    await updateClaimedSubmission(db, claim, requeueUpdate(`Retrying after a fault on our side: ${message}`));
    throw error;
  }
}
