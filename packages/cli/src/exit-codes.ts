/**
 * The exit codes scripts can rely on. 0-2 mean what they mean for `npm run score` (scored, model
 * refused, usage error); the scorer's "3 other failure" is reported here as 4, because 3 is auth.
 */
export const EXIT = {
  ok: 0,
  /** The model was refused, failed to score, or the submission was cancelled. */
  modelFailed: 1,
  /** Wrong arguments, a missing or unusable file, an unknown id, input the server refused. */
  usage: 2,
  /** No token, a bad or revoked token, or not allowed. */
  auth: 3,
  /** Server unreachable, a server error, a platform failure, or --wait ran out of time. */
  server: 4,
  /** Rate limited or over the daily quota: try again later (the message says when). */
  rateLimited: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `Exit codes:
  0  success (with --wait: the submission was scored)
  1  the model was refused, failed to score, or was cancelled
  2  usage error: bad arguments, missing or unusable file, unknown id, input refused by the server
  3  authentication: not logged in, bad or revoked token, not allowed
  4  server unreachable, server error, platform failure, or --wait timed out
  5  rate limited or over quota: try again later
  130  interrupted (Ctrl-C) while waiting: the scoring goes on`;

/** An expected failure: its message is shown as is (no stack) and it ends the command with `exitCode`. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** A stable snake_case code for --json output (the server's error code when it gave one). */
    readonly code: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.usage, 'usage');
