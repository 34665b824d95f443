import { callApiJson } from './api-client.ts';
import { FINAL_STATUSES, type Submission, submissionResponseSchema } from './api-schemas.ts';
import { CliError, EXIT } from './exit-codes.ts';
import type { Session } from './resolve-session.ts';

const POLL_INTERVAL_MS = 1_000;
const MAX_POLL_INTERVAL_MS = 5_000;
/** A laptop changing networks should not end a long wait: only this many failed polls in a row do. */
const MAX_FAILED_POLLS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const isFinal = (submission: Submission) => (FINAL_STATUSES as readonly string[]).includes(submission.status);

export function getSubmission(session: Session, id: string): Promise<Submission> {
  return callApiJson(session, `/submissions/${encodeURIComponent(id)}`, submissionResponseSchema).then(
    (body) => body.submission,
  );
}

/**
 * Polls a submission until it is SCORED, FAILED or CANCELLED. The interval grows while it sits
 * in the queue (nothing to show) and stays short while it runs (the progress moves).
 */
export async function waitForSubmission(
  session: Session,
  id: string,
  options: { timeoutMs: number; onUpdate: (submission: Submission) => void },
): Promise<Submission> {
  const deadline = Date.now() + options.timeoutMs;
  let interval = POLL_INTERVAL_MS;
  let failedPolls = 0;
  for (;;) {
    try {
      const submission = await getSubmission(session, id);
      failedPolls = 0;
      options.onUpdate(submission);
      if (isFinal(submission)) return submission;
      interval = submission.status === 'RUNNING' ? POLL_INTERVAL_MS : Math.min(interval * 1.5, MAX_POLL_INTERVAL_MS);
    } catch (error) {
      // Auth and usage errors will not go away by waiting; the network and the server might.
      const isTransient =
        error instanceof CliError && (error.exitCode === EXIT.server || error.exitCode === EXIT.rateLimited);
      failedPolls += 1;
      if (!isTransient || failedPolls >= MAX_FAILED_POLLS) throw error;
      interval = MAX_POLL_INTERVAL_MS;
    }
    if (Date.now() + interval > deadline) {
      throw new CliError(
        `Still not finished after ${Math.round(options.timeoutMs / 1000)} s; scoring goes on. Check later: tenfold status ${id} --wait`,
        EXIT.server,
        'wait_timeout',
      );
    }
    await sleep(interval);
  }
}
