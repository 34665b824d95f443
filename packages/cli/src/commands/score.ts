import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CommandContext } from '../command-context.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Command } from '../parse-command-line.ts';

/**
 * The local scoring command lives in @tenfold/scoring (`npm run score`); this runs that same
 * script so there is one implementation. It is a script (it runs on import), hence a child process.
 */
function scoreCommandPath(): string {
  const scoringEntry = createRequire(import.meta.url).resolve('@tenfold/scoring');
  return join(dirname(scoringEntry), 'cli', 'score-command.ts');
}

/** The scorer's own codes are 0 scored, 1 model refused, 2 usage, 3 other failure; 3 is auth here. */
function mapScoreExitCode(code: number | null): ExitCode {
  if (code === 0 || code === 1 || code === 2) return code;
  return EXIT.server;
}

export async function runScore(
  command: Extract<Command, { name: 'score' }>,
  _context: CommandContext,
): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), scoreCommandPath(), ...command.args],
    // INIT_CWD: the score command resolves the model path against it (it is normally run by npm).
    { stdio: 'inherit', env: { ...process.env, INIT_CWD: process.cwd() } },
  );
  const [code] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return mapScoreExitCode(code);
}
