import type { CommandContext } from './command-context.ts';
import { runExport } from './commands/export.ts';
import { runLeaderboard } from './commands/leaderboard.ts';
import { runLogin, runLogout } from './commands/login.ts';
import { runScore } from './commands/score.ts';
import { runStatus } from './commands/status.ts';
import { runSubmit } from './commands/submit.ts';
import { readCliEnv } from './env.ts';
import { CliError, EXIT } from './exit-codes.ts';
import { commandHelp, MAIN_HELP } from './help-text.ts';
import { type Io, processIo } from './io.ts';
import { type Command, parseCommandLine } from './parse-command-line.ts';

function run(command: Command, context: CommandContext): Promise<number> {
  switch (command.name) {
    case 'help':
      context.io.out(command.topic ? commandHelp(command.topic) : MAIN_HELP);
      return Promise.resolve(EXIT.ok);
    case 'login':
      return runLogin(command, context);
    case 'logout':
      return runLogout(command, context);
    case 'submit':
      return runSubmit(command, context);
    case 'status':
      return runStatus(command, context);
    case 'leaderboard':
      return runLeaderboard(command, context);
    case 'export':
      return runExport(command, context);
    case 'score':
      return runScore(command, context);
  }
}

/** Runs `tenfold <argv>` and returns its exit code; errors are printed, never thrown. */
export async function runCli(argv: string[], io: Io = processIo(), env = readCliEnv()): Promise<number> {
  // Known before parsing, so even a usage error comes out as JSON when --json was asked for.
  const isJson = argv.includes('--json');
  try {
    return await run(parseCommandLine(argv), { env, io });
  } catch (error) {
    const known =
      error instanceof CliError
        ? error
        : new CliError(
            `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            EXIT.server,
            'internal',
          );
    if (isJson)
      io.out(JSON.stringify({ error: { code: known.code, message: known.message, exitCode: known.exitCode } }));
    io.err(`tenfold: ${known.message}`);
    if (known.exitCode === EXIT.usage && known.code === 'usage' && !isJson) io.err('Run tenfold --help for usage.');
    return known.exitCode;
  }
}
