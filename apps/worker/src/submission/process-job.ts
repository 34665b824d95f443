import { type JobAttempt, type JobDeps, type JobOutcome, runClaimedJob } from '../run-claimed-job.ts';
import { submissionJobKind } from './job-kind.ts';

/**
 * Scores one submission and records the outcome on it. Model errors end it FAILED (counted
 * against the submitter's quota); the last allowed attempt after platform faults ends it FAILED
 * with failureKind PLATFORM (not counted).
 */
export function processScoreJob(deps: JobDeps, job: JobAttempt & { submissionId: string }): Promise<JobOutcome> {
  return runClaimedJob(deps, submissionJobKind, job.submissionId, job);
}
