import type { DatasetEnum } from '@tenfold/datasets';
import { type Db, FailureKind, type Submission, type SubmissionFailure } from '@tenfold/db';
import type { PageChange } from '@tenfold/queue';
import type { ScoringInputs } from '@tenfold/scoring';
import {
  isModelError,
  isShiftedCheckLong,
  type RankedResult,
  type SandboxLimits,
  type ScoringRun,
} from '@tenfold/scoring';
import { recordShiftedCheck } from './record-shifted-check.ts';
import { refreshImageConsensus } from './refresh-image-consensus.ts';
import { scoreStoredSubmission } from './score-stored-submission.ts';
import { startLease } from './start-lease.ts';

export type JobDeps = {
  db: Db;
  workerId: string;
  loadScoringInputs: (dataset: DatasetEnum) => Promise<ScoringInputs>;
  /**
   * Whether this worker has the dataset's files (default: yes). A job of a dataset it lacks is
   * not claimed: it waits, untouched and QUEUED, for a worker that has them.
   */
  datasets?: { canScore: (dataset: DatasetEnum) => boolean; waitMs: number };
  scoring: { limits: SandboxLimits; workDir: string; threads: number; keepWarm?: boolean };
  /** Heartbeat interval of a running job, and the age at which a heartbeat counts as stale. */
  lease: { heartbeatMs: number; staleAfterMs: number };
  /** True once the process was told to stop (SIGTERM): jobs may still finish until the grace ends. */
  isDraining?: () => boolean;
  /** Told after a result or failure was committed, so the web app re-renders the pages showing it. */
  announcePageChange?: (change: PageChange) => void;
};

export type JobAttempt = {
  /** Claims allowed in all; platform faults are retried until then. */
  maxAttempts: number;
  /** Aborted when the worker shuts down: the running job is handed back instead of finished. */
  shutdownSignal?: AbortSignal;
};

export type JobOutcome =
  | { kind: 'scored' | 'failed' | 'cancelled' | 'skipped' | 'superseded' | 'handed-back' }
  /** Another live worker holds the row: deliver the job again at `retryAt`. */
  | { kind: 'busy'; retryAt: number };

export type StoredSubmission = Submission & { artifact: { bytes: Uint8Array } };

/** The row a job claims (a submission, a rescore item), as a claim decides on it. */
export type ClaimableRow = {
  isFinal: boolean;
  isRunning: boolean;
  attempts: number;
  heartbeatAt: Date | null;
  statusReason: string | null;
  /** Its cancellation was asked for (a submission) or happened (a rescore item's batch). */
  isCancelled: boolean;
  /** The submission's dataset: a worker without its files leaves the row alone. */
  dataset: DatasetEnum;
};

/** A row no live worker holds, as the claimer read it; every write from it is conditional on it. */
export type Unheld = { id: string; attempts: number; staleBefore: Date };

/** Why a row ended FAILED: the same two kinds for every job. */
export type Failure = SubmissionFailure;

/**
 * What differs between the job kinds: which row holds the state and how each transition is
 * written. Every write is conditional (on the unheld state read, or on the claim) and answers
 * whether it applied.
 */
export type JobKind<Claim> = {
  /** Words for the rows' reasons: "scoring" or "rescoring". */
  verb: string;
  read: (db: Db, id: string) => Promise<ClaimableRow | null>;
  cancelUnheld: (db: Db, row: Unheld, now: Date) => Promise<boolean>;
  failUnheld: (db: Db, row: Unheld, failure: Failure, now: Date) => Promise<boolean>;
  /** The claim and the submission to score, or null when another claim won. */
  claim: (
    db: Db,
    row: Unheld,
    workerId: string,
    now: Date,
  ) => Promise<{ claim: Claim; submission: StoredSubmission } | null>;
  /** Why the claimed submission is not to be scored at all, or null. */
  refusal?: (submission: StoredSubmission) => string | null;
  heartbeat: (db: Db, claim: Claim, progressImages: number) => Promise<boolean>;
  /** Writes the final state and the evaluation (the shifted-copy check still running); its id, or null. */
  record: (db: Db, claim: Claim, submission: StoredSubmission, result: RankedResult) => Promise<string | null>;
  fail: (db: Db, claim: Claim, failure: Failure) => Promise<boolean>;
  requeue: (db: Db, claim: Claim, reason: string) => Promise<boolean>;
  /** Back to the queue without using up an attempt. */
  handBack: (db: Db, claim: Claim, reason: string) => Promise<boolean>;
  /** After the claim was found gone: a cancellation, or another worker that took the row over. */
  settleLost: (db: Db, claim: Claim) => Promise<'cancelled' | 'superseded'>;
  /** The claim's attempt number (its fencing token). */
  attemptOf: (claim: Claim) => number;
};

