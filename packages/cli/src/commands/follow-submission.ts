import type { Submission } from '../api-schemas.ts';
import type { CommandContext } from '../command-context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { formatSubmissionReport } from '../format-submission.ts';
import { createProgressReporter } from '../progress-reporter.ts';
import type { Session } from '../resolve-session.ts';
import { isFinal, waitForSubmission } from '../wait-for-submission.ts';

/** Follows a submission to its end, with a progress line on stderr. */
export async function followSubmission(
  session: Session,
  submission: Submission,
  timeoutSeconds: number,
  { io }: CommandContext,
): Promise<Submission> {
  const reporter = createProgressReporter(io.errRaw, io.isErrTty);
  reporter.update(submission);
  if (isFinal(submission)) {
    reporter.done();
    return submission;
  }
  // Ctrl-C stops the waiting, not the scoring: say so, and how to pick it up again.
  const onInterrupt = () => {
    reporter.done();
    io.err(`Stopped waiting; scoring goes on. Follow it again with: tenfold status ${submission.id} --wait`);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    return await waitForSubmission(session, submission.id, {
      timeoutMs: timeoutSeconds * 1000,
      onUpdate: reporter.update,
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    reporter.done();
  }
}

/** What a submission's state means for a script: scored (or still going) is 0; failed or cancelled is not. */
export function exitCodeOf(submission: Submission): ExitCode {
  if (submission.status === 'CANCELLED') return EXIT.modelFailed;
  if (submission.status === 'FAILED') return submission.failureKind === 'PLATFORM' ? EXIT.server : EXIT.modelFailed;
  return EXIT.ok;
}

/** Prints a submission (JSON or the human report) and returns the exit code its state means. */
export function reportSubmission(submission: Submission, { io }: CommandContext, isJson: boolean): ExitCode {
  if (isJson) io.out(JSON.stringify({ submission }, null, 2));
  else io.out(formatSubmissionReport(submission));
  const code = exitCodeOf(submission);
  if (code !== EXIT.ok) {
    const what = submission.status === 'CANCELLED' ? 'was cancelled' : 'failed';
    const platform = submission.failureKind === 'PLATFORM' ? ' (a problem on the server, not in your model)' : '';
    io.err(`Submission ${submission.id} ${what}${platform}: ${submission.statusReason ?? 'no reason given'}`);
  }
  return code;
}