export type ClaimOptions = {
  id: string;
  workerId: string;
  /** Claims allowed in all; the next one fails the row as a platform fault instead. */
  maxAttempts: number;
  /** A RUNNING row with an older heartbeat has lost its worker and may be taken over. */
  staleAfterMs: number;
  datasets?: JobDeps['datasets'];
  now?: Date;
};

export type ClaimResult<Claim> =
  | { kind: 'claimed'; claim: Claim; submission: StoredSubmission }
  /** Gone, or already final: a duplicate or late delivery. */
  | { kind: 'skipped' }
  | { kind: 'cancelled' }
  /** Out of attempts: ended as a platform failure. */
  | { kind: 'failed' }
  /** A live worker holds it (or another claim won a race): look again at `retryAt`. */
  | { kind: 'busy'; retryAt: number };

/** After losing a race for the row, how soon to look at it again. */
const RACE_RETRY_MS = 1_000;

/**
 * Takes the row: QUEUED, or RUNNING under a worker whose heartbeat went stale. Every write is
 * conditional on the state just read, so of two workers delivered the same job (a stalled job
 * redelivered, a job re-created after Redis lost its data) exactly one wins; the claim increments
 * `attempts`, which fences every later write of the winner.
 */
export async function claimJob<Claim>(
  db: Db,
  kind: JobKind<Claim>,
  options: ClaimOptions,
): Promise<ClaimResult<Claim>> {
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - options.staleAfterMs);
  const row = await kind.read(db, options.id);
  if (!row || row.isFinal) return { kind: 'skipped' };
  if (row.isRunning && row.heartbeatAt && row.heartbeatAt >= staleBefore) {
    return { kind: 'busy', retryAt: row.heartbeatAt.getTime() + options.staleAfterMs + 1 };
  }
  const unheld: Unheld = { id: options.id, attempts: row.attempts, staleBefore };
  const lostRace = { kind: 'busy', retryAt: now.getTime() + RACE_RETRY_MS } as const;
  if (row.isCancelled) return (await kind.cancelUnheld(db, unheld, now)) ? { kind: 'cancelled' } : lostRace;
  if (row.attempts >= options.maxAttempts) {
    const last = row.statusReason ? ` (last: ${row.statusReason})` : '';
    const failure: Failure = { kind: FailureKind.PLATFORM, detail: `it was interrupted ${row.attempts} times${last}.` };
    return (await kind.failUnheld(db, unheld, failure, now)) ? { kind: 'failed' } : lostRace;
  }
  // Not this worker's to take: no attempt is used, nothing is written, and the job comes back
  // later, for this worker once its files are there or for another that has them.
  if (options.datasets && !options.datasets.canScore(row.dataset)) {
    return { kind: 'busy', retryAt: now.getTime() + options.datasets.waitMs };
  }
  const claimed = await kind.claim(db, unheld, options.workerId, now);
  return claimed ? { kind: 'claimed', ...claimed } : lostRace;
}

/**
 * Runs one job exactly once however often it is delivered: the claim lets one worker hold the
 * row, a lease keeps it (and aborts scoring once the row was cancelled or taken over), and every
 * write after it is fenced by the claim. Model errors end the row FAILED; platform errors put it
 * back to QUEUED and are rethrown for BullMQ to retry with backoff, until the last allowed
 * attempt marks it FAILED as a platform fault. A worker shutting down hands the row back.
 * The row is final (and the board shows it) as soon as the test images are scored; the job then
 * waits for the shifted-copy check in the same scoring process and fills in its outcome, so the
 * next job never competes with it for the CPU.
 */
export async function runClaimedJob<Claim>(
  deps: JobDeps,
  kind: JobKind<Claim>,
  id: string,
  job: JobAttempt,
): Promise<JobOutcome> {
  const { db } = deps;
  const claimed = await claimJob(db, kind, {
    id,
    workerId: deps.workerId,
    maxAttempts: job.maxAttempts,
    staleAfterMs: deps.lease.staleAfterMs,
    datasets: deps.datasets,
  });
  if (claimed.kind !== 'claimed') return claimed;
  const { claim, submission } = claimed;
  const settle = async (isWritten: boolean, kindIfWritten: 'scored' | 'failed'): Promise<JobOutcome> => {
    if (!isWritten) return { kind: await kind.settleLost(db, claim) };
    deps.announcePageChange?.({ dataset: submission.dataset, modelId: submission.modelId });
    return { kind: kindIfWritten };
  };

  const refusal = kind.refusal?.(submission);
  if (refusal) return settle(await kind.fail(db, claim, { kind: FailureKind.MODEL, reason: refusal }), 'failed');

  let progressImages = 0;
  const lease = startLease(() => kind.heartbeat(db, claim, progressImages), deps.lease.heartbeatMs);
  const signal = job.shutdownSignal ? AbortSignal.any([lease.signal, job.shutdownSignal]) : lease.signal;
  let run: ScoringRun | null = null;
  let result: RankedResult;
  let evaluationId: string | null;
  try {
    run = await scoreStoredSubmission(deps, submission, signal, (images) => {
      progressImages = images;
    });
    result = await run.ranked;
    await lease.stop();
    evaluationId = await kind.record(db, claim, submission, result);
  } catch (error) {
    run?.stop();
    await lease.stop();
    // Cancelled or taken over: the scoring process was killed on purpose, not by a fault.
    if (lease.signal.aborted) return { kind: await kind.settleLost(db, claim) };
    // A failure while stopping may be the stop itself (a supervisor signalling the whole process
    // group kills the scoring process too), so it is nobody's fault: another worker runs it again.
    if (job.shutdownSignal?.aborted || deps.isDraining?.()) {
      await kind.handBack(db, claim, `Queued again: the worker ${kind.verb} it was shutting down.`);
      return { kind: 'handed-back' };
    }
    const message = error instanceof Error ? error.message : String(error);
    const attempt = kind.attemptOf(claim);
    if (isModelError(error) || attempt >= job.maxAttempts) {
      const failure: Failure = isModelError(error)
        ? { kind: FailureKind.MODEL, reason: message }
        : { kind: FailureKind.PLATFORM, detail: `${message} (after ${attempt} attempts).` };
      return settle(await kind.fail(db, claim, failure), 'failed');
    }
    await kind.requeue(db, claim, `Retrying after a fault on our side: ${message}`);
    throw error;
  }
  if (evaluationId === null) run.stop();
  else run.rankRecorded();
  const outcome = await settle(evaluationId !== null, 'scored');
  if (evaluationId === null) return outcome;
  // The consensus sync reads and writes the dataset's 10,000 consensus rows, partly on this
  // thread (0.3-0.6 s here), and nobody waits for it. Beside a short check it delayed the check's
  // result by as much (the CNN's whole job 0.8 s against 0.4 s, bench:scoring), so it follows
  // one; a long check absorbs it, and the next job then does not meet it. Not awaited: the
  // evaluation stands whatever the sync does, and a job kept open for its second would swallow a
  // re-enqueue of the same id.
  const syncConsensus = () => void refreshImageConsensus(db, submission.dataset, deps.announcePageChange);
  const isCheckLong = isShiftedCheckLong(result);
  if (isCheckLong) syncConsensus();
  await recordShiftedCheck(db, evaluationId, run.shiftedAccuracy);
  // The submission's page shows the check's outcome: it is rendered again.
  deps.announcePageChange?.({ dataset: submission.dataset, modelId: submission.modelId });
  if (!isCheckLong) syncConsensus();
  return outcome;
}
